run "integration_chats_with_its_application" {
  command = plan

  assert {
    condition     = jsondecode(data.qbusiness_integration_policy.integration.json).Statement[0].Resource == "arn:aws:qbusiness:us-east-1:123456789012:application/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    error_message = "the integration must be scoped to its application"
  }
}

run "monitoring_reads_the_instance_applications" {
  command = plan

  assert {
    condition     = jsondecode(data.qbusiness_integration_policy.monitoring.json).Statement[1].Resource == "arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/*"
    error_message = "the monitoring role must be scoped to the instance's applications"
  }
}
