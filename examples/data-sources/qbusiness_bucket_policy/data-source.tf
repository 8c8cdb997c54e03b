# In the account that owns the bucket: let the S3 connector role of the application's account read it.
data "qbusiness_bucket_policy" "shared_docs" {
  bucket             = "shared-docs"
  connector_role_arn = "arn:aws:iam::123456789012:role/qbusiness-s3-connector"
}

output "bucket_policy" {
  value = data.qbusiness_bucket_policy.shared_docs.json
}
