provider "qbusiness" {
  region     = "us-east-1"
  account_id = "123456789012"
}

# The role a Slack, Teams, Outlook or Word integration chats with on the user's behalf.
data "qbusiness_integration_policy" "integration" {
  role           = "integration"
  application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
}

# The role Q Business reads the integration's IAM Identity Center application with.
data "qbusiness_integration_policy" "monitoring" {
  role                         = "monitoring"
  identity_center_instance_arn = "arn:aws:sso:::instance/ssoins-1234567890abcdef"
}

output "integration_policy" {
  value = data.qbusiness_integration_policy.integration.json
}

output "monitoring_policy" {
  value = data.qbusiness_integration_policy.monitoring.json
}
