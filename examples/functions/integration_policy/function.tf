locals {
  integration_policy = provider::qbusiness::integration_policy("integration", {
    application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    region         = "us-east-1"
    account_id     = "123456789012"
  })
}

output "integration_policy" {
  value = local.integration_policy
}
