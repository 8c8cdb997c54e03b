# The application and its roles in one configuration, as the module's README shows: the
# application uses the module's role, and the module serves the application (no cycle).

terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
    qbusiness = {
      source = "qbusiness-iam/qbusiness"
    }
  }
}

module "roles" {
  source = "../.."

  application_id = aws_qbusiness_application.main.id
  index_id       = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
  account_id     = "123456789012"

  web_experience = { identity = "identity_center" }
  connectors = {
    documents = { connector = "s3", bucket = "my-docs" }
  }
}

resource "aws_qbusiness_application" "main" {
  display_name                 = "docs"
  iam_service_role_arn         = module.roles.application_role_arn
  identity_center_instance_arn = "arn:aws:sso:::instance/ssoins-1234567890abcdef"

  attachments_configuration {
    attachments_control_mode = "ENABLED"
  }
}

output "application_role_arn" {
  value = module.roles.application_role_arn
}

output "web_experience_role_arn" {
  value = module.roles.web_experience_role_arn
}
