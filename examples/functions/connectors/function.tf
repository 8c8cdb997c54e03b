locals {
  # The catalog as a value, e.g. to validate a module's input without a data source.
  server_connectors = [for c in provider::qbusiness::connectors({ template = "server" }) : c.id]
}

output "server_connectors" {
  value = local.server_connectors
}
