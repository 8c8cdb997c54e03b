//! The Terraform configurations compared: the same N S3 connector documents from our data source,
//! our function, pure HCL, the go-plugin peer, and `aws_iam_policy_document`.

use terraform_provider_qbusiness::catalog::examples::{ACCOUNT_ID, APPLICATION_ID, INDEX_ID, REGION};
use terraform_provider_qbusiness::provider::descriptor as descriptors;

use crate::common;
use crate::common::workspace::PROVIDER_BLOCK;
use crate::peer::{PEER_DATA_SOURCE, PEER_SOURCE};
use crate::policy;

/// The same documents from the provider function, which Terraform evaluates without data-source nodes.
pub fn function_config(n: usize) -> String {
    format!(
        r#"{PROVIDER_BLOCK}
locals {{
  documents = [for i in range({n}) : provider::qbusiness::connector_policy("s3", {{
    application_id = "{APPLICATION_ID}"
    index_id       = "{INDEX_ID}"
    bucket         = "docs-${{i}}"
    region         = "{REGION}"
    account_id     = "{ACCOUNT_ID}"
  }})]
}}

output "documents" {{
  value = local.documents
}}
"#
    )
}

/// The same documents written by hand with `jsonencode`, as a module without this provider would:
/// the golden document converted, its bucket `docs-${i}`.
pub fn hcl_config(n: usize) -> String {
    let document = policy::jsonencode(&policy::s3_golden(), "docs-${i}", 2);
    format!(
        r#"locals {{
  documents = [for i in range({n}) : jsonencode({document})]
}}

output "documents" {{
  value = local.documents
}}
"#
    )
}

/// N S3 connector documents from data source `type_name`, region and account set on each, its
/// `output` attribute in the output `documents`.
fn s3_data_sources(type_name: &str, n: usize, output: &str) -> String {
    format!(
        r#"data "{type_name}" "s3" {{
  count          = {n}
  connector      = "s3"
  application_id = "{APPLICATION_ID}"
  index_id       = "{INDEX_ID}"
  bucket         = "docs-${{count.index}}"
  region         = "{REGION}"
  account_id     = "{ACCOUNT_ID}"
}}

output "documents" {{
  value = data.{type_name}.s3[*].{output}
}}
"#
    )
}

/// N S3 connector documents from the go-plugin peer, its `output` attribute in `documents`.
pub fn peer_config(n: usize, output: &str) -> String {
    format!(
        r#"terraform {{
  required_providers {{
    gopeer = {{
      source  = "{PEER_SOURCE}"
      version = "0.0.1"
    }}
  }}
}}

{}"#,
        s3_data_sources(PEER_DATA_SOURCE, n, output)
    )
}

/// The AWS provider as a configuration that already uses it has it: configured, offline.
const AWS_PROVIDER: &str = r#"provider "aws" {
  region                      = "us-east-1"
  access_key                  = "bench"
  secret_key                  = "bench"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
"#;

/// The `terraform` block requiring hashicorp/aws, and this provider too when `ours`.
fn aws_required_providers(ours: bool) -> String {
    let qbusiness = if ours {
        format!(
            "    qbusiness = {{\n      source  = \"qbusiness-iam/qbusiness\"\n      version = \"{}\"\n    }}\n",
            common::workspace::VERSION
        )
    } else {
        String::new()
    };
    format!("terraform {{\n  required_providers {{\n    aws = {{\n      source = \"hashicorp/aws\"\n    }}\n{qbusiness}  }}\n}}\n")
}

/// N documents with `aws_iam_policy_document`, in a configuration using the AWS provider: the
/// golden document converted to statement blocks, its bucket `docs-${count.index}`.
pub fn aws_policy_document_config(n: usize) -> String {
    let body = policy::policy_document(&policy::s3_golden(), "docs-${count.index}", 2);
    format!(
        r#"{required}
{AWS_PROVIDER}
data "aws_iam_policy_document" "s3" {{
  count = {n}
{body}}}

output "documents" {{
  value = data.aws_iam_policy_document.s3[*].minified_json
}}
"#,
        required = aws_required_providers(false)
    )
}

/// Our N documents in the same configuration with the AWS provider.
pub fn ours_with_aws_config(n: usize) -> String {
    format!(
        "{}\n{AWS_PROVIDER}\n{}",
        aws_required_providers(true),
        s3_data_sources(descriptors::CONNECTOR_POLICY.type_name, n, "minified_json")
    )
}

/// The same N documents from one `qbusiness_application_roles` read: N connector entries, in
/// bucket order in the output; with its Markdown report when `report`.
pub fn bundle_config(n: usize, report: bool) -> String {
    format!(
        r#"{provider}
data "qbusiness_application_roles" "app" {{
  application_id = "{APPLICATION_ID}"
  index_id       = "{INDEX_ID}"
  with_report    = {report}
  roles          = {{ for i in range({n}) : "docs-${{i}}" => {{ role = "connector", connector = "s3", bucket = "docs-${{i}}" }} }}
}}

output "documents" {{
  value = [for i in range({n}) : data.qbusiness_application_roles.app.documents["docs-${{i}}"].policy]
}}
"#,
        provider = common::workspace::configured_provider()
    )
}
