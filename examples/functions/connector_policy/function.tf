locals {
  # The same document as the qbusiness_connector_policy data source, computed during evaluation.
  s3_connector_policy = provider::qbusiness::connector_policy("s3", {
    application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    index_id       = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
    bucket         = "my-docs"
    region         = "us-east-1"
    account_id     = "123456789012"
  })
}

output "s3_connector_policy" {
  value = local.s3_connector_policy
}
