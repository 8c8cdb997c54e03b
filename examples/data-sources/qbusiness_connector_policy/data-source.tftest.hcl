run "s3_connector_reads_its_bucket_and_decrypts_through_s3" {
  command = plan

  assert {
    condition     = [for s in jsondecode(data.qbusiness_connector_policy.s3.json).Statement : s.Sid] == ["AllowsAmazonQToGetObjectfromS3", "AllowsAmazonQToListS3Buckets", "AllowsAmazonQToDecryptS3Objects", "AllowsAmazonQToPassCustomerRole", "AllowsAmazonQToIngestDocuments", "AllowsAmazonQToIngestPrincipalMapping", "AllowsAmazonQToCreateNIInSubnetsAndSecurityGroups", "AllowsAmazonQToCreateNIForSpecificTag", "AllowsAmazonQToDeleteNIForSpecificTag", "AllowsAmazonQToCreateTags", "AllowsAmazonQToCreateNetworkInterfacePermission", "AllowsAmazonQToDescribeResourcesForVPC"]
    error_message = "unexpected statements in the S3 connector policy"
  }

  assert {
    condition     = jsondecode(data.qbusiness_connector_policy.s3.json).Statement[2].Condition.StringEquals["kms:ViaService"] == "s3.us-east-1.amazonaws.com"
    error_message = "the KMS key must be usable through S3"
  }
}

run "server_connector_reads_its_certificate_and_keeps_the_extra_statement" {
  command = plan

  assert {
    condition     = jsondecode(data.qbusiness_connector_policy.server.json).Statement[0].Resource == "arn:aws:s3:::my-server-certificates/sharepoint/*"
    error_message = "the certificate statement must come first and be scoped to the prefix"
  }

  assert {
    condition     = one([for s in jsondecode(data.qbusiness_connector_policy.server.json).Statement : s.Action if s.Sid == "DescribeDatabase"]) == "rds:DescribeDBInstances"
    error_message = "the statement block must be appended"
  }
}

# Asserting on effect, not on JSON: `allows` holds the role's requests, evaluated on the document.
run "s3_connector_allows_what_it_needs_and_nothing_of_its_neighbours" {
  command = plan

  assert {
    condition     = alltrue([for r in data.qbusiness_connector_policy.s3.allows : r.allowed == r.expected])
    error_message = "the S3 connector policy allows a request it should not, or denies one it needs"
  }

  assert {
    condition     = one([for r in data.qbusiness_connector_policy.s3.allows : r.allowed if r.action == "kms:Decrypt" && lookup(r.context, "kms:ViaService", "") == "secretsmanager.us-east-1.amazonaws.com"]) == false
    error_message = "the bucket's key must not decrypt through another service"
  }
}
