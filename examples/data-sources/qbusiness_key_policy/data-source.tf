provider "qbusiness" {
  region     = "us-east-1"
  account_id = "123456789012"
}

# The key policy of the application's customer managed key: the administrator may have Q Business
# make its grant, the web experience role may decrypt through Q Business, and the account's IAM
# policies may grant the key as with AWS's default key policy.
data "qbusiness_key_policy" "application" {
  administrator_role_arns = ["arn:aws:iam::123456789012:role/qbusiness-admin"]
  decrypt_role_arns       = ["arn:aws:iam::123456789012:role/qbusiness-web-experience"]
}

output "key_policy" {
  value = data.qbusiness_key_policy.application.json
}
