# The connector catalog, for modules that iterate over connectors or validate a variable.
data "qbusiness_connectors" "all" {}

data "qbusiness_connectors" "databases" {
  template = "server"
}

variable "connector" {
  type    = string
  default = "confluence_cloud"

  validation {
    condition     = contains(data.qbusiness_connectors.all.ids, var.connector)
    error_message = "Not a connector this provider knows."
  }
}

output "server_connectors" {
  value = data.qbusiness_connectors.databases.ids
}
