terraform {
  # Optional object attributes in the inputs need Terraform 1.3 (OpenTofu has them from 1.6, its first release).
  required_version = ">= 1.3"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
    qbusiness = {
      source  = "qbusiness-iam/qbusiness"
      version = ">= 0.1.0"
    }
  }
}
