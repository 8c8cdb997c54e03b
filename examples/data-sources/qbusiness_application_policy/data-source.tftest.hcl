run "metrics_and_logs_only" {
  command = plan

  assert {
    condition     = length(jsondecode(data.qbusiness_application_policy.this.json).Statement) == 5
    error_message = "the application role has five statements without user subscriptions"
  }

  assert {
    condition     = jsondecode(data.qbusiness_application_policy.this.json).Statement[0].Condition.StringEquals["cloudwatch:namespace"] == "AWS/QBusiness"
    error_message = "metrics must be limited to the AWS/QBusiness namespace"
  }
}
