//! Data source `qbusiness_role_policy`: the permissions policies of the other Q Business roles
//! (Kendra retriever, plugin, custom document enrichment) and of an anonymous application's caller.

use crate::catalog::arguments::{self as args, Name};
use crate::catalog::arns::{KmsKeyArn, LambdaFunctionArn, SecretArn};
use crate::catalog::names::BucketName;
use crate::catalog::requests::{self, kind_names, kind_takes, Family};
use crate::catalog::sources::source_of;
use crate::catalog::trust::trusts_of;
use crate::catalog::{ResourceId, ServiceRole, ServiceRoleKind};
use crate::plugin::{Attribute, Type};
use crate::policy::{DocumentKind, PolicyDocument};

use super::config::{check_place, resolve_scope};
use super::descriptor::{Body, Descriptor, DocumentSpec, FunctionTwin};
use super::document::{scope_note_of, selector_description, taken_by};
use super::inputs::Inputs;
use super::Phase;

fn summary(kind: ServiceRoleKind) -> &'static str {
    match kind {
        ServiceRoleKind::KendraRetriever => "reads an Amazon Kendra index",
        ServiceRoleKind::Plugin => "a built-in or custom plugin",
        ServiceRoleKind::DocumentEnrichment => "a pre- or post-extraction hook",
        ServiceRoleKind::AnonymousApplication => "the policy of a principal that chats with an anonymous application",
        ServiceRoleKind::QuicksightPlugin => "the Amazon Quick (QuickSight) plugin, asking the account's topics and dashboards",
        ServiceRoleKind::ApiCaller => {
            "the role a custom application assumes with the signed-in user's IAM Identity Center context to call the identity-aware APIs (Chat, ListConversations, …); its trust is the `api_caller` kind"
        }
    }
}

/// The data source `qbusiness_role_policy`.
pub static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_role_policy",
    description: "The permissions policy of the other Amazon Q Business roles: Kendra retriever, plugin, custom document enrichment, Amazon Quick plugin, the identity-aware API caller of a custom application, and of a caller of an anonymous application.",
    function: FunctionTwin {
        name: "role_policy",
        selector: Some(args::ROLE),
        output: args::JSON,
        summary: "The permissions policy of a Kendra retriever, plugin or document enrichment role, or of an anonymous application's caller, as JSON.",
    },
    requests: Some(Family {
        expectations: requests::ROLE,
        selector: Some(args::ROLE),
        default_kind: None,
        kinds: kind_names::<ServiceRoleKind>,
        takes: kind_takes::<ServiceRoleKind>,
        examples: requests::ROLE_EXAMPLES,
        trusts: trusts_of::<ServiceRoleKind>,
        source: source_of::<ServiceRoleKind>,
    }),
    body: Body::Document(DocumentSpec { kind: DocumentKind::Permissions, arguments, scope_note: Some(scope_note), build }),
};

fn arguments() -> Vec<Attribute> {
    let described = |name: Name, text: &str| format!("{}{text}", taken_by::<ServiceRoleKind>(name));
    vec![
        Attribute::required(args::ROLE, Type::String, &selector_description::<ServiceRoleKind>("Which role", summary)),
        Attribute::optional(args::KENDRA_INDEX_ID, Type::String, &described(args::KENDRA_INDEX_ID, "id of the Amazon Kendra index.")),
        Attribute::optional(
            args::SECRET_ARN,
            Type::String,
            &described(args::SECRET_ARN, "ARN of the secret with the plugin's credentials."),
        ),
        Attribute::optional(
            args::KMS_KEY_ARN,
            Type::String,
            &described(args::KMS_KEY_ARN, "the key of the secret (`plugin`), the SSE-KMS key of the bucket (`document_enrichment`) or the application's customer managed key (`api_caller`)."),
        ),
        Attribute::optional(
            args::LAMBDA_FUNCTION_ARN,
            Type::String,
            &described(args::LAMBDA_FUNCTION_ARN, "ARN of the hook's Lambda function."),
        ),
        Attribute::optional(args::BUCKET, Type::String, &described(args::BUCKET, "the bucket the hook reads and writes.")),
        Attribute::optional(args::APPLICATION_ID, Type::String, &described(args::APPLICATION_ID, "id of the application.")),
        Attribute::optional(
            args::SEARCH_RELEVANT_CONTENT,
            Type::Bool,
            &described(args::SEARCH_RELEVANT_CONTENT, "the caller also searches the index (`qbusiness:SearchRelevantContent`, as an ISV does; default false)."),
        ),
    ]
}

fn scope_note() -> String {
    scope_note_of::<ServiceRoleKind>(args::ROLE)
}

fn build(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<PolicyDocument> {
    let role = inputs.kind::<ServiceRoleKind>(args::ROLE, None)?;
    let policy = match role {
        ServiceRoleKind::Plugin => {
            let secret: Option<SecretArn> = inputs.arn(args::SECRET_ARN);
            let kms_key: Option<KmsKeyArn> = inputs.arn(args::KMS_KEY_ARN);
            let secret = secret?;
            if let Some(key) = &kms_key {
                let place = secret.arn();
                check_place(inputs, args::KMS_KEY_ARN, key.arn(), place.partition, Some((place.region.as_str(), "the secret")));
            }
            ServiceRole::Plugin { secret, kms_key }
        }
        ServiceRoleKind::KendraRetriever => {
            let kendra_index = inputs.parsed::<ResourceId>(args::KENDRA_INDEX_ID);
            let scope = resolve_scope(inputs, phase)?;
            ServiceRole::KendraRetriever { scope, kendra_index: kendra_index? }
        }
        ServiceRoleKind::DocumentEnrichment => {
            let function: Option<LambdaFunctionArn> = inputs.arn(args::LAMBDA_FUNCTION_ARN);
            let bucket = inputs.parsed::<BucketName>(args::BUCKET);
            let kms_key: Option<KmsKeyArn> = inputs.arn(args::KMS_KEY_ARN);
            let scope = resolve_scope(inputs, phase)?;
            if let Some(function) = &function {
                check_place(inputs, args::LAMBDA_FUNCTION_ARN, function.arn(), scope.partition, None);
            }
            if let Some(key) = &kms_key {
                check_place(inputs, args::KMS_KEY_ARN, key.arn(), scope.partition, Some((scope.region.as_str(), "the application")));
            }
            ServiceRole::DocumentEnrichment { scope, function: function?, bucket: bucket?, kms_key }
        }
        ServiceRoleKind::AnonymousApplication => {
            let application = inputs.parsed::<ResourceId>(args::APPLICATION_ID);
            let scope = resolve_scope(inputs, phase)?;
            ServiceRole::AnonymousApplication { scope, application: application? }
        }
        ServiceRoleKind::QuicksightPlugin => ServiceRole::QuicksightPlugin { scope: resolve_scope(inputs, phase)? },
        ServiceRoleKind::ApiCaller => {
            let application = inputs.parsed::<ResourceId>(args::APPLICATION_ID);
            let kms_key: Option<KmsKeyArn> = inputs.arn(args::KMS_KEY_ARN);
            let search = inputs.bool(args::SEARCH_RELEVANT_CONTENT).unwrap_or(false);
            let scope = resolve_scope(inputs, phase)?;
            if let Some(key) = &kms_key {
                check_place(inputs, args::KMS_KEY_ARN, key.arn(), scope.partition, Some((scope.region.as_str(), "the application")));
            }
            ServiceRole::ApiCaller { scope, application: application?, kms_key, search }
        }
    };
    Some(policy.permissions())
}

#[cfg(test)]
mod tests {
    use crate::catalog::arguments as args;
    use crate::provider::testing::{read, s, KEY_ARN, SECRET_ARN};

    const TYPE: &str = super::DESCRIPTOR.type_name;

    #[test]
    fn plugin_with_key_is_its_golden_document() {
        let outcome = read(TYPE, &[(args::ROLE, s("plugin")), (args::SECRET_ARN, s(SECRET_ARN)), (args::KMS_KEY_ARN, s(KEY_ARN))]);
        assert_eq!(outcome.json.unwrap() + "\n", include_str!("../../tests/golden/role-plugin-kms.json"));
    }
}
