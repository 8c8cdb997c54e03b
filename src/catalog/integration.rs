//! The two roles of the Slack, Microsoft Teams, Outlook and Word integrations (user guide page
//! `amazon-q-business-integrations-iam`, read at mirror snapshot 60275b03): the role the
//! integration calls Q Business with on the user's behalf, and the role Q Business monitors the
//! integration's IAM Identity Center application with. Their trust is the `integration` kind of
//! the trust policy. Browser extensions need neither.

use super::arguments as args;
use super::arns::{ArnKind, KmsKeyArn, TypedArn};
use super::blocks;
use super::examples::ExampleValue::Text;
use super::examples::{Example, APPLICATION_ID, IDENTITY_CENTER_INSTANCE_ARN, KMS_KEY_ARN};
use super::kinds::{optional, required, Argument, Kind, SCOPE};
use super::requests::{allow, deny, Expectation, When};
use super::scope::{ResourceId, Scope};
use super::sources::{at_60275b0, Source, Sourced};
use super::trust::{TrustKind, Trusted};
use crate::policy::{Arn, PolicyDocument, Statement};

/// The value of `role`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntegrationRoleKind {
    /// Chats with the application on the user's behalf ("Service access" in the console).
    Integration,
    /// Reads the integration's IAM Identity Center application ("Access management access").
    Monitoring,
}

impl Kind for IntegrationRoleKind {
    const ALL: &'static [IntegrationRoleKind] = &[IntegrationRoleKind::Integration, IntegrationRoleKind::Monitoring];

    fn name(self) -> &'static str {
        match self {
            IntegrationRoleKind::Integration => "integration",
            IntegrationRoleKind::Monitoring => "monitoring",
        }
    }

    fn arguments(self) -> Vec<Argument> {
        match self {
            IntegrationRoleKind::Integration => {
                [required(args::APPLICATION_ID), optional(args::KMS_KEY_ARN)].into_iter().chain(SCOPE).collect()
            }
            IntegrationRoleKind::Monitoring => [required(args::IDENTITY_CENTER_INSTANCE_ARN)].into_iter().chain(SCOPE).collect(),
        }
    }
}

impl Trusted for IntegrationRoleKind {
    fn trusts(self) -> &'static [TrustKind] {
        // The page gives both roles the one trust of the integrations' principal.
        &[TrustKind::Integration]
    }
}

impl Sourced for IntegrationRoleKind {
    fn source(self) -> Source {
        at_60275b0("amazon-q-business-integrations-iam")
    }
}

/// An IAM Identity Center instance: `arn:aws:sso:::instance/ssoins-…`, with neither region nor account.
#[derive(Debug)]
pub enum IdentityCenterInstance {}

impl ArnKind for IdentityCenterInstance {
    const SERVICE: &'static str = "sso";
    const RESOURCE_PREFIX: &'static str = "instance/";
    const EXAMPLE: &'static str = "arn:PARTITION:sso:::instance/ssoins-ID, e.g. \"arn:aws:sso:::instance/ssoins-1234567890abcdef\"";
    const REGIONAL: bool = false;
    const OWNED: bool = false;

    fn check_name(name: &str) -> Result<(), String> {
        // Identity Center's pattern for an instance: `ssoins-` and 16 alphanumeric characters.
        let id = name.strip_prefix("ssoins-").unwrap_or_default();
        if id.len() == 16 && id.bytes().all(|b| b.is_ascii_alphanumeric()) {
            Ok(())
        } else {
            Err(format!("has {name:?} where the instance (ssoins- and 16 letters or digits) belongs"))
        }
    }
}

/// An IAM Identity Center instance's ARN.
pub type IdentityCenterInstanceArn = TypedArn<IdentityCenterInstance>;

/// An integration role with what its policy names.
#[allow(missing_docs)] // the variants' fields are named for what they hold
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntegrationRole {
    /// Chats with the application for the signed-in user, whose identity context it sets.
    Integration { scope: Scope, application: ResourceId, kms_key: Option<KmsKeyArn> },
    /// Reads the Identity Center instance's applications, their scopes, grants and assignments.
    Monitoring { scope: Scope, instance: IdentityCenterInstanceArn },
}

impl IntegrationRole {
    /// The role's permissions policy.
    pub fn permissions(&self) -> PolicyDocument {
        let statements = match self {
            IntegrationRole::Integration { scope, application, kms_key } => {
                let mut statements = vec![Statement::allow("QBusinessConversationPermissions")
                    .actions([
                        "qbusiness:Chat",
                        "qbusiness:ChatSync",
                        "qbusiness:PutFeedback",
                        "qbusiness:DeleteConversation",
                        "qbusiness:ListAttachments",
                        "qbusiness:DeleteAttachment",
                    ])
                    .resource(&scope.application_arn(application))];
                // The page always lists the key; an application with an AWS owned key has none to name.
                statements
                    .extend(kms_key.as_ref().map(|key| blocks::decrypt_through("QBusinessKMSDecryptPermissions", key, &["qbusiness"])));
                statements.push(blocks::set_identity_context(scope, vec![scope.service_principal("qbusiness")]));
                statements
            }
            IntegrationRole::Monitoring { scope, instance } => {
                let id = instance.arn().resource.strip_prefix("instance/").unwrap_or_default();
                vec![
                    // The page names the instance, but the Service Authorization Reference gives
                    // sso:ListApplications no resource type: on the instance it would be denied.
                    Statement::allow("QBusinessIdCInstanceReadOnlyPermissions").actions(["sso:ListApplications"]).any_resource(),
                    Statement::allow("QBusinessIdCInstanceApplicationReadOnlyPermissions")
                        .actions([
                            "sso:ListApplicationAccessScopes",
                            "sso:GetApplicationAssignmentConfiguration",
                            "sso:GetApplicationGrant",
                            "sso:GetApplicationAuthenticationMethod",
                        ])
                        .resource(&Arn::new(scope.partition, "sso", "", scope.account.as_str(), &format!("application/{id}/*"))),
                ]
            }
        };
        PolicyDocument::new(statements)
    }
}

const APP: &str = "arn:{partition}:qbusiness:{region}:{account}:application/{application}";
const INTEGRATION: When = When::Kind(&["integration"]);
const MONITORING: When = When::Kind(&["monitoring"]);
const IDC_APPLICATION: &str = "arn:{partition}:sso::{account}:application/ssoins-1234567890abcdef/apl-1234567890abcdef";

/// `qbusiness_integration_policy`, by `role`.
pub const REQUESTS: &[Expectation] = &[
    allow("chat for the user", "qbusiness:Chat", APP, &[], INTEGRATION),
    allow("delete the user's conversation", "qbusiness:DeleteConversation", APP, &[], INTEGRATION),
    deny(
        "chat with another application",
        "qbusiness:Chat",
        "arn:{partition}:qbusiness:{region}:{account}:application/{other_id}",
        &[],
        INTEGRATION,
    ),
    deny("read every conversation", "qbusiness:ListConversations", APP, &[], INTEGRATION),
    deny("change the application", "qbusiness:UpdateApplication", APP, &[], INTEGRATION),
    allow(
        "set the user's context for Q Business",
        "sts:SetContext",
        "arn:{partition}:sts::{account}:self",
        &[("aws:CalledViaLast", "qbusiness.amazonaws.com")],
        INTEGRATION,
    ),
    deny(
        "set a context outside Q Business",
        "sts:SetContext",
        "arn:{partition}:sts::{account}:self",
        &[("aws:CalledViaLast", "ec2.amazonaws.com")],
        INTEGRATION,
    ),
    allow(
        "decrypt through Q Business",
        "kms:Decrypt",
        "{key}",
        &[("kms:ViaService", "qbusiness.{key_region}.amazonaws.com")],
        When::Both(&INTEGRATION, &When::Set(args::KMS_KEY_ARN)),
    ),
    deny(
        "decrypt through S3",
        "kms:Decrypt",
        "{key}",
        &[("kms:ViaService", "s3.{key_region}.amazonaws.com")],
        When::Both(&INTEGRATION, &When::Set(args::KMS_KEY_ARN)),
    ),
    allow("list the instance's applications", "sso:ListApplications", "*", &[], MONITORING),
    allow("read an application's grant", "sso:GetApplicationGrant", IDC_APPLICATION, &[], MONITORING),
    allow("read an application's access scopes", "sso:ListApplicationAccessScopes", IDC_APPLICATION, &[], MONITORING),
    deny(
        "read an application of another instance",
        "sso:GetApplicationGrant",
        "arn:{partition}:sso::{account}:application/ssoins-fedcba0987654321/apl-1234567890abcdef",
        &[],
        MONITORING,
    ),
    deny("change an application's grant", "sso:PutApplicationGrant", IDC_APPLICATION, &[], MONITORING),
    deny("delete an application", "sso:DeleteApplication", IDC_APPLICATION, &[], MONITORING),
];

/// `qbusiness_integration_policy`'s golden configurations.
pub const EXAMPLES: &[Example] = &[
    Example { name: "integration", arguments: &[(args::ROLE, Text("integration")), (args::APPLICATION_ID, Text(APPLICATION_ID))] },
    Example {
        name: "integration-kms",
        arguments: &[
            (args::ROLE, Text("integration")),
            (args::APPLICATION_ID, Text(APPLICATION_ID)),
            (args::KMS_KEY_ARN, Text(KMS_KEY_ARN)),
        ],
    },
    Example {
        name: "integration-monitoring",
        arguments: &[(args::ROLE, Text("monitoring")), (args::IDENTITY_CENTER_INSTANCE_ARN, Text(IDENTITY_CENTER_INSTANCE_ARN))],
    },
];
