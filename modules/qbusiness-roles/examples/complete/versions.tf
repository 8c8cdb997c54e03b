terraform {
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
