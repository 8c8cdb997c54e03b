# The application policy (ActorPolicy) of the Identity Center application a custom application
# exchanges its users' tokens at: only the custom application's role may call CreateTokenWithIAM.
data "qbusiness_identity_center_application_policy" "custom_app" {
  caller_role_arns = ["arn:aws:iam::123456789012:role/qbusiness-custom-app"]
}

output "identity_center_application_policy" {
  value = data.qbusiness_identity_center_application_policy.custom_app.json
}
