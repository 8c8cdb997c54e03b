provider "qbusiness" {
  region     = "us-east-1"
  account_id = "123456789012"
}

# The application's service role, which Q Business uses for its metrics and logs.
data "qbusiness_application_policy" "this" {}

output "application_policy" {
  value = data.qbusiness_application_policy.this.json
}
