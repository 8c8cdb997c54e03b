terraform {
  # Provider functions: Terraform 1.8 or newer, OpenTofu 1.7 or newer (one constraint serves both).
  required_version = ">= 1.7"
  required_providers {
    qbusiness = {
      source  = "qbusiness-iam/qbusiness"
      version = "0.1.0"
    }
  }
}
