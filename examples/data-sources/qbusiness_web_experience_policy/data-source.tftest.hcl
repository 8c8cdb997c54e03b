run "no_q_apps_statements_when_q_apps_is_off" {
  command = plan

  assert {
    condition     = length([for s in jsondecode(data.qbusiness_web_experience_policy.this.json).Statement : s if startswith(s.Sid, "QApps")]) == 0
    error_message = "q_apps = false must leave out every Q Apps statement"
  }
}

run "client_secret_role_reads_only_its_secret" {
  command = plan

  assert {
    condition     = jsondecode(data.qbusiness_web_experience_policy.client_secret.json).Statement[0].Resource == "arn:aws:secretsmanager:us-east-1:123456789012:secret:qbusiness-oidc-AbCdEf"
    error_message = "the client secret role must read exactly its secret"
  }
}
