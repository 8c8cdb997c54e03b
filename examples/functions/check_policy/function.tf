locals {
  # A trust in place (in practice aws_iam_role.connector.assume_role_policy) against the provider's.
  trust_check = provider::qbusiness::check_policy({
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Principal = { Service = "qbusiness.amazonaws.com" }, Action = "sts:AssumeRole" }]
    })
    expected = provider::qbusiness::trust_policy("connector", {
      application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
      region         = "us-east-1"
      account_id     = "123456789012"
    })
    kind = "trust"
  })
}

output "trust_check" {
  value = local.trust_check.summary
}
