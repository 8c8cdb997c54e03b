run "the_connector_role_may_read_and_list_the_bucket_only" {
  command = plan

  assert {
    condition     = [for s in jsondecode(data.qbusiness_bucket_policy.shared_docs.json).Statement : s.Action] == ["s3:GetObject", "s3:ListBucket"]
    error_message = "the bucket policy grants reading and listing, nothing else"
  }

  assert {
    condition     = jsondecode(data.qbusiness_bucket_policy.shared_docs.json).Statement[0].Principal.AWS == "arn:aws:iam::123456789012:role/qbusiness-s3-connector"
    error_message = "the connector role is the only principal"
  }
}

run "the_grant_joins_the_buckets_existing_policy" {
  command = plan

  assert {
    condition     = [for s in jsondecode(data.qbusiness_bucket_policy.merged.json).Statement : s.Sid] == ["AllowsAmazonQConnectorRoleToGetObjects", "AllowsAmazonQConnectorRoleToListBucket", "DenyInsecureTransport"]
    error_message = "the existing statement is kept beside the connector's grant"
  }
}
