//! Data source `qbusiness_role_policy`: the permissions policies of the other Q Business roles
//! (Kendra retriever, plugin, custom document enrichment) and of an anonymous application's caller.

use crate::catalog::names::BucketName;
use crate::catalog::{ResourceId, ServiceRole};
use crate::plugin::{Attribute, Block, Type, Value};
use crate::policy::{Arn, DocumentKind};

use super::config::{resolve_scope, ProviderDefaults};
use super::connector_policy::{parse_kms_key_arn, parse_secret_arn};
use super::document_output::{document_block, finish, permissions_limit, read_additions};
use super::inputs::Inputs;
use super::DataSource;

pub const TYPE_NAME: &str = "qbusiness_role_policy";

const SCOPE: [&str; 3] = ["partition", "region", "account_id"];
const ROLES: [(&str, &[&str]); 4] = [
    ("kendra_retriever", &["kendra_index_id", "partition", "region", "account_id"]),
    ("plugin", &["secret_arn", "kms_key_arn"]),
    ("document_enrichment", &["lambda_function_arn", "bucket", "kms_key_arn", "partition", "region", "account_id"]),
    ("anonymous_application", &["application_id", "partition", "region", "account_id"]),
];
const ROLE_ARGUMENTS: [&str; 9] =
    ["kendra_index_id", "secret_arn", "kms_key_arn", "lambda_function_arn", "bucket", "application_id", SCOPE[0], SCOPE[1], SCOPE[2]];

pub struct RolePolicy;

fn parse_lambda_arn(text: &str) -> Result<Arn, crate::policy::ArnError> {
    Arn::parse_expecting(text, "lambda", "function:", "arn:aws:lambda:REGION:ACCOUNT:function:NAME")
}

impl DataSource for RolePolicy {
    fn type_name(&self) -> &'static str {
        TYPE_NAME
    }

    fn schema(&self) -> Block {
        let attributes = vec![
            Attribute::required(
                "role",
                Type::String,
                "`kendra_retriever`, `plugin` (built-in or custom), `document_enrichment` (a pre- or post-extraction hook), or `anonymous_application` (the policy of a principal that chats with an anonymous application).",
            ),
            Attribute::optional("kendra_index_id", Type::String, "`kendra_retriever`: id of the Amazon Kendra index."),
            Attribute::optional("secret_arn", Type::String, "`plugin`: ARN of the secret with the plugin's credentials."),
            Attribute::optional("kms_key_arn", Type::String, "`plugin`: key of the secret; `document_enrichment`: SSE-KMS key of the bucket."),
            Attribute::optional("lambda_function_arn", Type::String, "`document_enrichment`: ARN of the hook's Lambda function."),
            Attribute::optional("bucket", Type::String, "`document_enrichment`: the bucket the hook reads and writes."),
            Attribute::optional("application_id", Type::String, "`anonymous_application`: id of the application."),
        ];
        document_block(
            "The permissions policy of the other Amazon Q Business roles: Kendra retriever, plugin, custom document enrichment, and of a caller of an anonymous application.",
            attributes,
            "in this policy (`kendra_retriever`, `document_enrichment`, `anonymous_application`)",
            DocumentKind::Permissions,
        )
    }

    fn build(&self, config: &Value, inputs: &mut Inputs<'_>, defaults: Option<&ProviderDefaults>) -> Option<Value> {
        let (role, takes) = inputs.choose_kind("role", &ROLES, None, &ROLE_ARGUMENTS)?;
        let who = format!("role {role:?}");
        let required: Vec<&str> = takes.iter().copied().filter(|a| !SCOPE.contains(a) && *a != "kms_key_arn").collect();
        inputs.require(&required, &who);
        let additions = read_additions(inputs, DocumentKind::Permissions);
        let limit = permissions_limit(inputs);
        let kms_key = inputs.parsed_with("kms_key_arn", parse_kms_key_arn);
        let policy = match role {
            "plugin" => {
                let secret = inputs.parsed_with("secret_arn", parse_secret_arn);
                if inputs.has_errors() || inputs.incomplete || defaults.is_none() {
                    return None;
                }
                ServiceRole::Plugin { secret: secret?, kms_key }
            }
            "kendra_retriever" => {
                let kendra_index = inputs.parsed::<ResourceId>("kendra_index_id");
                let scope = resolve_scope(inputs, defaults)?;
                ServiceRole::KendraRetriever { scope, kendra_index: kendra_index? }
            }
            "document_enrichment" => {
                let function = inputs.parsed_with("lambda_function_arn", parse_lambda_arn);
                let bucket = inputs.parsed::<BucketName>("bucket");
                let scope = resolve_scope(inputs, defaults)?;
                ServiceRole::DocumentEnrichment { scope, function: function?, bucket: bucket?, kms_key }
            }
            _ => {
                let application = inputs.parsed::<ResourceId>("application_id");
                let scope = resolve_scope(inputs, defaults)?;
                ServiceRole::AnonymousApplication { scope, application: application? }
            }
        };
        if inputs.has_errors() || inputs.incomplete {
            return None;
        }
        finish(config, inputs, policy.permissions(), &additions, DocumentKind::Permissions, limit)
    }
}
