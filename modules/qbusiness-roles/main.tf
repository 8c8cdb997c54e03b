# The IAM roles of an Amazon Q Business application: its service role, its web experience role and
# one role per data-source connector, each with the documents of the qbusiness provider. The scope
# (partition, region, account) is the AWS provider's, so the qbusiness provider needs no block;
# `account_id` saves the one STS call.

data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {
  count = var.account_id == null ? 1 : 0
}

locals {
  scope = {
    partition  = data.aws_partition.current.partition
    region     = data.aws_region.current.name
    account_id = coalesce(var.account_id, one(data.aws_caller_identity.current[*].account_id))
  }
  web_experience_trust_kind = var.web_experience == null ? null : "web_experience_${var.web_experience.identity}"
  web_experience_scoped     = try(var.web_experience.identity, null) == "identity_center"
}

# --- application service role ---

data "qbusiness_trust_policy" "application" {
  count = var.application_role.create ? 1 : 0

  kind = "application"
  # Not var.application_id: the application is created with this role, so naming it here would be
  # a cycle when both are in one configuration. An existing application's id narrows the guard.
  application_id = var.application_role.application_id
  partition      = local.scope.partition
  region         = local.scope.region
  account_id     = local.scope.account_id
}

data "qbusiness_application_policy" "application" {
  count = var.application_role.create ? 1 : 0

  user_subscriptions = var.application_role.user_subscriptions
  partition          = local.scope.partition
  region             = local.scope.region
  account_id         = local.scope.account_id
}

resource "aws_iam_role" "application" {
  count = var.application_role.create ? 1 : 0

  name                 = "${var.name_prefix}-application"
  path                 = var.role_path
  permissions_boundary = var.permissions_boundary
  assume_role_policy   = data.qbusiness_trust_policy.application[0].json
  tags                 = var.tags
}

resource "aws_iam_role_policy" "application" {
  count = var.application_role.create ? 1 : 0

  name   = "${var.name_prefix}-application"
  role   = aws_iam_role.application[0].id
  policy = data.qbusiness_application_policy.application[0].json
}

# --- web experience ---

data "qbusiness_trust_policy" "web_experience" {
  count = var.web_experience == null ? 0 : 1

  kind               = local.web_experience_trust_kind
  application_id     = local.web_experience_scoped ? var.application_id : null
  saml_provider_arn  = var.web_experience.saml_provider_arn
  web_experience_url = var.web_experience.web_experience_url
  oidc_provider_arn  = var.web_experience.oidc_provider_arn
  client_ids         = var.web_experience.client_ids
  # IAM federation trusts an identity provider, not a service of this account: no scope.
  partition  = local.web_experience_scoped ? local.scope.partition : null
  region     = local.web_experience_scoped ? local.scope.region : null
  account_id = local.web_experience_scoped ? local.scope.account_id : null
}

data "qbusiness_web_experience_policy" "web_experience" {
  count = var.web_experience == null ? 0 : 1

  kind              = local.web_experience_scoped ? "identity_center" : null
  application_id    = var.application_id
  web_experience_id = var.web_experience.web_experience_id
  q_apps            = var.web_experience.q_apps
  plugins           = var.web_experience.plugins
  auto_subscription = var.web_experience.auto_subscription
  kms_key_arn       = var.web_experience.kms_key_arn
  partition         = local.scope.partition
  region            = local.scope.region
  account_id        = local.scope.account_id
}

resource "aws_iam_role" "web_experience" {
  count = var.web_experience == null ? 0 : 1

  name                 = "${var.name_prefix}-web-experience"
  path                 = var.role_path
  permissions_boundary = var.permissions_boundary
  assume_role_policy   = data.qbusiness_trust_policy.web_experience[0].json
  tags                 = var.tags
}

resource "aws_iam_role_policy" "web_experience" {
  count = var.web_experience == null ? 0 : 1

  name   = "${var.name_prefix}-web-experience"
  role   = aws_iam_role.web_experience[0].id
  policy = data.qbusiness_web_experience_policy.web_experience[0].json
}

# --- data-source connectors ---

data "qbusiness_trust_policy" "connector" {
  count = length(var.connectors) > 0 ? 1 : 0

  kind           = "connector"
  application_id = var.application_id
  partition      = local.scope.partition
  region         = local.scope.region
  account_id     = local.scope.account_id
}

data "qbusiness_connector_policy" "connector" {
  for_each = var.connectors

  connector                  = each.value.connector
  application_id             = var.application_id
  index_id                   = var.index_id
  bucket                     = each.value.bucket
  bucket_account_id          = each.value.bucket_account_id
  secret_arn                 = each.value.secret_arn
  kms_key_arn                = each.value.kms_key_arn
  ssl_certificate_bucket     = each.value.ssl_certificate_bucket
  ssl_certificate_key_prefix = each.value.ssl_certificate_key_prefix
  seed_urls_bucket           = each.value.seed_urls_bucket
  seed_urls_key_prefix       = each.value.seed_urls_key_prefix
  pass_role                  = each.value.pass_role
  vpc                        = each.value.vpc
  subnet_ids                 = each.value.subnet_ids
  security_group_ids         = each.value.security_group_ids
  partition                  = local.scope.partition
  region                     = local.scope.region
  account_id                 = local.scope.account_id
}

resource "aws_iam_role" "connector" {
  for_each = var.connectors

  name                 = "${var.name_prefix}-connector-${each.key}"
  path                 = var.role_path
  permissions_boundary = var.permissions_boundary
  assume_role_policy   = data.qbusiness_trust_policy.connector[0].json
  tags                 = var.tags
}

resource "aws_iam_role_policy" "connector" {
  for_each = var.connectors

  name   = "${var.name_prefix}-connector-${each.key}"
  role   = aws_iam_role.connector[each.key].id
  policy = data.qbusiness_connector_policy.connector[each.key].json
}
