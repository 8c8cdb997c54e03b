provider "qbusiness" {
  region     = "us-east-1"
  account_id = "123456789012"
}

# An S3 connector reading SSE-KMS encrypted documents, running in two subnets of your VPC.
data "qbusiness_connector_policy" "s3" {
  connector          = "s3"
  application_id     = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  index_id           = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
  bucket             = "my-docs"
  kms_key_arn        = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  security_group_ids = ["sg-0123456789abcdef0"]
}

# A self-hosted server connector with its credentials in Secrets Manager and an SSL certificate in S3, plus a
# statement of your own.
data "qbusiness_connector_policy" "server" {
  connector                  = "sharepoint_server"
  application_id             = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  index_id                   = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
  secret_arn                 = "arn:aws:secretsmanager:us-east-1:123456789012:secret:qbusiness-sharepoint-AbCdEf"
  ssl_certificate_bucket     = "my-server-certificates"
  ssl_certificate_key_prefix = "sharepoint/"

  statement {
    sid       = "DescribeDatabase"
    actions   = ["rds:DescribeDBInstances"]
    resources = ["arn:aws:rds:us-east-1:123456789012:db:documents"]
  }
}

output "s3_policy" {
  value = data.qbusiness_connector_policy.s3.json
}

output "server_policy" {
  value = data.qbusiness_connector_policy.server.json
}
