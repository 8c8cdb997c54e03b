provider "qbusiness" {
  region     = "us-east-1"
  account_id = "123456789012"
}

# The statement a data accessor adds to the application's resource-based policy: the ISV's role
# may search the application's index, only for the ISV's tenant. Check the policy in place
# (`aws qbusiness get-policy`) against it with qbusiness_policy_check.
data "qbusiness_data_accessor_policy" "isv" {
  application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  isv_role_arn   = "arn:aws:iam::444455556666:role/isv-data-accessor"
  external_id    = "example-tenant"
}

output "data_accessor_policy" {
  value = data.qbusiness_data_accessor_policy.isv.json
}
