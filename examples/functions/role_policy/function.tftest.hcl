run "plugin_reads_its_secret" {
  command = plan

  assert {
    condition     = jsondecode(local.plugin_policy).Statement[0].Sid == "AllowQBusinessToGetSecretValue"
    error_message = "the plugin statement keeps its published Sid"
  }
}
