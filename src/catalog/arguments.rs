//! The names of the arguments users write, each declared once here: the kinds, the request tables,
//! the schema, the readers and the tests name an argument through its constant, so a misspelt
//! name does not compile instead of silently reading null.

use std::fmt;

/// The name of an argument (or of a computed attribute or nested block) as users write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name(&'static str);

impl Name {
    /// The name as users write it.
    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl From<Name> for String {
    fn from(name: Name) -> String {
        name.0.to_owned()
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// Declares each name once, as a constant with its text.
macro_rules! names {
    ($($(#[$doc:meta])* $constant:ident = $text:literal;)*) => {
        $($(#[$doc])* pub const $constant: Name = Name($text);)*
        /// Every name declared here, for lookups by text (a function's config, a test's HCL).
        pub const ALL: &[Name] = &[$($constant),*];
    };
}

names! {
    /// The AWS partition of the ARNs.
    PARTITION = "partition";
    /// The region of the Q Business resources.
    REGION = "region";
    /// The account that owns them.
    ACCOUNT_ID = "account_id";
    /// Accept a region outside Q Business's list, with a warning.
    SKIP_REGION_VALIDATION = "skip_region_validation";
    /// The Q Business application's id.
    APPLICATION_ID = "application_id";
    /// The index's id.
    INDEX_ID = "index_id";
    /// The web experience's id.
    WEB_EXPERIENCE_ID = "web_experience_id";
    /// An Amazon Kendra index's id.
    KENDRA_INDEX_ID = "kendra_index_id";
    /// Selects the connector.
    CONNECTOR = "connector";
    /// Selects the kind of trust or web experience role.
    KIND = "kind";
    /// Selects the role of `qbusiness_role_policy`.
    ROLE = "role";
    /// Selects the connector template of the catalog listing.
    TEMPLATE = "template";
    /// A bucket's name.
    BUCKET = "bucket";
    /// The account that owns the S3 connector's bucket.
    BUCKET_ACCOUNT_ID = "bucket_account_id";
    /// Whether the S3 connector may pass roles.
    PASS_ROLE = "pass_role";
    /// The roles the S3 connector may pass, instead of `QBusiness-DataSource-*`.
    PASS_ROLE_ARNS = "pass_role_arns";
    /// A Secrets Manager secret's ARN.
    SECRET_ARN = "secret_arn";
    /// A KMS key's ARN.
    KMS_KEY_ARN = "kms_key_arn";
    /// The bucket with an SSL certificate.
    SSL_CERTIFICATE_BUCKET = "ssl_certificate_bucket";
    /// The KMS key of the certificate bucket's SSE-KMS objects.
    SSL_CERTIFICATE_KMS_KEY_ARN = "ssl_certificate_kms_key_arn";
    /// The certificate's key prefix.
    SSL_CERTIFICATE_KEY_PREFIX = "ssl_certificate_key_prefix";
    /// The web crawler's seed URL bucket.
    SEED_URLS_BUCKET = "seed_urls_bucket";
    /// The seed lists' key prefix.
    SEED_URLS_KEY_PREFIX = "seed_urls_key_prefix";
    /// Whether the connector runs in a VPC.
    VPC = "vpc";
    /// The subnets a connector may use.
    SUBNET_IDS = "subnet_ids";
    /// The security groups a connector may use.
    SECURITY_GROUP_IDS = "security_group_ids";
    /// A SAML identity provider's ARN.
    SAML_PROVIDER_ARN = "saml_provider_arn";
    /// A web experience's URL.
    WEB_EXPERIENCE_URL = "web_experience_url";
    /// An OIDC identity provider's ARN.
    OIDC_PROVIDER_ARN = "oidc_provider_arn";
    /// The OIDC client ids allowed.
    CLIENT_IDS = "client_ids";
    /// Whether web experience users have Amazon Q Apps.
    Q_APPS = "q_apps";
    /// Whether web experience users have plugins.
    PLUGINS = "plugins";
    /// Whether web experience users have the Amazon Quick (QuickSight) plugin.
    QUICKSIGHT_PLUGIN = "quicksight_plugin";
    /// Whether users are subscribed on first sign-in.
    AUTO_SUBSCRIPTION = "auto_subscription";
    /// A Lambda function's ARN.
    LAMBDA_FUNCTION_ARN = "lambda_function_arn";
    /// An IAM Identity Center instance's ARN.
    IDENTITY_CENTER_INSTANCE_ARN = "identity_center_instance_arn";
    /// Whether the application role manages user subscriptions.
    USER_SUBSCRIPTIONS = "user_subscriptions";
    /// The S3 connector role's ARN, for the bucket policy.
    CONNECTOR_ROLE_ARN = "connector_role_arn";
    /// The document's `Id`.
    POLICY_ID = "policy_id";
    /// Measure against the managed policy quota.
    MANAGED_POLICY = "managed_policy";
    /// The account's trust policy size quota.
    SIZE_QUOTA = "size_quota";
    /// Documents whose statements are appended.
    SOURCE_POLICY_DOCUMENTS = "source_policy_documents";
    /// Documents applied last.
    OVERRIDE_POLICY_DOCUMENTS = "override_policy_documents";
    /// The user's own statement blocks.
    STATEMENT = "statement";
    /// A statement's id.
    SID = "sid";
    /// A statement's effect.
    EFFECT = "effect";
    /// A statement's actions.
    ACTIONS = "actions";
    /// The actions a statement does not apply to.
    NOT_ACTIONS = "not_actions";
    /// A statement's resources.
    RESOURCES = "resources";
    /// The resources a statement does not apply to.
    NOT_RESOURCES = "not_resources";
    /// A statement's condition blocks.
    CONDITION = "condition";
    /// A condition's operator.
    TEST = "test";
    /// A condition's key.
    VARIABLE = "variable";
    /// A condition's values.
    VALUES = "values";
    /// A statement's principal blocks.
    PRINCIPALS = "principals";
    /// A principal block's type.
    TYPE = "type";
    /// A principal block's identifiers.
    IDENTIFIERS = "identifiers";
    /// The document, pretty-printed.
    JSON = "json";
    /// The document without whitespace.
    MINIFIED_JSON = "minified_json";
    /// The document's size as IAM counts it.
    SIZE = "size";
    /// The identity-aware API caller also searches the index (`SearchRelevantContent`).
    SEARCH_RELEVANT_CONTENT = "search_relevant_content";
    /// The roles that create or update the application with its customer managed key.
    ADMINISTRATOR_ROLE_ARNS = "administrator_role_arns";
    /// The roles that decrypt with the key through Q Business.
    DECRYPT_ROLE_ARNS = "decrypt_role_arns";
    /// Whether the key policy lets the account's IAM policies grant the key.
    ACCOUNT_ROOT = "account_root";
    /// The ISV's role that a data accessor lets search the application.
    ISV_ROLE_ARN = "isv_role_arn";
    /// The ISV's tenant id, which a data accessor's permission may require as a session tag.
    EXTERNAL_ID = "external_id";
    /// The roles that exchange tokens at an Identity Center application (`CreateTokenWithIAM`).
    CALLER_ROLE_ARNS = "caller_role_arns";
    /// The roles of a bundle, by a key of the user's choice.
    ROLES = "roles";
    /// An entry's trust policy arguments, in a bundle; its trust policy, in the result.
    TRUST = "trust";
    /// A bundle's documents, by the key of each role.
    DOCUMENTS = "documents";
    /// A role's permissions policy, in a bundle's result.
    POLICY = "policy";
    /// The provider's document a policy in place is checked against.
    EXPECTED = "expected";
    /// Whether two documents allow the same requests.
    EQUIVALENT = "equivalent";
    /// The requests the expected document allows and the policy in place denies.
    MISSING = "missing";
    /// The requests the policy in place allows and the expected document denies.
    EXCESS = "excess";
    /// Access Analyzer's findings on a document.
    FINDINGS = "findings";
    /// One line that says it all.
    SUMMARY = "summary";
    /// A policy check's whole result, as its function returns it.
    CHECK = "check";
    /// A request's action.
    ACTION = "action";
    /// A request's resource.
    RESOURCE = "resource";
    /// A request's principal.
    PRINCIPAL = "principal";
    /// A request's condition keys.
    CONTEXT = "context";
    /// What a document allows: its role's requests, evaluated.
    ALLOWS = "allows";
    /// A role's requests, added to a policy check's universe.
    REQUESTS = "requests";
    /// A request's label, for people.
    LABEL = "label";
    /// Whether a document allows a request.
    ALLOWED = "allowed";
    /// A finding's issue code.
    CODE = "code";
    /// A finding's type.
    SEVERITY = "severity";
    /// A finding's message.
    MESSAGE = "message";
    /// The errata row a difference or finding matches.
    ERRATA = "errata";
    /// A bundle's review report, in Markdown.
    REPORT = "report";
    /// Whether a bundle makes its report.
    WITH_REPORT = "with_report";
    /// The catalog's connector ids.
    IDS = "ids";
    /// The catalog's connectors.
    CONNECTORS = "connectors";
    /// A catalog connector's id.
    ID = "id";
    /// A catalog connector's name.
    DISPLAY_NAME = "display_name";
    /// A catalog connector's CreateDataSource type (the recommended one), or the type to look up.
    DATA_SOURCE_TYPE = "data_source_type";
    /// A JDBC connector's `dbType` (`repositoryEndpointMetadata.dbType`), or the one to look up.
    DATABASE_TYPE = "database_type";
    /// Every CreateDataSource type that makes a catalog connector.
    DATA_SOURCE_TYPES = "data_source_types";
    /// Whether AWS still supports a catalog connector: `current` or `legacy`.
    SUPPORT = "support";
    /// The day AWS's support of a legacy connector ended.
    SUPPORT_ENDED = "support_ended";
    /// The user guide page a catalog row was read from.
    SOURCE_PAGE = "source_page";
    /// The documentation mirror's snapshot the page was read at.
    SOURCE_SNAPSHOT = "source_snapshot";
    /// The arguments a connector requires.
    REQUIRED_ARGUMENTS = "required_arguments";
    /// The arguments a connector may take.
    OPTIONAL_ARGUMENTS = "optional_arguments";
    /// Whether a connector's published policy was read in full (every row's now is).
    VERIFIED = "verified";
}

/// The boolean arguments whose default is true: `true` changes nothing for a kind that does not
/// take them, as `false` changes nothing for any.
pub const DEFAULT_TRUE: &[Name] = &[Q_APPS, PLUGINS, AUTO_SUBSCRIPTION, PASS_ROLE];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_name_is_declared_once() {
        let mut texts: Vec<&str> = ALL.iter().map(|n| n.as_str()).collect();
        texts.sort_unstable();
        let count = texts.len();
        texts.dedup();
        assert_eq!(texts.len(), count, "a name is declared twice");
    }
}
