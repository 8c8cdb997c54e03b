run "the_bundle_gives_each_roles_documents" {
  command = plan

  assert {
    condition     = jsondecode(local.roles["docs"].policy).Statement[0].Resource == "arn:aws:s3:::my-docs/*"
    error_message = "the connector reads its bucket"
  }
  assert {
    condition     = jsondecode(local.roles["web"].trust).Statement[0].Principal.Service == "application.qbusiness.amazonaws.com"
    error_message = "the Identity Center web experience is assumed by the application's principal"
  }
}
