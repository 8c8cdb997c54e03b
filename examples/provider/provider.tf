# Defaults for every data source; each can override them. Provider functions do not see this
# block (Terraform calls them unconfigured), so pass region and account_id in their config.
provider "qbusiness" {
  region     = "us-east-1"
  account_id = "123456789012"
}
