output "application_role_arn" {
  value = aws_iam_role.application.arn
}

output "web_experience_role_arn" {
  value = aws_iam_role.web_experience.arn
}

output "connector_role_arns" {
  value = { for name, role in aws_iam_role.connector : name => role.arn }
}
