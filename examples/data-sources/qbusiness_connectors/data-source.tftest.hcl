run "catalog_lists_the_connectors_and_filters_by_template" {
  command = plan

  assert {
    condition     = contains(data.qbusiness_connectors.all.ids, "s3") && contains(data.qbusiness_connectors.all.ids, "web_crawler")
    error_message = "the catalog must list the S3 and web crawler connectors"
  }

  assert {
    condition     = alltrue([for c in data.qbusiness_connectors.databases.connectors : c.template == "server" && contains(c.required_arguments, "secret_arn")])
    error_message = "server connectors need secret_arn"
  }
}
