provider "qbusiness" {
  region     = "us-east-1"
  account_id = "123456789012"
}

# Trust of a data-source connector role: Q Business, for this application only.
data "qbusiness_trust_policy" "connector" {
  kind           = "connector"
  application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
}

# Trust of a web experience role with SAML federation.
data "qbusiness_trust_policy" "saml" {
  kind               = "web_experience_saml"
  saml_provider_arn  = "arn:aws:iam::123456789012:saml-provider/corporate-idp"
  web_experience_url = "https://abcd1234.chat.qbusiness.us-east-1.on.aws"
}

output "connector_trust" {
  value = data.qbusiness_trust_policy.connector.json
}

output "saml_trust" {
  value = data.qbusiness_trust_policy.saml.json
}
