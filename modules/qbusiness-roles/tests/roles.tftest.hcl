# The module with a mocked AWS provider and the real qbusiness provider: the roles it creates, their
# names, and the documents each gets. (Needs Terraform 1.7 or OpenTofu 1.8 for mock providers.)

mock_provider "aws" {
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_region" {
    defaults = { name = "us-east-1" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  # Computed values that other resources parse: an ARN, an application id.
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::123456789012:role/qbusiness-mocked" }
  }
  mock_resource "aws_qbusiness_application" {
    defaults = { id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111" }
  }
}

variables {
  application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  index_id       = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
}

run "every_role" {
  command = apply

  variables {
    web_experience = {
      identity           = "saml"
      saml_provider_arn  = "arn:aws:iam::123456789012:saml-provider/corp"
      web_experience_url = "https://abcd1234.chat.qbusiness.us-east-1.on.aws"
    }
    connectors = {
      documents = { connector = "s3", bucket = "my-docs" }
      jira      = { connector = "jira", secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:jira-AbCdEf" }
    }
  }

  assert {
    condition     = output.connector_role_names == { documents = "qbusiness-connector-documents", jira = "qbusiness-connector-jira" }
    error_message = "one connector role per key, named by it"
  }
  assert {
    condition     = output.application_role_name == "qbusiness-application" && output.web_experience_role_name == "qbusiness-web-experience"
    error_message = "the application and web experience roles"
  }
  assert {
    condition     = contains(flatten([for s in jsondecode(aws_iam_role_policy.connector["documents"].policy).Statement : s.Resource]), "arn:aws:s3:::my-docs")
    error_message = "the S3 connector reads its bucket"
  }
  assert {
    condition     = jsondecode(aws_iam_role.connector["jira"].assume_role_policy).Statement[0].Condition.ArnEquals["aws:SourceArn"] == "arn:aws:qbusiness:us-east-1:123456789012:application/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    error_message = "connector roles trust only this application"
  }
  assert {
    condition     = jsondecode(aws_iam_role.web_experience[0].assume_role_policy).Statement[0].Principal.Federated == "arn:aws:iam::123456789012:saml-provider/corp"
    error_message = "the web experience role trusts the SAML provider"
  }
}

run "application_only" {
  command = apply

  assert {
    condition     = output.web_experience_role_arn == null && output.connector_role_arns == {}
    error_message = "no web experience or connector role unless asked"
  }
  assert {
    condition     = output.application_role_name == "qbusiness-application"
    error_message = "the application role by default"
  }
}

run "identity_center" {
  command = plan

  variables {
    name_prefix    = "chat"
    web_experience = { identity = "identity_center" }
  }

  assert {
    condition     = aws_iam_role.web_experience[0].name == "chat-web-experience"
    error_message = "the prefix names the role"
  }
  assert {
    condition     = contains(jsondecode(aws_iam_role.web_experience[0].assume_role_policy).Statement[0].Action, "sts:SetContext")
    error_message = "an Identity Center web experience role lets Q Business set the identity context"
  }
}

run "the_application_and_its_roles_in_one_configuration" {
  command = apply

  module {
    source = "./tests/same_configuration"
  }

  assert {
    condition     = aws_qbusiness_application.main.iam_service_role_arn == output.application_role_arn && output.web_experience_role_arn != null
    error_message = "the application uses the module's role, created in the same run"
  }
}

run "the_application_trust_names_any_application_of_the_account_by_default" {
  command = plan

  variables {
    account_id = "210987654321"
  }

  assert {
    condition     = jsondecode(aws_iam_role.application[0].assume_role_policy).Statement[0].Condition.ArnLike["aws:SourceArn"] == "arn:aws:qbusiness:us-east-1:210987654321:application/*"
    error_message = "without an existing application's id, the trust names the account's applications"
  }
  assert {
    condition     = length(data.aws_caller_identity.current) == 0
    error_message = "a given account_id spares the STS call"
  }
}

run "an_existing_application_narrows_the_application_trust" {
  command = plan

  variables {
    application_role = { application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111" }
  }

  assert {
    condition     = jsondecode(aws_iam_role.application[0].assume_role_policy).Statement[0].Condition.ArnEquals["aws:SourceArn"] == "arn:aws:qbusiness:us-east-1:123456789012:application/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    error_message = "an existing application's id narrows its trust"
  }
}

run "an_unknown_identity_is_refused" {
  command = plan

  variables {
    web_experience = { identity = "ldap" }
  }

  expect_failures = [var.web_experience]
}
