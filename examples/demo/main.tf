# The IAM documents of an S3 data-source connector role: its permissions policy and its trust
# policy. `make demo` plans this with real Terraform; nothing is created in AWS.

terraform {
  required_providers {
    qbusiness = {
      source  = "qbusiness-iam/qbusiness"
      version = "0.1.0"
    }
  }
}

provider "qbusiness" {
  region     = "us-east-1"
  account_id = "123456789012"
}

locals {
  application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  index_id       = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
}

data "qbusiness_connector_policy" "s3" {
  connector      = "s3"
  application_id = local.application_id
  index_id       = local.index_id
  bucket         = "my-docs"
}

data "qbusiness_trust_policy" "s3" {
  kind           = "connector"
  application_id = local.application_id
}

output "permissions_policy" {
  value = data.qbusiness_connector_policy.s3.json
}

output "trust_policy" {
  value = data.qbusiness_trust_policy.s3.json
}
