run "kendra_retriever_reads_its_index" {
  command = plan

  assert {
    condition     = jsondecode(data.qbusiness_role_policy.kendra.json).Statement[0].Resource == "arn:aws:kendra:us-east-1:123456789012:index/e1b2c3d4-5678-90ab-cdef-EXAMPLE55555"
    error_message = "the retriever must be scoped to its Kendra index"
  }
}

run "enrichment_invokes_its_function" {
  command = plan

  assert {
    condition     = jsondecode(data.qbusiness_role_policy.enrichment.json).Statement[0].Action == "lambda:InvokeFunction"
    error_message = "the hook's function must be invocable"
  }
}
