provider "qbusiness" {
  region     = "us-east-1"
  account_id = "123456789012"
}

# The role users assume through IAM federation, without Amazon Q Apps.
data "qbusiness_web_experience_policy" "this" {
  application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  q_apps         = false
}

# The role that reads the OIDC client secret of the web experience.
data "qbusiness_web_experience_policy" "client_secret" {
  kind       = "oidc_client_secret"
  secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:qbusiness-oidc-AbCdEf"
}

output "web_experience_policy" {
  value = data.qbusiness_web_experience_policy.this.json
}

output "client_secret_policy" {
  value = data.qbusiness_web_experience_policy.client_secret.json
}
