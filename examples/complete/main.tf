# The IAM roles of an Amazon Q Business application: its service role, a web experience with SAML
# federation, and two data-source connectors. Each role's documents come from this provider.

data "aws_caller_identity" "current" {}

provider "aws" {
  region = var.region
}

provider "qbusiness" {
  region     = var.region
  account_id = data.aws_caller_identity.current.account_id
}

# --- application service role ---

data "qbusiness_trust_policy" "application" {
  kind = "application"
}

data "qbusiness_application_policy" "application" {}

resource "aws_iam_role" "application" {
  name               = "qbusiness-application"
  assume_role_policy = data.qbusiness_trust_policy.application.json
}

resource "aws_iam_role_policy" "application" {
  name   = "qbusiness-application"
  role   = aws_iam_role.application.id
  policy = data.qbusiness_application_policy.application.json
}

# --- web experience (IAM federation with SAML) ---

data "qbusiness_trust_policy" "web_experience" {
  kind               = "web_experience_saml"
  saml_provider_arn  = var.saml_provider_arn
  web_experience_url = var.web_experience_url
}

data "qbusiness_web_experience_policy" "web_experience" {
  application_id = var.application_id
}

resource "aws_iam_role" "web_experience" {
  name               = "qbusiness-web-experience"
  assume_role_policy = data.qbusiness_trust_policy.web_experience.json
}

resource "aws_iam_role_policy" "web_experience" {
  name   = "qbusiness-web-experience"
  role   = aws_iam_role.web_experience.id
  policy = data.qbusiness_web_experience_policy.web_experience.json
}

# --- data-source connectors ---

locals {
  connectors = {
    s3 = {
      connector = "s3"
      bucket    = var.documents_bucket
    }
    aem = {
      connector  = "aem_cloud"
      secret_arn = var.aem_secret_arn
    }
  }
}

data "qbusiness_trust_policy" "connector" {
  kind           = "connector"
  application_id = var.application_id
}

data "qbusiness_connector_policy" "connector" {
  for_each = local.connectors

  connector      = each.value.connector
  application_id = var.application_id
  index_id       = var.index_id
  bucket         = lookup(each.value, "bucket", null)
  secret_arn     = lookup(each.value, "secret_arn", null)
}

resource "aws_iam_role" "connector" {
  for_each = local.connectors

  name               = "qbusiness-connector-${each.key}"
  assume_role_policy = data.qbusiness_trust_policy.connector.json
}

resource "aws_iam_role_policy" "connector" {
  for_each = local.connectors

  name   = "qbusiness-connector-${each.key}"
  role   = aws_iam_role.connector[each.key].id
  policy = data.qbusiness_connector_policy.connector[each.key].json
}
