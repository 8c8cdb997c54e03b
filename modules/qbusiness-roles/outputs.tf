output "application_role_arn" {
  description = "ARN of the application's service role, or null when not created."
  value       = one(aws_iam_role.application[*].arn)
}

output "application_role_name" {
  description = "Name of the application's service role, or null when not created."
  value       = one(aws_iam_role.application[*].name)
}

output "web_experience_role_arn" {
  description = "ARN of the web experience role, or null without `web_experience`."
  value       = one(aws_iam_role.web_experience[*].arn)
}

output "web_experience_role_name" {
  description = "Name of the web experience role, or null without `web_experience`."
  value       = one(aws_iam_role.web_experience[*].name)
}

output "connector_role_arns" {
  description = "ARN of each connector role, by the key of `connectors`."
  value       = { for key, role in aws_iam_role.connector : key => role.arn }
}

output "connector_role_names" {
  description = "Name of each connector role, by the key of `connectors`."
  value       = { for key, role in aws_iam_role.connector : key => role.name }
}
