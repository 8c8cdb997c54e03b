terraform {
  required_version = ">= 1.0"
  required_providers {
    qbusiness = {
      source  = "qbusiness-iam/qbusiness"
      version = "0.1.0"
    }
  }
}
