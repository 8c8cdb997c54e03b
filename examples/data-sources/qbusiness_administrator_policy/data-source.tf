provider "qbusiness" {
  region     = "us-east-1"
  account_id = "123456789012"
}

# What the administrator needs to deliver the application's conversation logs.
data "qbusiness_administrator_policy" "log_delivery" {
  role           = "log_delivery"
  application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
}

# What the administrator needs to create the application with a customer managed key.
data "qbusiness_administrator_policy" "customer_managed_key" {
  role        = "customer_managed_key"
  kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

output "log_delivery_policy" {
  value = data.qbusiness_administrator_policy.log_delivery.json
}

output "customer_managed_key_policy" {
  value = data.qbusiness_administrator_policy.customer_managed_key.json
}
