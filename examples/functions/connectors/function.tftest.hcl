run "databases_use_the_server_template" {
  command = plan

  assert {
    condition     = contains(local.server_connectors, "rds_mysql") && !contains(local.server_connectors, "s3")
    error_message = "the server template lists the databases and not S3"
  }
}
