provider "qbusiness" {
  region     = "us-east-1"
  account_id = "123456789012"
}

# The role of a Kendra retriever.
data "qbusiness_role_policy" "kendra" {
  role            = "kendra_retriever"
  kendra_index_id = "e1b2c3d4-5678-90ab-cdef-EXAMPLE55555"
}

# The role of a pre-extraction document enrichment hook.
data "qbusiness_role_policy" "enrichment" {
  role                = "document_enrichment"
  lambda_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:qbusiness-pre-extraction"
  bucket              = "my-enrichment"
}

output "kendra_policy" {
  value = data.qbusiness_role_policy.kendra.json
}

output "enrichment_policy" {
  value = data.qbusiness_role_policy.enrichment.json
}
