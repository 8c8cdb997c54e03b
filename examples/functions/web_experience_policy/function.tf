locals {
  web_experience_policy = provider::qbusiness::web_experience_policy({
    application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    kms_key_arn    = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    region         = "us-east-1"
    account_id     = "123456789012"
  })
}

output "web_experience_policy" {
  value = local.web_experience_policy
}
