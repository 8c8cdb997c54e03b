//! The other roles Q Business features need (reference §6): Kendra retriever, plugins, custom
//! document enrichment, the Amazon Quick plugin, and the policy of a caller of an anonymous
//! application.

use super::arguments as args;
use crate::policy::{Arn, ConditionKey, Operator, PolicyDocument, Statement};

use super::arns::{KmsKeyArn, LambdaFunctionArn, SecretArn};
use super::blocks;
use super::kinds::{optional, required, Argument, Kind, SCOPE};
use super::names::BucketName;
use super::scope::{ResourceId, Scope};
use super::sources::{at_3a3ccd3, at_60275b0, Source, Sourced};
use super::trust::{TrustKind, Trusted};

/// The roles `qbusiness_role_policy` builds: the value of `role`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceRoleKind {
    /// Reads an Amazon Kendra index.
    KendraRetriever,
    /// A built-in or custom plugin.
    Plugin,
    /// A pre- or post-extraction Lambda hook.
    DocumentEnrichment,
    /// A caller of an anonymous application.
    AnonymousApplication,
    /// The Amazon Quick (QuickSight) plugin.
    QuicksightPlugin,
    /// The role a custom application assumes with the signed-in user's identity context to call
    /// the identity-aware APIs (`making-sigv4-authenticated-api-calls`).
    ApiCaller,
}

impl Kind for ServiceRoleKind {
    const ALL: &'static [ServiceRoleKind] = &[
        ServiceRoleKind::KendraRetriever,
        ServiceRoleKind::Plugin,
        ServiceRoleKind::DocumentEnrichment,
        ServiceRoleKind::AnonymousApplication,
        ServiceRoleKind::QuicksightPlugin,
        ServiceRoleKind::ApiCaller,
    ];

    fn name(self) -> &'static str {
        match self {
            ServiceRoleKind::KendraRetriever => "kendra_retriever",
            ServiceRoleKind::Plugin => "plugin",
            ServiceRoleKind::DocumentEnrichment => "document_enrichment",
            ServiceRoleKind::AnonymousApplication => "anonymous_application",
            ServiceRoleKind::QuicksightPlugin => "quicksight_plugin",
            ServiceRoleKind::ApiCaller => "api_caller",
        }
    }

    fn arguments(self) -> Vec<Argument> {
        let with_scope = |own: &[Argument]| own.iter().copied().chain(SCOPE).collect();
        match self {
            ServiceRoleKind::KendraRetriever => with_scope(&[required(args::KENDRA_INDEX_ID)]),
            ServiceRoleKind::Plugin => vec![required(args::SECRET_ARN), optional(args::KMS_KEY_ARN)],
            ServiceRoleKind::DocumentEnrichment => {
                with_scope(&[required(args::LAMBDA_FUNCTION_ARN), required(args::BUCKET), optional(args::KMS_KEY_ARN)])
            }
            ServiceRoleKind::AnonymousApplication => with_scope(&[required(args::APPLICATION_ID)]),
            ServiceRoleKind::QuicksightPlugin => with_scope(&[]),
            ServiceRoleKind::ApiCaller => {
                with_scope(&[required(args::APPLICATION_ID), optional(args::KMS_KEY_ARN), optional(args::SEARCH_RELEVANT_CONTENT)])
            }
        }
    }
}

impl Trusted for ServiceRoleKind {
    fn trusts(self) -> &'static [TrustKind] {
        match self {
            ServiceRoleKind::KendraRetriever => &[TrustKind::KendraRetriever],
            ServiceRoleKind::Plugin => &[TrustKind::Plugin],
            ServiceRoleKind::DocumentEnrichment => &[TrustKind::DocumentEnrichment],
            // The page names no trust: whoever calls the anonymous application's APIs.
            ServiceRoleKind::AnonymousApplication => &[],
            ServiceRoleKind::QuicksightPlugin => &[TrustKind::QuicksightPlugin],
            ServiceRoleKind::ApiCaller => &[TrustKind::ApiCaller],
        }
    }
}

impl Sourced for ServiceRoleKind {
    fn source(self) -> Source {
        match self {
            ServiceRoleKind::KendraRetriever => at_3a3ccd3("kendra-retriever-iam-role"),
            ServiceRoleKind::Plugin => at_3a3ccd3("plugin-iam-role"),
            ServiceRoleKind::DocumentEnrichment => at_60275b0("cde-iam-roles"),
            ServiceRoleKind::AnonymousApplication => at_60275b0("anonymous-application-iam-policies"),
            ServiceRoleKind::QuicksightPlugin => at_3a3ccd3("quicksight-plugin"),
            ServiceRoleKind::ApiCaller => at_60275b0("making-sigv4-authenticated-api-calls"),
        }
    }
}

/// A role of `qbusiness_role_policy` with what its policy names.
#[allow(missing_docs)] // the variants' fields are named for what they hold
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServiceRole {
    /// Reads an Amazon Kendra index for a Kendra retriever.
    KendraRetriever { scope: Scope, kendra_index: ResourceId },
    /// A built-in or custom plugin reading its credentials.
    Plugin { secret: SecretArn, kms_key: Option<KmsKeyArn> },
    /// Runs a pre- or post-extraction Lambda hook and reads/writes its S3 bucket.
    DocumentEnrichment { scope: Scope, function: LambdaFunctionArn, bucket: BucketName, kms_key: Option<KmsKeyArn> },
    /// Not a service role: what a principal needs to chat with an anonymous application.
    AnonymousApplication { scope: Scope, application: ResourceId },
    /// Asks the account's Amazon Quick topics and dashboards (`quicksight-plugin`).
    QuicksightPlugin { scope: Scope },
    /// Calls the identity-aware APIs for the signed-in user, whose context Q Business sets.
    ApiCaller { scope: Scope, application: ResourceId, kms_key: Option<KmsKeyArn>, search: bool },
}

impl ServiceRole {
    /// The role's permissions policy.
    pub fn permissions(&self) -> PolicyDocument {
        let statements = match self {
            ServiceRole::KendraRetriever { scope, kendra_index } => vec![Statement::allow("KendraRetrieveAccess")
                .actions(["kendra:Retrieve", "kendra:DescribeIndex"])
                .resource(&scope.arn("kendra", &format!("index/{}", kendra_index.as_str())))],
            ServiceRole::Plugin { secret, kms_key } => {
                let mut statements = vec![Statement::allow("AllowQBusinessToGetSecretValue")
                    .actions(["secretsmanager:GetSecretValue"])
                    .resource(secret.arn())];
                statements.extend(kms_key.as_ref().map(blocks::decrypt_secret));
                statements
            }
            ServiceRole::DocumentEnrichment { scope, function, bucket, kms_key } => {
                let objects = scope.global_arn("s3", &format!("{bucket}/*"));
                let mut statements = vec![
                    Statement::allow("AllowsAmazonQToInvokeEnrichmentFunction").actions(["lambda:InvokeFunction"]).resource(function.arn()),
                    Statement::allow("AllowsAmazonQToReadWriteEnrichmentObjects")
                        .actions(["s3:GetObject", "s3:PutObject"])
                        .resource(&objects)
                        .condition(Operator::STRING_EQUALS, ConditionKey::RESOURCE_ACCOUNT, [scope.account.as_str()]),
                    Statement::allow("AllowsAmazonQToListEnrichmentBucket")
                        .actions(["s3:ListBucket"])
                        .resource(&scope.global_arn("s3", &bucket.to_string()))
                        .condition(Operator::STRING_EQUALS, ConditionKey::RESOURCE_ACCOUNT, [scope.account.as_str()]),
                ];
                // Objects written to an SSE-KMS bucket need a data key as well as decryption.
                statements.extend(kms_key.as_ref().map(|key| {
                    let key = key.arn();
                    Statement::allow("AllowsAmazonQToEncryptEnrichmentObjects")
                        .actions(["kms:Decrypt", "kms:GenerateDataKey"])
                        .resource(key)
                        .condition(
                            Operator::STRING_EQUALS,
                            ConditionKey::KMS_VIA_SERVICE,
                            [key.partition.service_endpoint("s3", &key.region)],
                        )
                }));
                statements
            }
            ServiceRole::AnonymousApplication { scope, application } => {
                vec![Statement::allow("QBusinessAnonymousConversationAPIPermissions")
                    .actions(["qbusiness:Chat", "qbusiness:ChatSync", "qbusiness:PutFeedback"])
                    .resource(&scope.application_arn(application))]
            }
            // AWS's managed policy QBusinessQuicksightPluginPolicy, narrowed from any account to
            // the role's own: Quick runs in any region, so the region stays open.
            ServiceRole::QuicksightPlugin { scope } => vec![Statement::allow("QBusinessToQuickSightPredictQAResultsInvocation")
                .actions(["quicksight:PredictQAResults"])
                .resources([
                    &Arn::new(scope.partition, "quicksight", "*", scope.account.as_str(), "topic/*"),
                    &Arn::new(scope.partition, "quicksight", "*", scope.account.as_str(), "dashboard/*"),
                ])],
            ServiceRole::ApiCaller { scope, application, kms_key, search } => {
                let mut actions = vec![
                    "qbusiness:Chat",
                    "qbusiness:ChatSync",
                    "qbusiness:ListMessages",
                    "qbusiness:ListConversations",
                    "qbusiness:DeleteConversation",
                    "qbusiness:PutFeedback",
                    "qbusiness:GetWebExperience",
                    "qbusiness:GetApplication",
                    "qbusiness:ListPlugins",
                    "qbusiness:GetChatControlsConfiguration",
                    "qbusiness:GetMedia",
                ];
                // The ISV variant (`isv-creating-index`) adds the search of the index.
                if *search {
                    actions.push("qbusiness:SearchRelevantContent");
                }
                // GetWebExperience acts on a web experience only (SAR): on the application alone the
                // page's statement never grants it, as on the web experience pages (errata W2).
                let mut statements = vec![Statement::allow("QBusinessConversationPermission")
                    .actions(actions)
                    .resources([&scope.application_arn(application), &scope.application_child_arn(application, "web-experience/*")])];
                statements
                    .extend(kms_key.as_ref().map(|key| blocks::decrypt_through("QBusinessKMSDecryptPermissions", key, &["qbusiness"])));
                // The page names `assumed-role/ROLE/SESSION`, which is no resource of sts:SetContext
                // (SAR: the session itself, `self`): set as the integrations' page sets it.
                statements.push(blocks::set_identity_context(scope, vec![scope.service_principal("qbusiness")]));
                statements
            }
        };
        PolicyDocument::new(statements)
    }
}
