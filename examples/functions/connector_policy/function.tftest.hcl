run "function_gives_the_s3_connector_policy" {
  command = plan

  assert {
    condition     = jsondecode(local.s3_connector_policy).Statement[1].Resource == "arn:aws:s3:::my-docs"
    error_message = "the bucket must be listed by its ARN"
  }
}
