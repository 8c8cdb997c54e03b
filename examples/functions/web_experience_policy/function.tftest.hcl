run "key_is_usable_through_q_business_and_q_apps" {
  command = plan

  assert {
    condition     = one([for s in jsondecode(local.web_experience_policy).Statement : s.Condition.StringEquals["kms:ViaService"] if s.Sid == "QBusinessKMSDecryptPermissions"]) == ["qapps.us-east-1.amazonaws.com", "qbusiness.us-east-1.amazonaws.com"]
    error_message = "the key must be usable through both services when Q Apps is on"
  }
}
