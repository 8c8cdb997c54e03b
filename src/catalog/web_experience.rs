//! Web experience roles: the one users assume through IAM federation (SAML or OIDC), and the one
//! that reads an OIDC client secret.

use super::arguments as args;
use crate::policy::{ConditionKey, Operator, PolicyDocument, Statement};

use super::arns::{KmsKeyArn, SecretArn};
use super::blocks;
use super::kinds::{optional, required, Argument, Kind, SCOPE};
use super::scope::{ResourceId, Scope};
use super::sources::{at_3a3ccd3, at_60275b0, Source, Sourced};
use super::trust::{TrustKind, Trusted};

/// The web experience roles: the value of `kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WebExperienceKind {
    /// The role users assume through SAML or OIDC federation.
    IamFederation,
    /// The role of a web experience with IAM Identity Center.
    IdentityCenter,
    /// The role that reads the OIDC client secret.
    OidcClientSecret,
    /// The role of a web experience with anonymous access (`anonymous-application-iam-policies`,
    /// read at mirror snapshot 60275b03).
    Anonymous,
}

impl Kind for WebExperienceKind {
    const ALL: &'static [WebExperienceKind] = &[
        WebExperienceKind::IamFederation,
        WebExperienceKind::IdentityCenter,
        WebExperienceKind::OidcClientSecret,
        WebExperienceKind::Anonymous,
    ];

    fn name(self) -> &'static str {
        match self {
            WebExperienceKind::IamFederation => "iam_federation",
            WebExperienceKind::IdentityCenter => "identity_center",
            WebExperienceKind::OidcClientSecret => "oidc_client_secret",
            WebExperienceKind::Anonymous => "anonymous",
        }
    }

    fn arguments(self) -> Vec<Argument> {
        let chat = [
            required(args::APPLICATION_ID),
            optional(args::WEB_EXPERIENCE_ID),
            optional(args::Q_APPS),
            optional(args::PLUGINS),
            optional(args::AUTO_SUBSCRIPTION),
            optional(args::KMS_KEY_ARN),
        ];
        match self {
            WebExperienceKind::IamFederation => chat.into_iter().chain(SCOPE).collect(),
            // The Amazon Quick plugin embeds Quick for a user of Identity Center only.
            WebExperienceKind::IdentityCenter => chat.into_iter().chain([optional(args::QUICKSIGHT_PLUGIN)]).chain(SCOPE).collect(),
            WebExperienceKind::OidcClientSecret => vec![required(args::SECRET_ARN), optional(args::KMS_KEY_ARN)],
            WebExperienceKind::Anonymous => [required(args::APPLICATION_ID)].into_iter().chain(SCOPE).collect(),
        }
    }
}

impl Trusted for WebExperienceKind {
    fn trusts(self) -> &'static [TrustKind] {
        match self {
            WebExperienceKind::IamFederation => &[TrustKind::WebExperienceSaml, TrustKind::WebExperienceOidc],
            WebExperienceKind::IdentityCenter => &[TrustKind::WebExperienceIdentityCenter],
            WebExperienceKind::OidcClientSecret => &[TrustKind::OidcSecret],
            WebExperienceKind::Anonymous => &[TrustKind::WebExperienceAnonymous],
        }
    }
}

impl Sourced for WebExperienceKind {
    fn source(self) -> Source {
        match self {
            WebExperienceKind::IamFederation | WebExperienceKind::OidcClientSecret => at_3a3ccd3("web-experience-iam-role-iam"),
            WebExperienceKind::IdentityCenter => at_3a3ccd3("web-experience-iam-role-idc"),
            WebExperienceKind::Anonymous => at_60275b0("anonymous-application-iam-policies"),
        }
    }
}

/// What the IAM-federation web experience offers its users.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebExperienceOptions {
    /// Users can create and run Amazon Q Apps.
    pub q_apps: bool,
    /// Users can discover and use plugins.
    pub plugins: bool,
    /// Users are subscribed on first sign-in.
    pub auto_subscription: bool,
    /// Users sign in with IAM Identity Center (rather than IAM federation).
    pub identity_center: bool,
    /// Users have the Amazon Quick (QuickSight) plugin (Identity Center only).
    pub quicksight_plugin: bool,
    /// The application's customer managed key, if it has one.
    pub kms_key: Option<KmsKeyArn>,
}

/// A web experience role with what its policy names.
#[allow(missing_docs)] // the variants' fields are named for what they hold
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WebExperienceRole {
    IamFederation { scope: Scope, application: ResourceId, web_experience: Option<ResourceId>, options: WebExperienceOptions },
    OidcClientSecret { secret: SecretArn, kms_key: Option<KmsKeyArn> },
    Anonymous { scope: Scope, application: ResourceId },
}

fn q_apps_statements(scope: &Scope, application: &ResourceId) -> Vec<Statement> {
    let qapps = scope.arn("qapps", &format!("application/{}/qapp/*", application.as_str()));
    let sessions = scope.arn("qapps", &format!("application/{}/qapp/*/session/*", application.as_str()));
    let conditioned = |statement: Statement, key: &str| {
        statement.condition(Operator::STRING_EQUALS_IGNORE_CASE, ConditionKey::qualified("qapps", key), ["true"])
    };
    vec![
        Statement::allow("QAppsResourceAgnosticPermissions")
            .actions([
                "qapps:CreateQApp",
                "qapps:PredictQApp",
                "qapps:PredictProblemStatementFromConversation",
                "qapps:PredictQAppFromProblemStatement",
                "qapps:ListQApps",
                "qapps:ListLibraryItems",
                "qapps:CreateSubscriptionToken",
                "qapps:ListCategories",
            ])
            .resource(&scope.application_arn(application)),
        // Apps that answer from the application's approved data sources list them.
        Statement::allow("QBusinessIndexPermission").actions(["qbusiness:ListIndices"]).resource(&scope.application_arn(application)),
        Statement::allow("QBusinessDataSourcePermission")
            .actions(["qbusiness:ListDataSources"])
            .resources([&scope.application_arn(application), &scope.application_child_arn(application, "index/*")]),
        Statement::allow("QAppsAppUniversalPermissions").actions(["qapps:DisassociateQAppFromUser"]).resource(&qapps),
        conditioned(
            Statement::allow("QAppsAppOwnerPermissions")
                .actions([
                    "qapps:GetQApp",
                    "qapps:CopyQApp",
                    "qapps:UpdateQApp",
                    "qapps:DeleteQApp",
                    "qapps:ImportDocument",
                    "qapps:CreateLibraryItem",
                    "qapps:UpdateLibraryItem",
                    "qapps:StartQAppSession",
                    "qapps:DescribeQAppPermissions",
                    "qapps:UpdateQAppPermissions",
                ])
                .resource(&qapps),
            "UserIsAppOwner",
        ),
        conditioned(
            Statement::allow("QAppsPublishedAppPermissions")
                .actions([
                    "qapps:GetQApp",
                    "qapps:CopyQApp",
                    "qapps:AssociateQAppWithUser",
                    "qapps:GetLibraryItem",
                    "qapps:CreateLibraryItemReview",
                    "qapps:AssociateLibraryItemReview",
                    "qapps:DisassociateLibraryItemReview",
                    "qapps:StartQAppSession",
                    "qapps:DescribeQAppPermissions",
                ])
                .resource(&qapps),
            "AppIsPublished",
        ),
        conditioned(
            Statement::allow("QAppsAppSessionModeratorPermissions")
                .actions([
                    "qapps:ImportDocument",
                    "qapps:GetQAppSession",
                    "qapps:GetQAppSessionMetadata",
                    "qapps:UpdateQAppSession",
                    "qapps:UpdateQAppSessionMetadata",
                    "qapps:StopQAppSession",
                    "qapps:ListQAppSessionData",
                    "qapps:ExportQAppSessionData",
                ])
                .resource(&sessions),
            "UserIsSessionModerator",
        ),
        conditioned(
            Statement::allow("QAppsSharedAppSessionPermissions")
                .actions([
                    "qapps:ImportDocument",
                    "qapps:GetQAppSession",
                    "qapps:GetQAppSessionMetadata",
                    "qapps:UpdateQAppSession",
                    "qapps:ListQAppSessionData",
                ])
                .resource(&sessions),
            "SessionIsShared",
        ),
    ]
}

impl WebExperienceRole {
    /// The role's permissions policy.
    pub fn permissions(&self) -> PolicyDocument {
        match self {
            WebExperienceRole::Anonymous { scope, application } => {
                PolicyDocument::new(vec![Statement::allow("QBusinessAnonymousWebExperienceConversationPermissions")
                    .actions([
                        "qbusiness:Chat",
                        "qbusiness:ChatSync",
                        "qbusiness:PutFeedback",
                        "qbusiness:GetChatControlsConfiguration",
                        "qbusiness:GetApplication",
                    ])
                    .resource(&scope.application_arn(application))])
            }
            WebExperienceRole::OidcClientSecret { secret, kms_key } => {
                let mut statements = vec![blocks::get_secret(secret)];
                statements.extend(kms_key.as_ref().map(blocks::decrypt_secret));
                PolicyDocument::new(statements)
            }
            WebExperienceRole::IamFederation { scope, application, web_experience, options } => {
                let application_arn = scope.application_arn(application);
                let web_experience_arn = scope.application_child_arn(
                    application,
                    &format!("web-experience/{}", web_experience.as_ref().map_or("*", ResourceId::as_str)),
                );
                let mut conversation = Statement::allow("QBusinessConversationPermissions").actions([
                    "qbusiness:Chat",
                    // In the published policy before plugin actions were: it stays without plugins.
                    "qbusiness:ListPlugins",
                    "qbusiness:ChatSync",
                    "qbusiness:ListMessages",
                    "qbusiness:ListConversations",
                    "qbusiness:PutFeedback",
                    "qbusiness:DeleteConversation",
                    "qbusiness:GetWebExperience",
                    "qbusiness:GetApplication",
                    "qbusiness:GetChatControlsConfiguration",
                    "qbusiness:ListRetrievers",
                    "qbusiness:ListAttachments",
                    "qbusiness:DeleteAttachment",
                    "qbusiness:GetMedia",
                ]);
                // GetWebExperience acts on the web experience too, ListPluginActions on plugins.
                conversation = conversation.resources([&application_arn, &web_experience_arn]);
                if options.plugins {
                    conversation = conversation
                        .actions(["qbusiness:ListPluginActions"])
                        .resource(&scope.application_child_arn(application, "plugin/*"));
                }
                let mut statements = vec![conversation];
                // With IAM Identity Center the web experience sets the user's identity context
                // through STS, on the calling session itself; AWS's page for this role has it.
                if options.identity_center {
                    let mut callers = vec![scope.service_principal("qbusiness")];
                    if options.q_apps {
                        callers.push(scope.service_principal("qapps"));
                    }
                    statements.push(blocks::set_identity_context(scope, callers));
                }
                if options.plugins {
                    statements.push(
                        Statement::allow("QBusinessPluginDiscoveryPermissions")
                            .actions(["qbusiness:ListPluginTypeMetadata", "qbusiness:ListPluginTypeActions"])
                            .any_resource(),
                    );
                }
                statements.push(
                    Statement::allow("QBusinessRetrieverPermission")
                        .actions(["qbusiness:GetRetriever"])
                        .resources([&application_arn, &scope.application_child_arn(application, "retriever/*")]),
                );
                // Clickable URLs: both web experience pages publish it (`web-experience-iam-role-*`).
                statements.push(
                    Statement::allow("QBusinessGetDocumentContentPermission")
                        .actions(["qbusiness:GetDocumentContent"])
                        .resources([&application_arn, &scope.application_child_arn(application, "index/*")]),
                );
                // The action has no resource type, so it is granted only on `*` (SAR).
                if options.quicksight_plugin {
                    statements.push(
                        Statement::allow("QBusinessToQuickSightGenerateEmbedUrlInvocation")
                            .actions(["quicksight:GenerateEmbedUrlForRegisteredUserWithIdentity"])
                            .any_resource(),
                    );
                }
                if options.auto_subscription {
                    statements.push(
                        Statement::allow("QBusinessAutoSubscriptionPermission")
                            .actions(["user-subscriptions:CreateClaim"])
                            .any_resource()
                            .condition(Operator::BOOL, ConditionKey::qualified("user-subscriptions", "CreateForSelf"), ["true"])
                            .condition(Operator::STRING_EQUALS, ConditionKey::CALLED_VIA_LAST, [scope.service_principal("qbusiness")]),
                    );
                }
                if let Some(key) = &options.kms_key {
                    let via: &[&str] = if options.q_apps { &["qbusiness", "qapps"] } else { &["qbusiness"] };
                    statements.push(blocks::decrypt_through("QBusinessKMSDecryptPermissions", key, via));
                }
                if options.q_apps {
                    statements.extend(q_apps_statements(scope, application));
                }
                PolicyDocument::new(statements)
            }
        }
    }
}
