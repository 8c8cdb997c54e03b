provider "qbusiness" {
  region     = "us-east-1"
  account_id = "123456789012"
}

# An S3 connector role as an estate wrote it by hand (in practice: aws_iam_role.connector.assume_role_policy
# and data.aws_iam_policy.connector.policy, or file("policies/connector.json")): the trust has no
# aws:SourceArn, ingest is granted on the index only, and principal mapping on the data-source ARN.
locals {
  application = "arn:aws:qbusiness:us-east-1:123456789012:application/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  index       = "${local.application}/index/b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"

  trust_in_place = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "qbusiness.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  permissions_in_place = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Read", Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::my-docs/*" },
      { Sid = "List", Effect = "Allow", Action = "s3:ListBucket", Resource = "arn:aws:s3:::my-docs" },
      { Sid = "Ingest", Effect = "Allow", Action = ["qbusiness:BatchPutDocument", "qbusiness:BatchDeleteDocument"], Resource = local.index },
      {
        Sid      = "Principals"
        Effect   = "Allow"
        Action   = ["qbusiness:PutGroup", "qbusiness:CreateUser", "qbusiness:DeleteGroup", "qbusiness:UpdateUser", "qbusiness:ListGroups"]
        Resource = [local.application, local.index, "${local.index}/data-source/*"]
      },
    ]
  })
}

data "qbusiness_trust_policy" "connector" {
  kind           = "connector"
  application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
}

data "qbusiness_connector_policy" "s3" {
  connector      = "s3"
  application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  index_id       = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
  bucket         = "my-docs"
  pass_role      = false
}

data "qbusiness_policy_check" "trust" {
  policy   = local.trust_in_place
  expected = data.qbusiness_trust_policy.connector.json
  kind     = "trust"
}

data "qbusiness_policy_check" "permissions" {
  policy   = local.permissions_in_place
  expected = data.qbusiness_connector_policy.s3.json
  # The connector's own calls and their neighbours, as its request table names them.
  requests = data.qbusiness_connector_policy.s3.allows
}

# Fails `terraform plan` in CI (as a warning that names the requests) while the role in place would
# break ingestion.
check "connector_role_keeps_working" {
  assert {
    condition     = length(data.qbusiness_policy_check.permissions.missing) == 0
    error_message = "The connector role in place denies what the connector needs: ${data.qbusiness_policy_check.permissions.summary}"
  }
}

output "trust_summary" {
  value = data.qbusiness_policy_check.trust.summary
}

output "permissions_missing" {
  value = [for r in data.qbusiness_policy_check.permissions.missing : "${r.action} ${r.resource}"]
}
