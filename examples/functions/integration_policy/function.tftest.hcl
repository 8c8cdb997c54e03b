run "integration_sets_the_user_context" {
  command = plan

  assert {
    condition     = jsondecode(local.integration_policy).Statement[1].Action == "sts:SetContext"
    error_message = "the integration sets the user's identity context"
  }
}
