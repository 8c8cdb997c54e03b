run "the_function_gives_the_bucket_policy" {
  command = plan

  assert {
    condition     = jsondecode(local.bucket_policy).Statement[1].Resource == "arn:aws:s3:::shared-docs"
    error_message = "the list statement names the bucket"
  }
}
