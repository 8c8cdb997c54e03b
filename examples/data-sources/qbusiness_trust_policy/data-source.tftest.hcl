run "connector_trust_is_guarded_against_the_confused_deputy" {
  command = plan

  assert {
    condition     = jsondecode(data.qbusiness_trust_policy.connector.json).Statement[0].Condition == { ArnEquals = { "aws:SourceArn" = "arn:aws:qbusiness:us-east-1:123456789012:application/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111" }, StringEquals = { "aws:SourceAccount" = "123456789012" } }
    error_message = "the connector trust must name the account and the application"
  }
}

run "saml_trust_has_the_web_experience_audience" {
  command = plan

  assert {
    condition     = jsondecode(data.qbusiness_trust_policy.saml.json).Statement[0].Condition.StringEquals["SAML:aud"] == "https://abcd1234.chat.qbusiness.us-east-1.on.aws/saml"
    error_message = "the SAML audience must be the web experience's /saml endpoint"
  }
}
