# In the account that owns the bucket: let the S3 connector role of the application's account read it.
data "qbusiness_bucket_policy" "shared_docs" {
  bucket             = "shared-docs"
  connector_role_arn = "arn:aws:iam::123456789012:role/qbusiness-s3-connector"
}

output "bucket_policy" {
  value = data.qbusiness_bucket_policy.shared_docs.json
}

# The common case: the bucket already has a policy. Its statements come in as a source document,
# and the connector's grant joins them (the result replaces the bucket's policy).
data "qbusiness_bucket_policy" "merged" {
  bucket             = "shared-docs"
  connector_role_arn = "arn:aws:iam::123456789012:role/qbusiness-s3-connector"
  source_policy_documents = [jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::shared-docs", "arn:aws:s3:::shared-docs/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })]
}

output "merged_bucket_policy" {
  value = data.qbusiness_bucket_policy.merged.json
}
