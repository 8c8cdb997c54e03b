variable "application_id" {
  description = "Id of the Amazon Q Business application the roles serve (e.g. aws_qbusiness_application.main.id)."
  type        = string
}

variable "index_id" {
  description = "Id of the application's index, which the connector roles write to. Required when `connectors` is not empty."
  type        = string
  default     = null
}

variable "name_prefix" {
  description = "Prefix of every role and inline policy name: `<prefix>-application`, `<prefix>-web-experience`, `<prefix>-connector-<key>`."
  type        = string
  default     = "qbusiness"
}

variable "application_role" {
  description = <<-EOT
    Whether to create the application's service role (CloudWatch metrics and logs), and with
    `user_subscriptions` its subscription management. Its trust names any application of the
    account and region, since the application is created with the role; for an application that
    already exists, `application_id` (its id, as a value) narrows the trust to it. Do not set it
    to the id of an application created in the same configuration: that is a cycle.
  EOT
  type = object({
    create             = optional(bool, true)
    user_subscriptions = optional(bool, false)
    application_id     = optional(string)
  })
  default = {}
}

variable "account_id" {
  description = "The account of the roles; by default the AWS provider's (one STS call, `aws_caller_identity`)."
  type        = string
  default     = null
}

variable "web_experience" {
  description = <<-EOT
    The web experience role, or null for none. `identity` is `saml` (IAM federation with a SAML
    provider: `saml_provider_arn`, `web_experience_url`), `oidc` (IAM federation with an OIDC
    provider: `oidc_provider_arn`, `client_ids`) or `identity_center`. The other attributes are
    those of `qbusiness_web_experience_policy`.
  EOT
  type = object({
    identity           = string
    saml_provider_arn  = optional(string)
    web_experience_url = optional(string)
    oidc_provider_arn  = optional(string)
    client_ids         = optional(list(string))
    web_experience_id  = optional(string)
    q_apps             = optional(bool)
    plugins            = optional(bool)
    auto_subscription  = optional(bool)
    kms_key_arn        = optional(string)
  })
  default = null

  validation {
    condition     = var.web_experience == null || contains(["saml", "oidc", "identity_center"], try(var.web_experience.identity, ""))
    error_message = "web_experience.identity must be \"saml\", \"oidc\" or \"identity_center\", e.g. { identity = \"saml\", saml_provider_arn = \"arn:aws:iam::123456789012:saml-provider/corp\", web_experience_url = \"https://abcd1234.chat.qbusiness.us-east-1.on.aws\" }."
  }
}

variable "connectors" {
  description = <<-EOT
    The data-source connector roles, by a key of your choice (it names the role). `connector` is a
    connector id of the provider's catalog (`s3`, `sharepoint_online`, `jira`, …); the other
    attributes are those of `qbusiness_connector_policy`, set where the connector takes them.
  EOT
  type = map(object({
    connector                  = string
    bucket                     = optional(string)
    bucket_account_id          = optional(string)
    secret_arn                 = optional(string)
    kms_key_arn                = optional(string)
    ssl_certificate_bucket     = optional(string)
    ssl_certificate_key_prefix = optional(string)
    seed_urls_bucket           = optional(string)
    seed_urls_key_prefix       = optional(string)
    pass_role                  = optional(bool)
    vpc                        = optional(bool)
    subnet_ids                 = optional(list(string))
    security_group_ids         = optional(list(string))
  }))
  default = {}
}

variable "role_path" {
  description = "IAM path of every role."
  type        = string
  default     = "/"
}

variable "permissions_boundary" {
  description = "ARN of the policy set as every role's permissions boundary, or null."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags of every role."
  type        = map(string)
  default     = {}
}
