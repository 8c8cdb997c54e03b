run "oidc_trust_checks_the_audience" {
  command = plan

  assert {
    condition     = jsondecode(local.oidc_trust).Statement[0].Condition.StringEquals["login.example.com:aud"] == "qbusiness-web"
    error_message = "the OIDC trust must require the client id as audience"
  }

  assert {
    condition     = jsondecode(local.connector_trust).Statement[0].Principal.Service == "qbusiness.amazonaws.com"
    error_message = "the connector trust must name the Q Business service principal"
  }

  assert {
    condition     = [for s in jsondecode(local.oidc_trust).Statement : s.Effect if s.Sid == "OnlyTheCorporateTenant"] == ["Deny"]
    error_message = "the statement given as a list of objects is added"
  }
}
