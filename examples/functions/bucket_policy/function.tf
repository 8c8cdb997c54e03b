locals {
  bucket_policy = provider::qbusiness::bucket_policy({
    bucket             = "shared-docs"
    connector_role_arn = "arn:aws:iam::123456789012:role/qbusiness-s3-connector"
  })
}

output "bucket_policy" {
  value = local.bucket_policy
}
