//! Data source `qbusiness_integration_policy`: the two roles of the Slack, Microsoft Teams,
//! Outlook and Word integrations.

use crate::catalog::arguments::{self as args, Name};
use crate::catalog::arns::KmsKeyArn;
use crate::catalog::integration::{self, IdentityCenterInstanceArn, IntegrationRole, IntegrationRoleKind};
use crate::catalog::requests::{kind_names, kind_takes, Family};
use crate::catalog::sources::source_of;
use crate::catalog::trust::trusts_of;
use crate::catalog::ResourceId;
use crate::plugin::{Attribute, Type};
use crate::policy::{DocumentKind, PolicyDocument};

use super::config::{check_place, resolve_scope};
use super::descriptor::{Body, Descriptor, DocumentSpec, FunctionTwin};
use super::document::{scope_note_of, selector_description, taken_by};
use super::inputs::Inputs;
use super::Phase;

fn summary(kind: IntegrationRoleKind) -> &'static str {
    match kind {
        IntegrationRoleKind::Integration => "the role the integration chats with on the user's behalf (the console's \"Service access\")",
        IntegrationRoleKind::Monitoring => {
            "the role Q Business reads the integration's IAM Identity Center application with (the console's \"Access management access\")"
        }
    }
}

/// The data source `qbusiness_integration_policy`.
pub static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_integration_policy",
    description: "The permissions policies of the two roles the Slack, Microsoft Teams, Microsoft Outlook and Microsoft Word integrations need (AWS's page \"IAM roles and trust policy for your integrations\"). Both trust `integrations.qbusiness.amazonaws.com`: `qbusiness_trust_policy` with `kind = \"integration\"`. Browser extensions need neither.",
    function: FunctionTwin {
        name: "integration_policy",
        selector: Some(args::ROLE),
        output: args::JSON,
        summary: "The permissions policy of an integration role or of its monitoring role, as JSON.",
    },
    requests: Some(Family {
        expectations: integration::REQUESTS,
        selector: Some(args::ROLE),
        default_kind: None,
        kinds: kind_names::<IntegrationRoleKind>,
        takes: kind_takes::<IntegrationRoleKind>,
        examples: integration::EXAMPLES,
        trusts: trusts_of::<IntegrationRoleKind>,
        source: source_of::<IntegrationRoleKind>,
    }),
    body: Body::Document(DocumentSpec { kind: DocumentKind::Permissions, arguments, scope_note: Some(scope_note), build }),
};

fn arguments() -> Vec<Attribute> {
    let described = |name: Name, text: &str| format!("{}{text}", taken_by::<IntegrationRoleKind>(name));
    vec![
        Attribute::required(args::ROLE, Type::String, &selector_description::<IntegrationRoleKind>("Which role", summary)),
        Attribute::optional(args::APPLICATION_ID, Type::String, &described(args::APPLICATION_ID, "id of the application.")),
        Attribute::optional(
            args::KMS_KEY_ARN,
            Type::String,
            &described(
                args::KMS_KEY_ARN,
                "the application's customer managed key, decrypted through Q Business; leave it out with an AWS owned key.",
            ),
        ),
        Attribute::optional(
            args::IDENTITY_CENTER_INSTANCE_ARN,
            Type::String,
            &described(
                args::IDENTITY_CENTER_INSTANCE_ARN,
                "ARN of the IAM Identity Center instance of the application, e.g. \"arn:aws:sso:::instance/ssoins-1234567890abcdef\".",
            ),
        ),
    ]
}

fn scope_note() -> String {
    scope_note_of::<IntegrationRoleKind>(args::ROLE)
}

fn build(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<PolicyDocument> {
    let role = inputs.kind::<IntegrationRoleKind>(args::ROLE, None)?;
    let policy = match role {
        IntegrationRoleKind::Integration => {
            let application = inputs.parsed::<ResourceId>(args::APPLICATION_ID);
            let kms_key: Option<KmsKeyArn> = inputs.arn(args::KMS_KEY_ARN);
            let scope = resolve_scope(inputs, phase)?;
            if let Some(key) = &kms_key {
                check_place(inputs, args::KMS_KEY_ARN, key.arn(), scope.partition, Some((scope.region.as_str(), "the application")));
            }
            IntegrationRole::Integration { scope, application: application?, kms_key }
        }
        IntegrationRoleKind::Monitoring => {
            let instance: Option<IdentityCenterInstanceArn> = inputs.arn(args::IDENTITY_CENTER_INSTANCE_ARN);
            let scope = resolve_scope(inputs, phase)?;
            if let Some(instance) = &instance {
                check_place(inputs, args::IDENTITY_CENTER_INSTANCE_ARN, instance.arn(), scope.partition, None);
            }
            IntegrationRole::Monitoring { scope, instance: instance? }
        }
    };
    Some(policy.permissions())
}
