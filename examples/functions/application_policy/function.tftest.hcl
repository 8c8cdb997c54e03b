run "subscription_claims_are_granted_on_any_resource" {
  command = plan

  assert {
    condition     = one([for s in jsondecode(local.application_policy).Statement : s.Resource if s.Sid == "QBusinessUserSubscriptionClaimPermissions"]) == "*"
    error_message = "user-subscriptions actions have no resource types and need Resource \"*\""
  }
}
