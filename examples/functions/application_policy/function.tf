locals {
  application_policy = provider::qbusiness::application_policy({
    user_subscriptions = true
    region             = "us-east-1"
    account_id         = "123456789012"
  })
}

output "application_policy" {
  value = local.application_policy
}
