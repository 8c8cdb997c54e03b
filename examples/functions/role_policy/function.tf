locals {
  plugin_policy = provider::qbusiness::role_policy("plugin", {
    secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:qbusiness-plugin-AbCdEf"
  })
}

output "plugin_policy" {
  value = local.plugin_policy
}
