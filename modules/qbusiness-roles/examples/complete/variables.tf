variable "region" {
  description = "Region of the Amazon Q Business application."
  type        = string
  default     = "us-east-1"
}

variable "application_id" {
  description = "Id of the Amazon Q Business application (e.g. aws_qbusiness_application.main.id)."
  type        = string
}

variable "index_id" {
  description = "Id of the application's index."
  type        = string
}

variable "documents_bucket" {
  description = "Bucket the S3 connector reads."
  type        = string
}

variable "jira_secret_arn" {
  description = "Secret with the credentials of the Jira connector."
  type        = string
}

variable "confluence_secret_arn" {
  description = "Secret with the credentials of the Confluence Cloud connector."
  type        = string
}

variable "saml_provider_arn" {
  description = "IAM SAML identity provider of the web experience."
  type        = string
}

variable "web_experience_url" {
  description = "URL of the web experience (its SAML audience is this URL plus /saml)."
  type        = string
}
