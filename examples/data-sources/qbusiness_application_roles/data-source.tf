provider "qbusiness" {
  region     = "us-east-1"
  account_id = "123456789012"
}

# Every role of an application from one read: each entry takes the arguments of the data source
# it stands for, and the application, index and scope given here fill in where it takes them.
data "qbusiness_application_roles" "app" {
  application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  index_id       = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
  with_report    = true # `report`: every role, its documents and what they allow, in Markdown

  roles = {
    docs = { role = "connector", connector = "s3", bucket = "my-docs" }
    web  = { role = "web_experience", kind = "identity_center" }
    app  = { role = "application" }
  }
}

# documents["docs"].policy is the connector's permissions policy, documents["docs"].trust its
# trust policy; `report` reviews every role in Markdown.
output "docs_policy" {
  value = data.qbusiness_application_roles.app.documents["docs"].policy
}

output "docs_trust" {
  value = data.qbusiness_application_roles.app.documents["docs"].trust
}

output "web_policy" {
  value = data.qbusiness_application_roles.app.documents["web"].policy
}

output "app_trust" {
  value = data.qbusiness_application_roles.app.documents["app"].trust
}
