//! Web experience roles: the one users assume through IAM federation (SAML or OIDC), and the one
//! that reads an OIDC client secret.

use crate::policy::{Arn, ConditionKey, Operator, PolicyDocument, Statement};

use super::blocks;
use super::scope::{ResourceId, Scope};

/// What the IAM-federation web experience offers its users.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebExperienceOptions {
    pub q_apps: bool,
    pub plugins: bool,
    pub auto_subscription: bool,
    /// The application's customer managed key, if it has one.
    pub kms_key: Option<Arn>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WebExperienceRole {
    IamFederation { scope: Scope, application: ResourceId, web_experience: Option<ResourceId>, options: WebExperienceOptions },
    OidcClientSecret { secret: Arn, kms_key: Option<Arn> },
}

fn q_apps_statements(scope: &Scope, application: &ResourceId) -> Vec<Statement> {
    let qapps = scope.arn("qapps", &format!("application/{}/qapp/*", application.as_str()));
    let sessions = scope.arn("qapps", &format!("application/{}/qapp/*/session/*", application.as_str()));
    let when = |key: &str| (Operator::STRING_EQUALS_IGNORE_CASE, ConditionKey::named(format!("qapps:{key}")).expect("qapps key"), ["true"]);
    let conditioned = |statement: Statement, key: &str| {
        let (operator, key, values) = when(key);
        statement.condition(operator, key, values)
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
    pub fn permissions(&self) -> PolicyDocument {
        match self {
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
                        .actions(["qbusiness:ListPlugins", "qbusiness:ListPluginActions"])
                        .resource(&scope.application_child_arn(application, "plugin/*"));
                }
                let mut statements = vec![conversation];
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
                if options.auto_subscription {
                    statements.push(
                        Statement::allow("QBusinessAutoSubscriptionPermission")
                            .actions(["user-subscriptions:CreateClaim"])
                            .any_resource()
                            .condition(Operator::BOOL, ConditionKey::named("user-subscriptions:CreateForSelf").expect("key"), ["true"])
                            .condition(Operator::STRING_EQUALS, ConditionKey::CALLED_VIA_LAST, [scope.service_principal("qbusiness")]),
                    );
                }
                if let Some(key) = &options.kms_key {
                    let mut via = vec![key.partition.service_endpoint("qbusiness", &key.region)];
                    if options.q_apps {
                        via.push(key.partition.service_endpoint("qapps", &key.region));
                    }
                    statements.push(Statement::allow("QBusinessKMSDecryptPermissions").actions(["kms:Decrypt"]).resource(key).condition(
                        Operator::STRING_EQUALS,
                        ConditionKey::KMS_VIA_SERVICE,
                        via,
                    ));
                }
                if options.q_apps {
                    statements.extend(q_apps_statements(scope, application));
                }
                PolicyDocument::new(statements)
            }
        }
    }
}
