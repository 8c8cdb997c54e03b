run "the_hand_written_connector_role_is_checked" {
  command = plan

  assert {
    condition     = !data.qbusiness_policy_check.trust.equivalent && length(data.qbusiness_policy_check.trust.missing) == 0
    error_message = "the trust without aws:SourceArn allows more and misses nothing"
  }

  assert {
    condition     = contains([for f in data.qbusiness_policy_check.trust.findings : f.code], "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL")
    error_message = "the trust without aws:SourceArn is Access Analyzer's security warning"
  }

  assert {
    condition = [for r in data.qbusiness_policy_check.trust.excess : "${r.action} ${r.principal} ${r.statement}"] == [
    "sts:AssumeRole qbusiness.amazonaws.com Statement[0]"]
    error_message = "Q Business can assume the role in place for requests the provider's trust refuses (another account's application)"
  }

  assert {
    condition = contains([for r in data.qbusiness_policy_check.permissions.missing : "${r.action} ${r.resource}"],
    "qbusiness:BatchPutDocument arn:aws:qbusiness:us-east-1:123456789012:application/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111")
    error_message = "ingest on the index only misses the application ARN"
  }

  assert {
    condition     = toset([for f in data.qbusiness_policy_check.permissions.findings : f.code]) == toset(["QBUSINESS_ERRATA_C3", "QBUSINESS_ERRATA_C2"])
    error_message = "the data-source ARN (C3) and ingest on the index only (C2) are errata rows"
  }

  expect_failures = [check.connector_role_keeps_working]
}
