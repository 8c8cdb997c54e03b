# The IAM roles of an Amazon Q Business application with this module: its service role, a web
# experience with SAML federation, and three data-source connectors.

provider "aws" {
  region = var.region
}

module "roles" {
  source = "../.."

  application_id = var.application_id
  index_id       = var.index_id
  # The application exists already (its id is a value): its service role's trust can name it.
  application_role = { application_id = var.application_id }

  web_experience = {
    identity           = "saml"
    saml_provider_arn  = var.saml_provider_arn
    web_experience_url = var.web_experience_url
  }

  connectors = {
    documents = {
      connector = "s3"
      bucket    = var.documents_bucket
    }
    jira = {
      connector  = "jira"
      secret_arn = var.jira_secret_arn
    }
    wiki = {
      connector  = "confluence_cloud"
      secret_arn = var.confluence_secret_arn
    }
  }
}

output "roles" {
  description = "Every role's ARN, by role."
  value = merge(
    { application = module.roles.application_role_arn, web_experience = module.roles.web_experience_role_arn },
    { for key, arn in module.roles.connector_role_arns : "connector-${key}" => arn },
  )
}
