locals {
  connector_trust = provider::qbusiness::trust_policy("connector", {
    application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    region         = "us-east-1"
    account_id     = "123456789012"
  })

  # `statement` is a list of objects here, with the data source's block arguments as attributes.
  oidc_trust = provider::qbusiness::trust_policy("web_experience_oidc", {
    oidc_provider_arn = "arn:aws:iam::123456789012:oidc-provider/login.example.com"
    client_ids        = ["qbusiness-web"]
    statement = [{
      sid     = "OnlyTheCorporateTenant"
      effect  = "Deny"
      actions = ["sts:AssumeRoleWithWebIdentity"]
      principals = [{
        type        = "Federated"
        identifiers = ["arn:aws:iam::123456789012:oidc-provider/login.example.com"]
      }]
      condition = [{
        test     = "StringNotLike"
        variable = "login.example.com:sub"
        values   = ["corp|*"]
      }]
    }]
  })
}

output "connector_trust" {
  value = local.connector_trust
}

output "oidc_trust" {
  value = local.oidc_trust
}
