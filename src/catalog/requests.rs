//! What each role's document lets through, as requests: the calls Amazon Q Business (or the
//! role's users) make, which the document must allow, and their neighbours (another application,
//! index, bucket, secret, key, account; the same key through another service; a write where only
//! reads are granted), which it must deny. The proofs run every golden document through an IAM
//! policy simulator with these rows, and the docs show them: one table, as data, per role family.

/// When a row applies, judged on the data source's configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Always.
    Always,
    /// The argument is set.
    Set(Name),
    /// The argument is not set.
    Unset(Name),
    /// The boolean argument is not false (set true or left to its default of true).
    On(Name),
    /// The boolean argument is false.
    Off(Name),
    /// The boolean argument is true (its default being false).
    True(Name),
    /// The selector (`kind`, `role`, `connector`'s template) is one of these.
    Kind(&'static [&'static str]),
    /// Both hold.
    Both(&'static When, &'static When),
    /// One of the arguments is set.
    AnySet(&'static [Name]),
    /// None of the arguments is set.
    NoneSet(&'static [Name]),
}

/// One request and whether the role's document must allow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expectation {
    /// What the request is, for people: "read a document of the bucket".
    pub label: &'static str,
    /// Who asks: `{role}` (the role itself, for permissions policies) or a service or federated principal.
    pub principal: &'static str,
    /// The action.
    pub action: &'static str,
    /// The resource's ARN, with `{…}` for the case's ids.
    pub resource: &'static str,
    /// The request's context keys and values (`{…}` as in `resource`).
    pub context: &'static [(&'static str, &'static str)],
    /// Allowed, or denied.
    pub allowed: bool,
    /// Which configurations the row applies to.
    pub when: When,
}

/// A request the role itself makes, which its document must allow.
pub const fn allow(
    label: &'static str,
    action: &'static str,
    resource: &'static str,
    context: &'static [(&'static str, &'static str)],
    when: When,
) -> Expectation {
    Expectation { label, principal: "{role}", action, resource, context, allowed: true, when }
}

/// A request the role itself makes, which its document must deny.
pub const fn deny(
    label: &'static str,
    action: &'static str,
    resource: &'static str,
    context: &'static [(&'static str, &'static str)],
    when: When,
) -> Expectation {
    Expectation { label, principal: "{role}", action, resource, context, allowed: false, when }
}

const fn trust(
    label: &'static str,
    principal: &'static str,
    action: &'static str,
    context: &'static [(&'static str, &'static str)],
    allowed: bool,
    when: When,
) -> Expectation {
    Expectation { label, principal, action, resource: "arn:{partition}:iam::{account}:role/qbusiness-role", context, allowed, when }
}

use super::arguments::{self as args, Name};
use super::examples::ExampleValue::{Flag, List, Text};
use super::examples::{
    Example, APPLICATION_ID, INDEX_ID, KENDRA_INDEX_ID, KMS_KEY_ARN, LAMBDA_FUNCTION_ARN, SECRET_ARN, WEB_EXPERIENCE_ID,
};
use super::kinds::Kind as RoleKind;
use super::trust::TrustKind;
use When::{Always, AnySet, Both, Kind, NoneSet, Off, On, Set, True, Unset};

const APP: &str = "arn:{partition}:qbusiness:{region}:{account}:application/{application}";
const INDEX: &str = "arn:{partition}:qbusiness:{region}:{account}:application/{application}/index/{index}";
const OWNER: &[(&str, &str)] = &[("aws:ResourceAccount", "{bucket_owner}")];
const OWN: &[(&str, &str)] = &[("aws:ResourceAccount", "{account}")];
const VIA_S3: &[(&str, &str)] = &[("kms:ViaService", "s3.{key_region}.amazonaws.com")];
const VIA_SECRETS: &[(&str, &str)] = &[("kms:ViaService", "secretsmanager.{key_region}.amazonaws.com")];
const VIA_QBUSINESS: &[(&str, &str)] = &[("kms:ViaService", "qbusiness.{key_region}.amazonaws.com")];
const ENI: &str = "arn:{partition}:ec2:{region}:{account}:network-interface/eni-0123456789abcdef0";
const OUR_TAG: &[(&str, &str)] = &[("aws:ResourceTag/AMAZON_Q", "qbusiness_{account}_{application}_ds1")];
const VPC: When = AnySet(&[args::VPC, args::SUBNET_IDS, args::SECURITY_GROUP_IDS]);
const S3_KEY: When = Both(&Set(args::BUCKET), &Set(args::KMS_KEY_ARN));
const SECRET_KEY: When = Both(&Set(args::SECRET_ARN), &Set(args::KMS_KEY_ARN));

/// `qbusiness_connector_policy`, every template: rows for the options a case sets.
pub const CONNECTOR: &[Expectation] = &[
    allow("ingest documents into the index", "qbusiness:BatchPutDocument", INDEX, &[], Always),
    allow("delete documents from the index", "qbusiness:BatchDeleteDocument", INDEX, &[], Always),
    allow("ingest through the application", "qbusiness:BatchPutDocument", APP, &[], Always),
    deny(
        "ingest into another index",
        "qbusiness:BatchPutDocument",
        "arn:{partition}:qbusiness:{region}:{account}:application/{application}/index/{other_id}",
        &[],
        Always,
    ),
    deny(
        "ingest into another application's index",
        "qbusiness:BatchPutDocument",
        "arn:{partition}:qbusiness:{region}:{account}:application/{other_id}/index/{index}",
        &[],
        Always,
    ),
    deny(
        "ingest in another account",
        "qbusiness:BatchPutDocument",
        "arn:{partition}:qbusiness:{region}:{other_account}:application/{application}/index/{index}",
        &[],
        Always,
    ),
    allow("map users and groups", "qbusiness:PutGroup", INDEX, &[], Always),
    deny(
        "map groups of another index",
        "qbusiness:PutGroup",
        "arn:{partition}:qbusiness:{region}:{account}:application/{application}/index/{other_id}",
        &[],
        Always,
    ),
    deny("delete the index", "qbusiness:DeleteIndex", INDEX, &[], Always),
    allow("read a document of the bucket", "s3:GetObject", "arn:{partition}:s3:::{bucket}/docs/guide.pdf", OWNER, Set(args::BUCKET)),
    allow("list the bucket", "s3:ListBucket", "arn:{partition}:s3:::{bucket}", OWNER, Set(args::BUCKET)),
    deny("read another bucket", "s3:GetObject", "arn:{partition}:s3:::{other_bucket}/docs/guide.pdf", OWNER, Set(args::BUCKET)),
    deny(
        "read the bucket when another account owns it",
        "s3:GetObject",
        "arn:{partition}:s3:::{bucket}/docs/guide.pdf",
        &[("aws:ResourceAccount", "{other_account}")],
        Set(args::BUCKET),
    ),
    deny("write to the bucket", "s3:PutObject", "arn:{partition}:s3:::{bucket}/docs/guide.pdf", OWNER, Set(args::BUCKET)),
    allow(
        "pass a data source role to Q Business",
        "iam:PassRole",
        "arn:{partition}:iam::{account}:role/QBusiness-DataSource-s3",
        &[("iam:PassedToService", "qbusiness.amazonaws.com")],
        Both(&Both(&Set(args::BUCKET), &On(args::PASS_ROLE)), &Unset(args::PASS_ROLE_ARNS)),
    ),
    allow(
        "pass the named data source role to Q Business",
        "iam:PassRole",
        "{pass_role_arns}",
        &[("iam:PassedToService", "qbusiness.amazonaws.com")],
        Set(args::PASS_ROLE_ARNS),
    ),
    deny(
        "pass a role the list does not name",
        "iam:PassRole",
        "arn:{partition}:iam::{account}:role/QBusiness-DataSource-s3",
        &[("iam:PassedToService", "qbusiness.amazonaws.com")],
        Set(args::PASS_ROLE_ARNS),
    ),
    deny(
        "pass a data source role without pass_role",
        "iam:PassRole",
        "arn:{partition}:iam::{account}:role/QBusiness-DataSource-s3",
        &[("iam:PassedToService", "qbusiness.amazonaws.com")],
        Off(args::PASS_ROLE),
    ),
    deny(
        "pass another role",
        "iam:PassRole",
        "arn:{partition}:iam::{account}:role/Admin",
        &[("iam:PassedToService", "qbusiness.amazonaws.com")],
        Set(args::BUCKET),
    ),
    deny(
        "pass the role to another service",
        "iam:PassRole",
        "arn:{partition}:iam::{account}:role/QBusiness-DataSource-s3",
        &[("iam:PassedToService", "ec2.amazonaws.com")],
        Set(args::BUCKET),
    ),
    allow("decrypt the bucket's objects through S3", "kms:Decrypt", "{key}", VIA_S3, S3_KEY),
    deny("decrypt with the key through another service", "kms:Decrypt", "{key}", VIA_SECRETS, S3_KEY),
    deny("decrypt with another key", "kms:Decrypt", "{other_key}", VIA_S3, S3_KEY),
    allow("read the credentials", "secretsmanager:GetSecretValue", "{secret}", &[], Set(args::SECRET_ARN)),
    deny("read another secret", "secretsmanager:GetSecretValue", "{other_secret}", &[], Set(args::SECRET_ARN)),
    deny("change the credentials", "secretsmanager:PutSecretValue", "{secret}", &[], Set(args::SECRET_ARN)),
    allow("decrypt the secret through Secrets Manager", "kms:Decrypt", "{key}", VIA_SECRETS, SECRET_KEY),
    deny("decrypt with the secret's key through S3", "kms:Decrypt", "{key}", VIA_S3, SECRET_KEY),
    deny("decrypt with another key", "kms:Decrypt", "{other_key}", VIA_SECRETS, SECRET_KEY),
    allow(
        "read the certificate",
        "s3:GetObject",
        "arn:{partition}:s3:::{certificate_bucket}/{certificate_prefix}ca.pem",
        OWN,
        Set(args::SSL_CERTIFICATE_BUCKET),
    ),
    deny(
        "read outside the certificate prefix",
        "s3:GetObject",
        "arn:{partition}:s3:::{certificate_bucket}/other/ca.pem",
        OWN,
        Set(args::SSL_CERTIFICATE_KEY_PREFIX),
    ),
    deny(
        "read the certificate bucket of another account",
        "s3:GetObject",
        "arn:{partition}:s3:::{certificate_bucket}/{certificate_prefix}ca.pem",
        &[("aws:ResourceAccount", "{other_account}")],
        Set(args::SSL_CERTIFICATE_BUCKET),
    ),
    allow(
        "decrypt the certificate through S3",
        "kms:Decrypt",
        "{ssl_certificate_kms_key_arn}",
        &[("kms:ViaService", "s3.{region}.amazonaws.com")],
        Set(args::SSL_CERTIFICATE_KMS_KEY_ARN),
    ),
    deny(
        "decrypt the certificate's key through Secrets Manager",
        "kms:Decrypt",
        "{ssl_certificate_kms_key_arn}",
        &[("kms:ViaService", "secretsmanager.{region}.amazonaws.com")],
        Set(args::SSL_CERTIFICATE_KMS_KEY_ARN),
    ),
    allow(
        "read the seed URLs",
        "s3:GetObject",
        "arn:{partition}:s3:::{seed_bucket}/{seed_prefix}seeds.txt",
        OWN,
        Set(args::SEED_URLS_BUCKET),
    ),
    deny(
        "read outside the seed prefix",
        "s3:GetObject",
        "arn:{partition}:s3:::{seed_bucket}/other/seeds.txt",
        OWN,
        Set(args::SEED_URLS_KEY_PREFIX),
    ),
    allow(
        "create a network interface in the subnet",
        "ec2:CreateNetworkInterface",
        "arn:{partition}:ec2:{region}:{account}:subnet/{subnet}",
        &[],
        VPC,
    ),
    allow(
        "create a network interface in the security group",
        "ec2:CreateNetworkInterface",
        "arn:{partition}:ec2:{region}:{account}:security-group/{security_group}",
        &[],
        VPC,
    ),
    deny(
        "create a network interface in another subnet",
        "ec2:CreateNetworkInterface",
        "arn:{partition}:ec2:{region}:{account}:subnet/subnet-0fffffffffffffff0",
        &[],
        Set(args::SUBNET_IDS),
    ),
    allow(
        "create the tagged network interface",
        "ec2:CreateNetworkInterface",
        ENI,
        &[("aws:RequestTag/AMAZON_Q", "qbusiness_{account}_{application}_ds1"), ("aws:TagKeys", "AMAZON_Q")],
        VPC,
    ),
    deny("create an untagged network interface", "ec2:CreateNetworkInterface", ENI, &[], VPC),
    allow("delete its network interface", "ec2:DeleteNetworkInterface", ENI, OUR_TAG, VPC),
    deny("delete an untagged network interface", "ec2:DeleteNetworkInterface", ENI, &[], VPC),
    deny(
        "delete another application's network interface",
        "ec2:DeleteNetworkInterface",
        ENI,
        &[("aws:ResourceTag/AMAZON_Q", "qbusiness_{account}_{other_id}_ds1")],
        VPC,
    ),
    allow("tag its network interface on creation", "ec2:CreateTags", ENI, &[("ec2:CreateAction", "CreateNetworkInterface")], VPC),
    deny("tag a network interface afterwards", "ec2:CreateTags", ENI, &[("ec2:CreateAction", "ModifyNetworkInterfaceAttribute")], VPC),
    allow("describe the VPC", "ec2:DescribeSubnets", "*", &[], VPC),
    deny(
        "describe the VPC without a VPC",
        "ec2:DescribeSubnets",
        "*",
        &[],
        When::NoneSet(&[args::VPC, args::SUBNET_IDS, args::SECURITY_GROUP_IDS]),
    ),
];

/// `qbusiness_application_policy`'s golden configurations.
pub const APPLICATION_EXAMPLES: &[Example] = &[
    Example { name: "application-default", arguments: &[] },
    Example { name: "application-user-subscriptions", arguments: &[(args::USER_SUBSCRIPTIONS, Flag(true))] },
    Example {
        name: "application-user-subscriptions-scoped",
        arguments: &[(args::USER_SUBSCRIPTIONS, Flag(true)), (args::APPLICATION_ID, Text(APPLICATION_ID))],
    },
];

/// `qbusiness_application_policy`.
pub const APPLICATION: &[Expectation] = &[
    allow("put metrics in AWS/QBusiness", "cloudwatch:PutMetricData", "*", &[("cloudwatch:namespace", "AWS/QBusiness")], Always),
    deny("put metrics in another namespace", "cloudwatch:PutMetricData", "*", &[("cloudwatch:namespace", "AWS/EC2")], Always),
    allow(
        "create its log group",
        "logs:CreateLogGroup",
        "arn:{partition}:logs:{region}:{account}:log-group:/aws/qbusiness/{application}",
        &[],
        Always,
    ),
    allow(
        "write its logs",
        "logs:PutLogEvents",
        "arn:{partition}:logs:{region}:{account}:log-group:/aws/qbusiness/{application}:log-stream:chat",
        &[],
        Always,
    ),
    deny(
        "create another service's log group",
        "logs:CreateLogGroup",
        "arn:{partition}:logs:{region}:{account}:log-group:/aws/lambda/fn",
        &[],
        Always,
    ),
    deny(
        "write logs in another account",
        "logs:PutLogEvents",
        "arn:{partition}:logs:{region}:{other_account}:log-group:/aws/qbusiness/{application}:log-stream:chat",
        &[],
        Always,
    ),
    deny(
        "delete its log group",
        "logs:DeleteLogGroup",
        "arn:{partition}:logs:{region}:{account}:log-group:/aws/qbusiness/{application}",
        &[],
        Always,
    ),
    allow(
        "manage user subscriptions",
        "qbusiness:CreateSubscription",
        "arn:{partition}:qbusiness:{region}:{account}:application/{application}/subscription/s1",
        &[],
        True(args::USER_SUBSCRIPTIONS),
    ),
    deny(
        "manage subscriptions without user_subscriptions",
        "qbusiness:CreateSubscription",
        "arn:{partition}:qbusiness:{region}:{account}:application/{application}/subscription/s1",
        &[],
        Unset(args::USER_SUBSCRIPTIONS),
    ),
    deny(
        "manage another application's subscriptions",
        "qbusiness:CreateSubscription",
        "arn:{partition}:qbusiness:{region}:{account}:application/{other_id}/subscription/s1",
        &[],
        Both(&True(args::USER_SUBSCRIPTIONS), &Set(args::APPLICATION_ID)),
    ),
];

const USERS: When = Kind(&["iam_federation", "identity_center"]);
const SELF_CONTEXT: &[(&str, &str)] = &[("aws:CalledViaLast", "qbusiness.amazonaws.com")];

/// `qbusiness_web_experience_policy`'s golden configurations.
pub const WEB_EXPERIENCE_EXAMPLES: &[Example] = &[
    Example { name: "web-experience-default", arguments: &[(args::APPLICATION_ID, Text(APPLICATION_ID))] },
    Example {
        name: "web-experience-kms",
        arguments: &[(args::APPLICATION_ID, Text(APPLICATION_ID)), (args::KMS_KEY_ARN, Text(KMS_KEY_ARN))],
    },
    Example {
        name: "web-experience-kms-no-q-apps",
        arguments: &[(args::APPLICATION_ID, Text(APPLICATION_ID)), (args::KMS_KEY_ARN, Text(KMS_KEY_ARN)), (args::Q_APPS, Flag(false))],
    },
    Example {
        name: "web-experience-minimal",
        arguments: &[
            (args::APPLICATION_ID, Text(APPLICATION_ID)),
            (args::Q_APPS, Flag(false)),
            (args::PLUGINS, Flag(false)),
            (args::AUTO_SUBSCRIPTION, Flag(false)),
        ],
    },
    Example {
        name: "web-experience-scoped",
        arguments: &[
            (args::APPLICATION_ID, Text(APPLICATION_ID)),
            (args::WEB_EXPERIENCE_ID, Text(WEB_EXPERIENCE_ID)),
            (args::PLUGINS, Flag(false)),
        ],
    },
    Example {
        name: "web-experience-oidc-client-secret",
        arguments: &[(args::KIND, Text("oidc_client_secret")), (args::SECRET_ARN, Text(SECRET_ARN))],
    },
    Example {
        name: "web-experience-oidc-client-secret-kms",
        arguments: &[
            (args::KIND, Text("oidc_client_secret")),
            (args::SECRET_ARN, Text(SECRET_ARN)),
            (args::KMS_KEY_ARN, Text(KMS_KEY_ARN)),
        ],
    },
    Example {
        name: "web-experience-identity-center-quicksight",
        arguments: &[
            (args::KIND, Text("identity_center")),
            (args::APPLICATION_ID, Text(APPLICATION_ID)),
            (args::QUICKSIGHT_PLUGIN, Flag(true)),
        ],
    },
    Example {
        name: "web-experience-identity-center",
        arguments: &[(args::KIND, Text("identity_center")), (args::APPLICATION_ID, Text(APPLICATION_ID))],
    },
    Example {
        name: "web-experience-anonymous",
        arguments: &[(args::KIND, Text("anonymous")), (args::APPLICATION_ID, Text(APPLICATION_ID))],
    },
];

const ANONYMOUS: When = Kind(&["anonymous"]);

/// `qbusiness_web_experience_policy`, by `kind`.
pub const WEB_EXPERIENCE: &[Expectation] = &[
    allow("chat anonymously", "qbusiness:Chat", APP, &[], ANONYMOUS),
    allow("read the chat controls", "qbusiness:GetChatControlsConfiguration", APP, &[], ANONYMOUS),
    allow("read the application", "qbusiness:GetApplication", APP, &[], ANONYMOUS),
    deny(
        "chat anonymously with another application",
        "qbusiness:Chat",
        "arn:{partition}:qbusiness:{region}:{account}:application/{other_id}",
        &[],
        ANONYMOUS,
    ),
    deny("list conversations anonymously", "qbusiness:ListConversations", APP, &[], ANONYMOUS),
    deny("change the chat controls", "qbusiness:UpdateChatControlsConfiguration", APP, &[], ANONYMOUS),
    allow("chat", "qbusiness:Chat", APP, &[], USERS),
    deny(
        "chat with another application",
        "qbusiness:Chat",
        "arn:{partition}:qbusiness:{region}:{account}:application/{other_id}",
        &[],
        USERS,
    ),
    allow(
        "open the web experience",
        "qbusiness:GetWebExperience",
        "arn:{partition}:qbusiness:{region}:{account}:application/{application}/web-experience/{web_experience}",
        &[],
        USERS,
    ),
    deny(
        "open another web experience",
        "qbusiness:GetWebExperience",
        "arn:{partition}:qbusiness:{region}:{account}:application/{application}/web-experience/{other_id}",
        &[],
        Both(&USERS, &Set(args::WEB_EXPERIENCE_ID)),
    ),
    deny("delete the application", "qbusiness:DeleteApplication", APP, &[], USERS),
    allow(
        "open a cited document (clickable URLs)",
        "qbusiness:GetDocumentContent",
        "arn:{partition}:qbusiness:{region}:{account}:application/{application}/index/{other_id}",
        &[],
        USERS,
    ),
    deny(
        "open a document of another application",
        "qbusiness:GetDocumentContent",
        "arn:{partition}:qbusiness:{region}:{account}:application/{other_id}/index/{other_id}",
        &[],
        USERS,
    ),
    allow("list the approved indices for an app", "qbusiness:ListIndices", APP, &[], Both(&USERS, &On(args::Q_APPS))),
    allow(
        "list the approved data sources for an app",
        "qbusiness:ListDataSources",
        "arn:{partition}:qbusiness:{region}:{account}:application/{application}/index/{other_id}",
        &[],
        Both(&USERS, &On(args::Q_APPS)),
    ),
    deny("list indices without Q Apps", "qbusiness:ListIndices", APP, &[], Both(&USERS, &Off(args::Q_APPS))),
    allow(
        "embed Amazon Quick for the user",
        "quicksight:GenerateEmbedUrlForRegisteredUserWithIdentity",
        "*",
        &[],
        Both(&Kind(&["identity_center"]), &True(args::QUICKSIGHT_PLUGIN)),
    ),
    deny(
        "embed Amazon Quick without its plugin",
        "quicksight:GenerateEmbedUrlForRegisteredUserWithIdentity",
        "*",
        &[],
        Both(&USERS, &NoneSet(&[args::QUICKSIGHT_PLUGIN])),
    ),
    allow("list plugins", "qbusiness:ListPlugins", APP, &[], USERS),
    allow(
        "list a plugin's actions",
        "qbusiness:ListPluginActions",
        "arn:{partition}:qbusiness:{region}:{account}:application/{application}/plugin/p1",
        &[],
        Both(&USERS, &On(args::PLUGINS)),
    ),
    deny(
        "list plugin actions without plugins",
        "qbusiness:ListPluginActions",
        "arn:{partition}:qbusiness:{region}:{account}:application/{application}/plugin/p1",
        &[],
        Off(args::PLUGINS),
    ),
    allow(
        "subscribe on first sign-in",
        "user-subscriptions:CreateClaim",
        "*",
        &[("user-subscriptions:CreateForSelf", "true"), ("aws:CalledViaLast", "qbusiness.amazonaws.com")],
        Both(&USERS, &On(args::AUTO_SUBSCRIPTION)),
    ),
    deny("subscribe outside Q Business", "user-subscriptions:CreateClaim", "*", &[("user-subscriptions:CreateForSelf", "true")], USERS),
    deny(
        "subscribe without auto_subscription",
        "user-subscriptions:CreateClaim",
        "*",
        &[("user-subscriptions:CreateForSelf", "true"), ("aws:CalledViaLast", "qbusiness.amazonaws.com")],
        Off(args::AUTO_SUBSCRIPTION),
    ),
    allow("decrypt through Q Business", "kms:Decrypt", "{key}", VIA_QBUSINESS, Both(&USERS, &Set(args::KMS_KEY_ARN))),
    deny("decrypt through S3", "kms:Decrypt", "{key}", VIA_S3, Both(&USERS, &Set(args::KMS_KEY_ARN))),
    allow("create a Q App", "qapps:CreateQApp", APP, &[], Both(&USERS, &On(args::Q_APPS))),
    deny("create a Q App without q_apps", "qapps:CreateQApp", APP, &[], Off(args::Q_APPS)),
    allow("set the identity context", "sts:SetContext", "arn:{partition}:sts::{account}:self", SELF_CONTEXT, Kind(&["identity_center"])),
    deny(
        "set the identity context with IAM federation",
        "sts:SetContext",
        "arn:{partition}:sts::{account}:self",
        SELF_CONTEXT,
        Kind(&["iam_federation"]),
    ),
    deny(
        "set the identity context outside Q Business",
        "sts:SetContext",
        "arn:{partition}:sts::{account}:self",
        &[("aws:CalledViaLast", "ec2.amazonaws.com")],
        Kind(&["identity_center"]),
    ),
    allow("read the client secret", "secretsmanager:GetSecretValue", "{secret}", &[], Kind(&["oidc_client_secret"])),
    deny("read another secret", "secretsmanager:GetSecretValue", "{other_secret}", &[], Kind(&["oidc_client_secret"])),
    deny("change the client secret", "secretsmanager:PutSecretValue", "{secret}", &[], Kind(&["oidc_client_secret"])),
    allow("decrypt the client secret", "kms:Decrypt", "{key}", VIA_SECRETS, Both(&Kind(&["oidc_client_secret"]), &Set(args::KMS_KEY_ARN))),
];

/// `qbusiness_role_policy`'s golden configurations.
pub const ROLE_EXAMPLES: &[Example] = &[
    Example {
        name: "role-kendra-retriever",
        arguments: &[(args::ROLE, Text("kendra_retriever")), (args::KENDRA_INDEX_ID, Text(KENDRA_INDEX_ID))],
    },
    Example { name: "role-plugin", arguments: &[(args::ROLE, Text("plugin")), (args::SECRET_ARN, Text(SECRET_ARN))] },
    Example {
        name: "role-plugin-kms",
        arguments: &[(args::ROLE, Text("plugin")), (args::SECRET_ARN, Text(SECRET_ARN)), (args::KMS_KEY_ARN, Text(KMS_KEY_ARN))],
    },
    Example {
        name: "role-document-enrichment",
        arguments: &[
            (args::ROLE, Text("document_enrichment")),
            (args::LAMBDA_FUNCTION_ARN, Text(LAMBDA_FUNCTION_ARN)),
            (args::BUCKET, Text("my-enrichment")),
        ],
    },
    Example {
        name: "role-document-enrichment-kms",
        arguments: &[
            (args::ROLE, Text("document_enrichment")),
            (args::LAMBDA_FUNCTION_ARN, Text(LAMBDA_FUNCTION_ARN)),
            (args::BUCKET, Text("my-enrichment")),
            (args::KMS_KEY_ARN, Text(KMS_KEY_ARN)),
        ],
    },
    Example { name: "role-quicksight-plugin", arguments: &[(args::ROLE, Text("quicksight_plugin"))] },
    Example { name: "role-api-caller", arguments: &[(args::ROLE, Text("api_caller")), (args::APPLICATION_ID, Text(APPLICATION_ID))] },
    Example {
        name: "role-api-caller-search-kms",
        arguments: &[
            (args::ROLE, Text("api_caller")),
            (args::APPLICATION_ID, Text(APPLICATION_ID)),
            (args::SEARCH_RELEVANT_CONTENT, Flag(true)),
            (args::KMS_KEY_ARN, Text(KMS_KEY_ARN)),
        ],
    },
    Example {
        name: "role-anonymous-application",
        arguments: &[(args::ROLE, Text("anonymous_application")), (args::APPLICATION_ID, Text(APPLICATION_ID))],
    },
];

/// `qbusiness_role_policy`, by `role`.
pub const ROLE: &[Expectation] = &[
    allow(
        "retrieve from the Kendra index",
        "kendra:Retrieve",
        "arn:{partition}:kendra:{region}:{account}:index/{kendra_index}",
        &[],
        Kind(&["kendra_retriever"]),
    ),
    deny(
        "retrieve from another Kendra index",
        "kendra:Retrieve",
        "arn:{partition}:kendra:{region}:{account}:index/{other_id}",
        &[],
        Kind(&["kendra_retriever"]),
    ),
    deny(
        "delete the Kendra index",
        "kendra:DeleteIndex",
        "arn:{partition}:kendra:{region}:{account}:index/{kendra_index}",
        &[],
        Kind(&["kendra_retriever"]),
    ),
    allow("read the plugin's credentials", "secretsmanager:GetSecretValue", "{secret}", &[], Kind(&["plugin"])),
    deny("read another secret", "secretsmanager:GetSecretValue", "{other_secret}", &[], Kind(&["plugin"])),
    deny("change the plugin's credentials", "secretsmanager:PutSecretValue", "{secret}", &[], Kind(&["plugin"])),
    allow("decrypt the plugin's secret", "kms:Decrypt", "{key}", VIA_SECRETS, Both(&Kind(&["plugin"]), &Set(args::KMS_KEY_ARN))),
    allow("invoke the hook", "lambda:InvokeFunction", "{function}", &[], Kind(&["document_enrichment"])),
    deny("invoke another function", "lambda:InvokeFunction", "{other_function}", &[], Kind(&["document_enrichment"])),
    allow("read the hook's objects", "s3:GetObject", "arn:{partition}:s3:::{bucket}/in/doc.json", OWN, Kind(&["document_enrichment"])),
    allow("write the hook's objects", "s3:PutObject", "arn:{partition}:s3:::{bucket}/out/doc.json", OWN, Kind(&["document_enrichment"])),
    deny("read another bucket", "s3:GetObject", "arn:{partition}:s3:::{other_bucket}/in/doc.json", OWN, Kind(&["document_enrichment"])),
    allow("list the hook's bucket", "s3:ListBucket", "arn:{partition}:s3:::{bucket}", OWN, Kind(&["document_enrichment"])),
    deny("delete the hook's objects", "s3:DeleteObject", "arn:{partition}:s3:::{bucket}/in/doc.json", OWN, Kind(&["document_enrichment"])),
    allow(
        "make data keys through S3",
        "kms:GenerateDataKey",
        "{key}",
        VIA_S3,
        Both(&Kind(&["document_enrichment"]), &Set(args::KMS_KEY_ARN)),
    ),
    allow("chat anonymously", "qbusiness:Chat", APP, &[], Kind(&["anonymous_application"])),
    deny(
        "chat with another application",
        "qbusiness:Chat",
        "arn:{partition}:qbusiness:{region}:{account}:application/{other_id}",
        &[],
        Kind(&["anonymous_application"]),
    ),
    deny("read conversations", "qbusiness:ListConversations", APP, &[], Kind(&["anonymous_application"])),
    allow(
        "ask a Quick topic",
        "quicksight:PredictQAResults",
        "arn:{partition}:quicksight:{region}:{account}:topic/sales",
        &[],
        Kind(&["quicksight_plugin"]),
    ),
    allow(
        "ask a Quick dashboard of another region",
        "quicksight:PredictQAResults",
        "arn:{partition}:quicksight:eu-west-1:{account}:dashboard/revenue",
        &[],
        Kind(&["quicksight_plugin"]),
    ),
    deny(
        "ask a topic of another account",
        "quicksight:PredictQAResults",
        "arn:{partition}:quicksight:{region}:{other_account}:topic/sales",
        &[],
        Kind(&["quicksight_plugin"]),
    ),
    deny(
        "delete a topic",
        "quicksight:DeleteTopic",
        "arn:{partition}:quicksight:{region}:{account}:topic/sales",
        &[],
        Kind(&["quicksight_plugin"]),
    ),
    allow("chat for the signed-in user", "qbusiness:Chat", APP, &[], API_CALLER),
    allow("list the user's conversations", "qbusiness:ListConversations", APP, &[], API_CALLER),
    allow(
        "open the web experience",
        "qbusiness:GetWebExperience",
        "arn:{partition}:qbusiness:{region}:{account}:application/{application}/web-experience/{web_experience}",
        &[],
        API_CALLER,
    ),
    deny(
        "chat with another application",
        "qbusiness:Chat",
        "arn:{partition}:qbusiness:{region}:{account}:application/{other_id}",
        &[],
        API_CALLER,
    ),
    deny("change the application", "qbusiness:UpdateApplication", APP, &[], API_CALLER),
    allow(
        "Q Business sets the user's context",
        "sts:SetContext",
        "arn:{partition}:sts::{account}:self",
        &[("aws:CalledViaLast", "qbusiness.amazonaws.com")],
        API_CALLER,
    ),
    deny(
        "set a context outside Q Business",
        "sts:SetContext",
        "arn:{partition}:sts::{account}:self",
        &[("aws:CalledViaLast", "ec2.amazonaws.com")],
        API_CALLER,
    ),
    allow("search the index (ISV)", "qbusiness:SearchRelevantContent", APP, &[], Both(&API_CALLER, &True(args::SEARCH_RELEVANT_CONTENT))),
    deny("search the index", "qbusiness:SearchRelevantContent", APP, &[], Both(&API_CALLER, &Unset(args::SEARCH_RELEVANT_CONTENT))),
    allow("decrypt through Q Business", "kms:Decrypt", "{key}", VIA_QBUSINESS, Both(&API_CALLER, &Set(args::KMS_KEY_ARN))),
    deny("decrypt through S3", "kms:Decrypt", "{key}", VIA_S3, Both(&API_CALLER, &Set(args::KMS_KEY_ARN))),
];

const API_CALLER: When = Kind(&["api_caller"]);
const FROM_THE_ACCOUNT: &[(&str, &str)] = &[("aws:SourceAccount", "{account}")];

const GUARDED: &[(&str, &str)] = &[("aws:SourceArn", "{source_arn}"), ("aws:SourceAccount", "{account}")];
const FROM_OTHER_APP: &[(&str, &str)] =
    &[("aws:SourceArn", "arn:{partition}:qbusiness:{region}:{account}:application/{other_id}"), ("aws:SourceAccount", "{account}")];
const FROM_OTHER_ACCOUNT: &[(&str, &str)] = &[
    ("aws:SourceArn", "arn:{partition}:qbusiness:{region}:{other_account}:application/{application}"),
    ("aws:SourceAccount", "{other_account}"),
];
const QBUSINESS_TRUSTS: When = Kind(&["connector", "kendra_retriever", "plugin", "document_enrichment", "web_experience_anonymous"]);
const APPLICATION_TRUSTS: When = Kind(&["oidc_secret", "web_experience_identity_center", "web_experience_anonymous"]);
const INTEGRATIONS: &str = "integrations.qbusiness.amazonaws.com";
const FROM_INDEX: &[(&str, &str)] = &[("aws:SourceArn", "{source_arn}/index/{index}"), ("aws:SourceAccount", "{account}")];
const FROM_OTHER_INDEX: &[(&str, &str)] = &[("aws:SourceArn", "{source_arn}/index/{other_id}"), ("aws:SourceAccount", "{account}")];

/// `qbusiness_trust_policy`'s golden configurations.
pub const TRUST_EXAMPLES: &[Example] = &[
    Example { name: "trust-connector", arguments: &[(args::KIND, Text("connector")), (args::APPLICATION_ID, Text(APPLICATION_ID))] },
    Example { name: "trust-application", arguments: &[(args::KIND, Text("application"))] },
    Example {
        name: "trust-application-scoped",
        arguments: &[(args::KIND, Text("application")), (args::APPLICATION_ID, Text(APPLICATION_ID))],
    },
    Example { name: "trust-oidc-secret", arguments: &[(args::KIND, Text("oidc_secret")), (args::APPLICATION_ID, Text(APPLICATION_ID))] },
    Example {
        name: "trust-web-experience-identity-center",
        arguments: &[(args::KIND, Text("web_experience_identity_center")), (args::APPLICATION_ID, Text(APPLICATION_ID))],
    },
    Example {
        name: "trust-kendra-retriever",
        arguments: &[(args::KIND, Text("kendra_retriever")), (args::APPLICATION_ID, Text(APPLICATION_ID))],
    },
    Example { name: "trust-plugin", arguments: &[(args::KIND, Text("plugin")), (args::APPLICATION_ID, Text(APPLICATION_ID))] },
    Example {
        name: "trust-document-enrichment",
        arguments: &[
            (args::KIND, Text("document_enrichment")),
            (args::APPLICATION_ID, Text(APPLICATION_ID)),
            (args::INDEX_ID, Text(INDEX_ID)),
        ],
    },
    Example { name: "trust-integration", arguments: &[(args::KIND, Text("integration")), (args::APPLICATION_ID, Text(APPLICATION_ID))] },
    Example {
        name: "trust-web-experience-anonymous",
        arguments: &[(args::KIND, Text("web_experience_anonymous")), (args::APPLICATION_ID, Text(APPLICATION_ID))],
    },
    Example { name: "trust-api-caller", arguments: &[(args::KIND, Text("api_caller"))] },
    Example {
        name: "trust-quicksight-plugin",
        arguments: &[(args::KIND, Text("quicksight_plugin")), (args::APPLICATION_ID, Text(APPLICATION_ID))],
    },
    Example {
        name: "trust-web-experience-saml",
        arguments: &[
            (args::KIND, Text("web_experience_saml")),
            (args::SAML_PROVIDER_ARN, Text("arn:aws:iam::123456789012:saml-provider/corporate-idp")),
            (args::WEB_EXPERIENCE_URL, Text("https://abcd1234.chat.qbusiness.us-east-1.on.aws")),
        ],
    },
    Example {
        name: "trust-web-experience-oidc",
        arguments: &[
            (args::KIND, Text("web_experience_oidc")),
            (args::OIDC_PROVIDER_ARN, Text("arn:aws:iam::123456789012:oidc-provider/login.example.com/tenant")),
            (args::CLIENT_IDS, List(&["qbusiness-web", "qbusiness-mobile"])),
        ],
    },
    // An issuer the policy simulator knows the condition keys of (tests/proofs.rs).
    Example {
        name: "trust-web-experience-oidc-google",
        arguments: &[
            (args::KIND, Text("web_experience_oidc")),
            (args::OIDC_PROVIDER_ARN, Text("arn:aws:iam::123456789012:oidc-provider/accounts.google.com")),
            (args::CLIENT_IDS, List(&["qbusiness-web", "qbusiness-mobile"])),
        ],
    },
];

/// `qbusiness_trust_policy`, by `kind`: who may assume the role.
pub const TRUST: &[Expectation] = &[
    trust("Q Business, for the account", "{service}", "sts:AssumeRole", FROM_THE_ACCOUNT, true, Kind(&["api_caller"])),
    trust("Q Business sets the user's context", "{service}", "sts:SetContext", FROM_THE_ACCOUNT, true, Kind(&["api_caller"])),
    trust(
        "Q Business, for another account",
        "{service}",
        "sts:AssumeRole",
        &[("aws:SourceAccount", "{other_account}")],
        false,
        Kind(&["api_caller"]),
    ),
    trust("another service, for the account", "kendra.amazonaws.com", "sts:AssumeRole", FROM_THE_ACCOUNT, false, Kind(&["api_caller"])),
    trust(
        "Q Business, for the application",
        "{service}",
        "sts:AssumeRole",
        GUARDED,
        true,
        Kind(&[
            "connector",
            "kendra_retriever",
            "plugin",
            "application",
            "oidc_secret",
            "web_experience_identity_center",
            "quicksight_plugin",
            "web_experience_anonymous",
        ]),
    ),
    trust(
        "Q Business, for another application",
        "{service}",
        "sts:AssumeRole",
        FROM_OTHER_APP,
        false,
        Kind(&[
            "connector",
            "kendra_retriever",
            "plugin",
            "oidc_secret",
            "web_experience_identity_center",
            "quicksight_plugin",
            "web_experience_anonymous",
        ]),
    ),
    trust(
        "Q Business, for another application of the account",
        "{service}",
        "sts:AssumeRole",
        FROM_OTHER_APP,
        true,
        Both(&Kind(&["application"]), &Unset(args::APPLICATION_ID)),
    ),
    trust(
        "Q Business, for another application than the given one",
        "{service}",
        "sts:AssumeRole",
        FROM_OTHER_APP,
        false,
        Both(&Kind(&["application"]), &Set(args::APPLICATION_ID)),
    ),
    trust(
        "Q Business, for another account",
        "{service}",
        "sts:AssumeRole",
        FROM_OTHER_ACCOUNT,
        false,
        Kind(&[
            "connector",
            "application",
            "oidc_secret",
            "kendra_retriever",
            "plugin",
            "web_experience_identity_center",
            "quicksight_plugin",
            "web_experience_anonymous",
        ]),
    ),
    trust(
        "another service",
        "kendra.amazonaws.com",
        "sts:AssumeRole",
        GUARDED,
        false,
        Kind(&["connector", "application", "kendra_retriever", "plugin", "document_enrichment", "quicksight_plugin", "integration"]),
    ),
    trust(
        "Q Business itself, not its application principal",
        "qbusiness.amazonaws.com",
        "sts:AssumeRole",
        GUARDED,
        false,
        APPLICATION_TRUSTS,
    ),
    trust(
        "set the user's identity context",
        "{service}",
        "sts:SetContext",
        GUARDED,
        true,
        Kind(&["web_experience_identity_center", "quicksight_plugin"]),
    ),
    trust("Q Business, for the hook's index", "{service}", "sts:AssumeRole", FROM_INDEX, true, Kind(&["document_enrichment"])),
    trust("Q Business, for another index", "{service}", "sts:AssumeRole", FROM_OTHER_INDEX, false, Kind(&["document_enrichment"])),
    trust("Q Business, for the application itself", "{service}", "sts:AssumeRole", GUARDED, false, Kind(&["document_enrichment"])),
    trust(
        "another service, for the hook's index",
        "lambda.amazonaws.com",
        "sts:AssumeRole",
        FROM_INDEX,
        false,
        Kind(&["document_enrichment"]),
    ),
    trust("an integration, for the application", INTEGRATIONS, "sts:AssumeRole", GUARDED, true, Kind(&["integration"])),
    trust("an integration sets the user's identity context", INTEGRATIONS, "sts:SetContext", GUARDED, true, Kind(&["integration"])),
    trust("an integration, for another application", INTEGRATIONS, "sts:AssumeRole", FROM_OTHER_APP, false, Kind(&["integration"])),
    trust("an integration, for another account", INTEGRATIONS, "sts:AssumeRole", FROM_OTHER_ACCOUNT, false, Kind(&["integration"])),
    trust(
        "Q Business itself, not its integrations principal",
        "qbusiness.amazonaws.com",
        "sts:AssumeRole",
        GUARDED,
        false,
        Kind(&["integration"]),
    ),
    trust("set an identity context", "{service}", "sts:SetContext", GUARDED, false, QBUSINESS_TRUSTS),
    trust(
        "users of the web experience, through SAML",
        "{saml_provider}",
        "sts:AssumeRoleWithSAML",
        &[("SAML:aud", "{web_experience_url}/saml")],
        true,
        Kind(&["web_experience_saml"]),
    ),
    trust(
        "users of another SAML audience",
        "{saml_provider}",
        "sts:AssumeRoleWithSAML",
        &[("SAML:aud", "https://other.example.com/saml")],
        false,
        Kind(&["web_experience_saml"]),
    ),
    trust(
        "users of the web experience, through OIDC",
        "{oidc_provider}",
        "sts:AssumeRoleWithWebIdentity",
        &[("{issuer}:aud", "{client_id}")],
        true,
        Kind(&["web_experience_oidc"]),
    ),
    trust(
        "users of another OIDC client",
        "{oidc_provider}",
        "sts:AssumeRoleWithWebIdentity",
        &[("{issuer}:aud", "other-client")],
        false,
        Kind(&["web_experience_oidc"]),
    ),
    trust(
        "tag the session with the user's e-mail",
        "{federated_provider}",
        "sts:TagSession",
        &[("aws:RequestTag/Email", "user@example.com")],
        true,
        Kind(&["web_experience_saml", "web_experience_oidc"]),
    ),
];

/// `qbusiness_bucket_policy`'s golden configurations: the other side of
/// connector-s3-cross-account, its bucket and its role (the proofs run both).
pub const BUCKET_EXAMPLES: &[Example] = &[Example {
    name: "bucket-policy-cross-account",
    arguments: &[
        (args::BUCKET, Text("my-docs")),
        (args::CONNECTOR_ROLE_ARN, Text("arn:aws:iam::123456789012:role/qbusiness-s3-connector")),
    ],
}];

/// `qbusiness_bucket_policy`: the bucket owner's side, evaluated together with the connector
/// role's own policy, as a request across accounts.
pub const BUCKET: &[Expectation] = &[
    Expectation {
        principal: "{connector_role}",
        ..allow("the connector role reads a document", "s3:GetObject", "arn:{partition}:s3:::{bucket}/docs/guide.pdf", OWNER, Always)
    },
    Expectation {
        principal: "{connector_role}",
        ..allow("the connector role lists the bucket", "s3:ListBucket", "arn:{partition}:s3:::{bucket}", OWNER, Always)
    },
    Expectation {
        principal: "{connector_role}",
        ..deny("the connector role writes", "s3:PutObject", "arn:{partition}:s3:::{bucket}/docs/guide.pdf", OWNER, Always)
    },
    Expectation {
        principal: "arn:{partition}:iam::{account}:role/someone-else",
        ..deny(
            "another role of the application's account reads",
            "s3:GetObject",
            "arn:{partition}:s3:::{bucket}/docs/guide.pdf",
            OWNER,
            Always,
        )
    },
    Expectation {
        principal: "{connector_role}",
        ..deny("the connector role deletes the bucket", "s3:DeleteBucket", "arn:{partition}:s3:::{bucket}", OWNER, Always)
    },
];

/// A role family's request table, the argument that selects the kind within it, and the kind when
/// that argument is left out.
#[derive(Clone, Copy, Debug)]
pub struct Family {
    /// The rows.
    pub expectations: &'static [Expectation],
    /// `kind` or `role`, for the families with kinds.
    pub selector: Option<Name>,
    /// The kind a configuration without the selector has.
    pub default_kind: Option<fn() -> &'static str>,
    /// The kinds its selector takes (none for a family without one).
    pub kinds: fn() -> Vec<&'static str>,
    /// Whether a configuration of the kind named (or of the family, when it has no kinds) takes
    /// an argument: the scope arguments (which a function twin, never seeing the provider block,
    /// needs), and the ids a bundle of roles fills in for it.
    pub takes: fn(Option<&str>, Name) -> bool,
    /// The configurations its golden documents are made from.
    pub examples: &'static [Example],
    /// The trust kinds a role of the kind named (or of the family) is assumed through, the usual
    /// one first; none for a trust or resource policy.
    pub trusts: fn(Option<&str>) -> &'static [TrustKind],
    /// The user guide page the kind named (or the family) was read from; none for the connector
    /// family, whose every row names its own.
    pub source: fn(Option<&str>) -> Option<super::sources::Source>,
}

/// Whether `K`'s kind named `kind` takes `argument` (`false` for no kind of that name).
pub fn kind_takes<K: RoleKind>(kind: Option<&str>, argument: Name) -> bool {
    K::named(kind).is_some_and(|k| k.arguments().iter().any(|a| a.name == argument))
}

/// The names of `K`'s kinds.
pub fn kind_names<K: RoleKind>() -> Vec<&'static str> {
    K::ALL.iter().map(|k| k.name()).collect()
}

impl Family {
    /// Whether a configuration of `kind` takes the scope arguments.
    pub fn takes_scope(&self, kind: Option<&str>) -> bool {
        (self.takes)(kind, args::REGION)
    }

    /// The kind one of its golden configurations has.
    pub fn kind_of_example(&self, example: &Example) -> Option<&'static str> {
        self.kind_of(&|name| example.text(name))
    }

    /// The kind a configuration has: its selector's value, else the family's default.
    pub fn kind_of<'a>(&self, value: &dyn Fn(Name) -> Option<&'a str>) -> Option<&'a str> {
        self.selector.and_then(value).or(self.default_kind.map(|kind| kind()))
    }
}

impl When {
    /// The condition in words, for the docs' tables.
    pub fn describe(&self) -> String {
        fn quoted(names: &[impl std::fmt::Display]) -> String {
            names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
        }
        match self {
            When::Always => "always".to_owned(),
            When::Set(name) => format!("`{name}` set"),
            When::Unset(name) => format!("`{name}` not set"),
            When::On(name) => format!("`{name}` not false"),
            When::Off(name) => format!("`{name} = false`"),
            When::True(name) => format!("`{name} = true`"),
            When::Kind(kinds) => quoted(kinds),
            When::Both(a, b) => format!("{}; {}", a.describe(), b.describe()),
            When::AnySet(names) => format!("one of {} set (not false)", quoted(names)),
            When::NoneSet(names) => format!("none of {} set (or false)", quoted(names)),
        }
    }

    /// The kind names the condition tests, for the check that each is a kind of its family (a
    /// misspelt one would make its row apply to nothing, silently).
    pub fn kinds(&self) -> Vec<&'static str> {
        match self {
            When::Kind(kinds) => kinds.to_vec(),
            When::Both(a, b) => [a.kinds(), b.kinds()].concat(),
            When::Always
            | When::Set(_)
            | When::Unset(_)
            | When::On(_)
            | When::Off(_)
            | When::True(_)
            | When::AnySet(_)
            | When::NoneSet(_) => Vec::new(),
        }
    }

    /// Whether the row applies to a configuration: `value(name)` is the argument's value as
    /// text (`None` when not set); `kind` the selected kind.
    pub fn holds(&self, value: &dyn Fn(Name) -> Option<String>, kind: Option<&str>) -> bool {
        match self {
            When::Always => true,
            When::Set(name) => value(*name).is_some(),
            When::Unset(name) => value(*name).is_none(),
            When::On(name) => value(*name).as_deref() != Some("false"),
            When::Off(name) => value(*name).as_deref() == Some("false"),
            When::True(name) => value(*name).as_deref() == Some("true"),
            When::Kind(kinds) => kind.is_some_and(|k| kinds.contains(&k)),
            When::Both(a, b) => a.holds(value, kind) && b.holds(value, kind),
            // `vpc = false` turns nothing on.
            When::AnySet(names) => names.iter().any(|name| value(*name).is_some_and(|v| v != "false")),
            When::NoneSet(names) => names.iter().all(|name| value(*name).is_none_or(|v| v == "false")),
        }
    }
}
