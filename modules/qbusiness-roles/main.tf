# The IAM roles of an Amazon Q Business application: its service role, its web experience role and
# one role per data-source connector, each with the documents of the qbusiness provider: the
# service role's from its own data sources (the application is created with it, so they cannot wait
# for the application's id), the others' from one qbusiness_application_roles read. The scope
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

# --- web experience and connectors: every document from one read ---

data "qbusiness_application_roles" "roles" {
  count = var.web_experience == null && length(var.connectors) == 0 ? 0 : 1

  application_id = var.application_id
  index_id       = length(var.connectors) > 0 ? var.index_id : null
  partition      = local.scope.partition
  region         = local.scope.region
  account_id     = local.scope.account_id

  roles = merge(
    var.web_experience == null ? {} : {
      web_experience = {
        role              = "web_experience"
        kind              = local.web_experience_scoped ? "identity_center" : null
        web_experience_id = var.web_experience.web_experience_id
        q_apps            = var.web_experience.q_apps
        plugins           = var.web_experience.plugins
        auto_subscription = var.web_experience.auto_subscription
        kms_key_arn       = var.web_experience.kms_key_arn
        # IAM federation trusts an identity provider, not a service of this account: the bundle
        # gives the trust the application and scope only where its kind takes them.
        trust = {
          kind               = local.web_experience_trust_kind
          saml_provider_arn  = var.web_experience.saml_provider_arn
          web_experience_url = var.web_experience.web_experience_url
          oidc_provider_arn  = var.web_experience.oidc_provider_arn
          client_ids         = var.web_experience.client_ids
        }
      }
    },
    { for key, connector in var.connectors : "connector-${key}" => merge(connector, { role = "connector" }) },
  )
}

locals {
  documents = one(data.qbusiness_application_roles.roles[*].documents)
}

resource "aws_iam_role" "web_experience" {
  count = var.web_experience == null ? 0 : 1

  name                 = "${var.name_prefix}-web-experience"
  path                 = var.role_path
  permissions_boundary = var.permissions_boundary
  assume_role_policy   = local.documents["web_experience"].trust
  tags                 = var.tags
}

resource "aws_iam_role_policy" "web_experience" {
  count = var.web_experience == null ? 0 : 1

  name   = "${var.name_prefix}-web-experience"
  role   = aws_iam_role.web_experience[0].id
  policy = local.documents["web_experience"].policy
}

resource "aws_iam_role" "connector" {
  for_each = var.connectors

  name                 = "${var.name_prefix}-connector-${each.key}"
  path                 = var.role_path
  permissions_boundary = var.permissions_boundary
  assume_role_policy   = local.documents["connector-${each.key}"].trust
  tags                 = var.tags
}

resource "aws_iam_role_policy" "connector" {
  for_each = var.connectors

  name   = "${var.name_prefix}-connector-${each.key}"
  role   = aws_iam_role.connector[each.key].id
  policy = local.documents["connector-${each.key}"].policy
}
