//! Data source `qbusiness_administrator_policy`: what the administrator of an application needs to
//! deliver its logs or to create it with a customer managed key.

use crate::catalog::administrator::{self, AdministratorRole, AdministratorRoleKind};
use crate::catalog::arguments::{self as args, Name};
use crate::catalog::arns::KmsKeyArn;
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

fn summary(kind: AdministratorRoleKind) -> &'static str {
    match kind {
        AdministratorRoleKind::LogDelivery => "sets up the delivery of the application's conversation logs, as AWS's page \"Permissions for monitoring Amazon Q Business with Amazon CloudWatch Logs\" says; the destination's own permissions are on CloudWatch Logs' pages",
        AdministratorRoleKind::CustomerManagedKey => {
            "creates the application with a customer managed key, for which Q Business makes its grant, as AWS's page \"Data encryption for Amazon Q Business\" says"
        }
    }
}

/// The data source `qbusiness_administrator_policy`.
pub(super) static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_administrator_policy",
    description: "The permissions an application's administrator needs beyond creating it: to deliver its conversation logs, or to create it with a customer managed key. Attach them to the administrator's own role or user; no service assumes them.",
    function: FunctionTwin {
        name: "administrator_policy",
        selector: Some(args::ROLE),
        output: args::JSON,
        summary: "The permissions policy an application's administrator needs for log delivery or a customer managed key, as JSON.",
    },
    requests: Some(Family {
        expectations: administrator::REQUESTS,
        selector: Some(args::ROLE),
        default_kind: None,
        kinds: kind_names::<AdministratorRoleKind>,
        takes: kind_takes::<AdministratorRoleKind>,
        examples: administrator::EXAMPLES,
        trusts: trusts_of::<AdministratorRoleKind>,
        source: source_of::<AdministratorRoleKind>,
    }),
    body: Body::Document(DocumentSpec { kind: DocumentKind::Permissions, arguments, scope_note: Some(scope_note), build }),
};

fn arguments() -> Vec<Attribute> {
    let described = |name: Name, text: &str| format!("{}{text}", taken_by::<AdministratorRoleKind>(name));
    vec![
        Attribute::required(
            args::ROLE,
            Type::String,
            &selector_description::<AdministratorRoleKind>("What the administrator does", summary),
        ),
        Attribute::optional(args::APPLICATION_ID, Type::String, &described(args::APPLICATION_ID, "id of the application.")),
        Attribute::optional(
            args::KMS_KEY_ARN,
            Type::String,
            &described(args::KMS_KEY_ARN, "ARN of the customer managed key the application is created with (a symmetric key)."),
        ),
    ]
}

fn scope_note() -> String {
    scope_note_of::<AdministratorRoleKind>(args::ROLE)
}

fn build(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<PolicyDocument> {
    let role = inputs.kind::<AdministratorRoleKind>(args::ROLE, None)?;
    let policy = match role {
        AdministratorRoleKind::LogDelivery => {
            let application = inputs.parsed::<ResourceId>(args::APPLICATION_ID);
            let scope = resolve_scope(inputs, phase)?;
            AdministratorRole::LogDelivery { scope, application: application? }
        }
        AdministratorRoleKind::CustomerManagedKey => {
            let key: Option<KmsKeyArn> = inputs.arn(args::KMS_KEY_ARN);
            let scope = resolve_scope(inputs, phase)?;
            let key = key?;
            check_place(inputs, args::KMS_KEY_ARN, key.arn(), scope.partition, Some((scope.region.as_str(), "the application")));
            AdministratorRole::CustomerManagedKey { scope, key }
        }
    };
    Some(policy.permissions())
}
