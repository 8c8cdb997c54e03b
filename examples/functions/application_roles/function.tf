locals {
  # The same documents as the qbusiness_application_roles data source, computed during evaluation.
  roles = provider::qbusiness::application_roles({
    application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    index_id       = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
    region         = "us-east-1"
    account_id     = "123456789012"
    roles = {
      docs = { role = "connector", connector = "s3", bucket = "my-docs" }
      web  = { role = "web_experience", kind = "identity_center" }
    }
  })
}

output "docs_policy" {
  value = local.roles["docs"].policy
}
