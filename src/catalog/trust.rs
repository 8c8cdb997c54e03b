//! Trust (assume-role) policies of the Q Business roles (reference §4), every service trust guarded
//! against the confused deputy with `aws:SourceAccount` and `aws:SourceArn`.

use super::arguments as args;
use crate::policy::text::{widens, WIDENS};
use crate::policy::{Arn, ConditionKey, Operator, PolicyDocument, Principal, Statement};

use super::arns::{OidcProviderArn, SamlProviderArn};
use super::kinds::{optional, required, Argument, Kind, SCOPE};
use super::scope::{ResourceId, Scope};
use super::sources::{at_3a3ccd3, at_60275b0, Source, Sourced, SNAPSHOT_4E1D803};

/// A role kind's trust: which kinds of `qbusiness_trust_policy` a role of this kind is assumed through.
pub trait Trusted: Kind {
    /// The trust kinds, the usual one first.
    fn trusts(self) -> &'static [TrustKind];
}

/// The trust kinds of `K`'s kind named `name` (none for no kind of that name).
pub fn trusts_of<K: Trusted>(name: Option<&str>) -> &'static [TrustKind] {
    K::named(name).map_or(&[], K::trusts)
}

impl Sourced for TrustKind {
    fn source(self) -> Source {
        match self {
            // Every connector page prints the same trust; the S3 page's is the one read for it.
            TrustKind::Connector => Source { page: "s3-v2-iam-role", snapshot: SNAPSHOT_4E1D803 },
            TrustKind::Application => at_60275b0("create-application-iam-role"),
            TrustKind::OidcSecret | TrustKind::WebExperienceSaml | TrustKind::WebExperienceOidc => {
                at_3a3ccd3("web-experience-iam-role-iam")
            }
            TrustKind::WebExperienceIdentityCenter => at_3a3ccd3("web-experience-iam-role-idc"),
            TrustKind::KendraRetriever => at_3a3ccd3("kendra-retriever-iam-role"),
            TrustKind::Plugin => at_3a3ccd3("plugin-iam-role"),
            TrustKind::DocumentEnrichment => at_60275b0("cde-iam-roles"),
            TrustKind::Integration => at_60275b0("amazon-q-business-integrations-iam"),
            TrustKind::QuicksightPlugin => at_3a3ccd3("quicksight-plugin"),
            TrustKind::WebExperienceAnonymous => at_60275b0("anonymous-application-iam-policies"),
            TrustKind::ApiCaller => at_60275b0("making-sigv4-authenticated-api-calls"),
        }
    }
}

/// The roles a trust policy can be for: the value of `kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrustKind {
    /// A data-source connector role.
    Connector,
    /// The application's service role.
    Application,
    /// The role that reads a web experience's OIDC client secret.
    OidcSecret,
    /// A web experience with IAM Identity Center.
    WebExperienceIdentityCenter,
    /// A Kendra retriever's role.
    KendraRetriever,
    /// A plugin's role.
    Plugin,
    /// A custom document enrichment hook's role.
    DocumentEnrichment,
    /// A web experience with IAM federation through SAML.
    WebExperienceSaml,
    /// A web experience with IAM federation through OIDC.
    WebExperienceOidc,
    /// Both roles of the Slack, Teams, Outlook and Word integrations.
    Integration,
    /// The Amazon Quick (QuickSight) plugin's role.
    QuicksightPlugin,
    /// A web experience with anonymous access (`anonymous-application-iam-policies`).
    WebExperienceAnonymous,
    /// The identity-aware API caller's role (`making-sigv4-authenticated-api-calls`).
    ApiCaller,
}

impl Kind for TrustKind {
    const ALL: &'static [TrustKind] = &[
        TrustKind::Connector,
        TrustKind::Application,
        TrustKind::OidcSecret,
        TrustKind::WebExperienceIdentityCenter,
        TrustKind::KendraRetriever,
        TrustKind::Plugin,
        TrustKind::DocumentEnrichment,
        TrustKind::WebExperienceSaml,
        TrustKind::WebExperienceOidc,
        TrustKind::Integration,
        TrustKind::QuicksightPlugin,
        TrustKind::WebExperienceAnonymous,
        TrustKind::ApiCaller,
    ];

    fn name(self) -> &'static str {
        match self {
            TrustKind::Connector => "connector",
            TrustKind::Application => "application",
            TrustKind::OidcSecret => "oidc_secret",
            TrustKind::WebExperienceIdentityCenter => "web_experience_identity_center",
            TrustKind::KendraRetriever => "kendra_retriever",
            TrustKind::Plugin => "plugin",
            TrustKind::DocumentEnrichment => "document_enrichment",
            TrustKind::WebExperienceSaml => "web_experience_saml",
            TrustKind::WebExperienceOidc => "web_experience_oidc",
            TrustKind::Integration => "integration",
            TrustKind::QuicksightPlugin => "quicksight_plugin",
            TrustKind::WebExperienceAnonymous => "web_experience_anonymous",
            TrustKind::ApiCaller => "api_caller",
        }
    }

    fn arguments(self) -> Vec<Argument> {
        match self {
            TrustKind::Connector
            | TrustKind::OidcSecret
            | TrustKind::WebExperienceIdentityCenter
            | TrustKind::KendraRetriever
            | TrustKind::Plugin
            | TrustKind::Integration
            | TrustKind::QuicksightPlugin
            | TrustKind::WebExperienceAnonymous => [required(args::APPLICATION_ID)].into_iter().chain(SCOPE).collect(),
            TrustKind::DocumentEnrichment => [required(args::APPLICATION_ID), required(args::INDEX_ID)].into_iter().chain(SCOPE).collect(),
            TrustKind::Application => [optional(args::APPLICATION_ID)].into_iter().chain(SCOPE).collect(),
            TrustKind::WebExperienceSaml => vec![required(args::SAML_PROVIDER_ARN), required(args::WEB_EXPERIENCE_URL)],
            TrustKind::WebExperienceOidc => vec![required(args::OIDC_PROVIDER_ARN), required(args::CLIENT_IDS)],
            TrustKind::ApiCaller => SCOPE.to_vec(),
        }
    }
}

impl TrustKind {
    /// The service (its principal's name before the partition's suffix) that assumes a role of
    /// this kind; `None` for the web experiences whose users come through a federated provider.
    pub fn service(self) -> Option<&'static str> {
        Some(match self {
            TrustKind::Connector | TrustKind::Application | TrustKind::DocumentEnrichment | TrustKind::ApiCaller => "qbusiness",
            TrustKind::OidcSecret | TrustKind::WebExperienceIdentityCenter => "application.qbusiness",
            TrustKind::KendraRetriever => ServiceTrust::KendraRetriever.service(),
            TrustKind::Plugin => ServiceTrust::Plugin.service(),
            TrustKind::Integration => ServiceTrust::Integration.service(),
            TrustKind::QuicksightPlugin => ServiceTrust::QuicksightPlugin.service(),
            TrustKind::WebExperienceAnonymous => ServiceTrust::WebExperienceAnonymous.service(),
            TrustKind::WebExperienceSaml | TrustKind::WebExperienceOidc => return None,
        })
    }
}

/// A web experience's own URL, e.g. `https://abcd1234.chat.qbusiness.us-east-1.on.aws`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebExperienceUrl(String);

/// A value that is not a web experience URL.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0:?} is not a web experience URL: expected https://HOST with no path, e.g. \"https://abcd1234.chat.qbusiness.us-east-1.on.aws\"")]
pub struct InvalidWebExperienceUrl(pub String);

impl std::str::FromStr for WebExperienceUrl {
    type Err = InvalidWebExperienceUrl;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let host = s.strip_prefix("https://").map(|h| h.strip_suffix('/').unwrap_or(h));
        match host {
            Some(host) if is_host_name(host) => Ok(WebExperienceUrl(format!("https://{host}"))),
            _ => Err(InvalidWebExperienceUrl(s.to_owned())),
        }
    }
}

/// A DNS host name: dot-separated labels of 1 to 63 letters, digits and hyphens, none starting or
/// ending with a hyphen, 253 characters at most, with at least two labels.
fn is_host_name(host: &str) -> bool {
    let label_ok = |label: &str| {
        (1..=63).contains(&label.len())
            && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    host.len() <= 253 && host.split('.').count() >= 2 && host.split('.').all(label_ok)
}

/// An OIDC client id (an audience), as OAuth 2.0 defines it (RFC 6749, appendix A.1): visible
/// ASCII and spaces, 1 to 255 characters as IAM's client id list allows. It goes into a
/// `StringEquals` condition, so it must stand for itself: no wildcard and no policy variable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientId(String);

/// A value that is not an OIDC client id.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InvalidClientId {
    /// Outside OAuth's grammar.
    #[error("{0:?} is not an OIDC client id: 1 to 255 visible ASCII characters or spaces (no control characters such as newlines), e.g. \"qbusiness-web\"")]
    Grammar(String),
    /// A wildcard or variable, which would let any client of the identity provider in.
    #[error(
        "{0:?} is not an OIDC client id: it is compared with StringEquals, and {WIDENS}; give the client's own id, e.g. \"qbusiness-web\""
    )]
    Widens(String),
}

impl std::str::FromStr for ClientId {
    type Err = InvalidClientId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if !(1..=255).contains(&s.len()) || !s.bytes().all(|b| (0x20..=0x7e).contains(&b)) {
            Err(InvalidClientId::Grammar(s.to_owned()))
        } else if widens(s) {
            Err(InvalidClientId::Widens(s.to_owned()))
        } else {
            Ok(ClientId(s.to_owned()))
        }
    }
}

impl ClientId {
    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A trust policy with what it names.
#[allow(missing_docs)] // the variants' fields are named for what they hold
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrustPolicy {
    /// A data-source connector role, assumed by Q Business for one application.
    Connector { scope: Scope, application: ResourceId },
    /// The application's service role. A new application does not exist yet when its role is made,
    /// so without its id the guard names any application of the account and region; an existing
    /// estate gives the id and the guard names that application.
    Application { scope: Scope, application: Option<ResourceId> },
    /// The role that reads a web experience's OIDC client secret (principal `application.qbusiness`).
    OidcSecret { scope: Scope, application: ResourceId },
    /// A web experience with IAM Identity Center: `application.qbusiness` assumes it and sets the
    /// user's identity context.
    WebExperienceIdentityCenter { scope: Scope, application: ResourceId },
    /// Roles of one application trusted by a Q Business service principal: Kendra retriever,
    /// plugins, the integrations.
    Service { scope: Scope, application: ResourceId, role: ServiceTrust },
    /// A document enrichment hook's role: Q Business runs the hook for an index, whose ARN is the
    /// source (`cde-iam-roles`).
    DocumentEnrichment { scope: Scope, application: ResourceId, index: ResourceId },
    /// A web experience with IAM federation through a SAML identity provider.
    WebExperienceSaml { saml_provider: SamlProviderArn, web_experience: WebExperienceUrl },
    /// A web experience with IAM federation through an OIDC identity provider.
    WebExperienceOidc { oidc_provider: OidcProviderArn, client_ids: Vec<ClientId> },
    /// The identity-aware API caller's role: Q Business assumes it and sets the user's context.
    /// The page guards it with the account only; no application ARN is documented as the source.
    ApiCaller { scope: Scope },
}

/// Which service-trusted role, for its published Sid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceTrust {
    /// The Kendra retriever's role.
    KendraRetriever,
    /// A plugin's role.
    Plugin,
    /// The integrations' roles (`amazon-q-business-integrations-iam`).
    Integration,
    /// The Amazon Quick plugin's role (`quicksight-plugin`).
    QuicksightPlugin,
    /// The role of a web experience with anonymous access.
    WebExperienceAnonymous,
}

impl ServiceTrust {
    fn sid(self) -> &'static str {
        match self {
            ServiceTrust::KendraRetriever => "AmazonQKendraAccessPermission",
            ServiceTrust::Plugin => "QBusinessApplicationTrustPolicy",
            ServiceTrust::Integration | ServiceTrust::WebExperienceAnonymous => "QBusinessTrustPolicy",
            ServiceTrust::QuicksightPlugin => "QBusinessQuicksightManagedPolicyTrustPolicy",
        }
    }

    /// The service principal's name before the partition's suffix.
    fn service(self) -> &'static str {
        match self {
            ServiceTrust::KendraRetriever | ServiceTrust::Plugin | ServiceTrust::QuicksightPlugin => "qbusiness",
            ServiceTrust::Integration => "integrations.qbusiness",
            ServiceTrust::WebExperienceAnonymous => "application.qbusiness",
        }
    }

    /// Whether the service passes the signed-in user's identity context (`sts:SetContext`).
    fn sets_context(self) -> bool {
        match self {
            ServiceTrust::KendraRetriever | ServiceTrust::Plugin | ServiceTrust::WebExperienceAnonymous => false,
            ServiceTrust::Integration | ServiceTrust::QuicksightPlugin => true,
        }
    }
}

fn service_trust(scope: &Scope, sid: &str, service: &str, source_arn_operator: Operator, source_arn: &Arn) -> Statement {
    Statement::allow(sid)
        .principal(Principal::service(scope.service_principal(service)))
        .actions(["sts:AssumeRole"])
        .condition(Operator::STRING_EQUALS, ConditionKey::SOURCE_ACCOUNT, [scope.account.as_str()])
        .condition(source_arn_operator, ConditionKey::SOURCE_ARN, [source_arn.to_string()])
}

/// Lets the web experience pass the signed-in user's e-mail as a session tag.
fn tag_session(provider: &Arn) -> Statement {
    Statement::allow("QBusinessTagSession").principal(Principal::federated(provider)).actions(["sts:TagSession"]).condition(
        Operator::STRING_LIKE,
        ConditionKey::request_tag("Email"),
        ["*"],
    )
}

impl TrustPolicy {
    /// The trust policy document.
    pub fn document(&self) -> PolicyDocument {
        let statements = match self {
            TrustPolicy::Connector { scope, application } => vec![service_trust(
                scope,
                "AllowsAmazonQToAssumeRoleForServicePrincipal",
                "qbusiness",
                Operator::ARN_EQUALS,
                &scope.application_arn(application),
            )],
            TrustPolicy::Application { scope, application } => {
                let (operator, source) = match application {
                    Some(application) => (Operator::ARN_EQUALS, scope.application_arn(application)),
                    None => (Operator::ARN_LIKE, scope.any_application_arn()),
                };
                vec![service_trust(scope, "AmazonQApplicationPermission", "qbusiness", operator, &source)]
            }
            TrustPolicy::OidcSecret { scope, application } => vec![service_trust(
                scope,
                "AllowsAmazonQToAssumeRoleForServicePrincipal",
                "application.qbusiness",
                Operator::ARN_EQUALS,
                &scope.application_arn(application),
            )],
            TrustPolicy::WebExperienceIdentityCenter { scope, application } => vec![service_trust(
                scope,
                "QBusinessTrustPolicy",
                "application.qbusiness",
                Operator::ARN_EQUALS,
                &scope.application_arn(application),
            )
            .actions(["sts:SetContext"])],
            TrustPolicy::Service { scope, application, role } => {
                let trust = service_trust(scope, role.sid(), role.service(), Operator::ARN_EQUALS, &scope.application_arn(application));
                vec![if role.sets_context() { trust.actions(["sts:SetContext"]) } else { trust }]
            }
            TrustPolicy::DocumentEnrichment { scope, application, index } => {
                vec![service_trust(scope, "QBusinessTrustPolicy", "qbusiness", Operator::ARN_EQUALS, &scope.index_arn(application, index))]
            }
            TrustPolicy::WebExperienceSaml { saml_provider, web_experience } => vec![
                Statement::allow("QBusinessSAMLFederation")
                    .principal(Principal::federated(saml_provider.arn()))
                    .actions(["sts:AssumeRoleWithSAML"])
                    .condition(Operator::STRING_EQUALS, ConditionKey::SAML_AUD, [format!("{}/saml", web_experience.0)]),
                tag_session(saml_provider.arn()),
            ],
            TrustPolicy::WebExperienceOidc { oidc_provider, client_ids } => {
                let audience = ConditionKey::qualified(oidc_provider.issuer(), "aud");
                vec![
                    Statement::allow("QBusinessOIDCFederation")
                        .principal(Principal::federated(oidc_provider.arn()))
                        .actions(["sts:AssumeRoleWithWebIdentity"])
                        .condition(Operator::STRING_EQUALS, audience, client_ids.iter().map(|id| id.as_str().to_owned())),
                    tag_session(oidc_provider.arn()),
                ]
            }
            TrustPolicy::ApiCaller { scope } => vec![Statement::allow("QCLITrustPolicy")
                .principal(Principal::service(scope.service_principal("qbusiness")))
                .actions(["sts:AssumeRole", "sts:SetContext"])
                .condition(Operator::STRING_EQUALS, ConditionKey::SOURCE_ACCOUNT, [scope.account.as_str()])],
        };
        PolicyDocument::new(statements)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::arguments as args;

    #[test]
    fn web_experience_urls() {
        assert_eq!(
            "https://abcd.chat.qbusiness.us-east-1.on.aws/".parse::<WebExperienceUrl>().unwrap(),
            WebExperienceUrl("https://abcd.chat.qbusiness.us-east-1.on.aws".into())
        );
        assert!("http://abcd.on.aws".parse::<WebExperienceUrl>().is_err());
        assert!("https://abcd.on.aws/saml".parse::<WebExperienceUrl>().is_err());
        for bad in [
            "https://",
            "https://.",
            "https://a..b",
            "https://-a.on.aws",
            "https://a-.on.aws",
            "https://localhost",
            "https://a.on.aws:443",
            "https://a b.on.aws",
        ] {
            assert!(bad.parse::<WebExperienceUrl>().is_err(), "{bad}");
        }
    }

    #[test]
    fn client_ids() {
        for ok in ["qbusiness-web", "0oa1b2c3d4e5f6g7h8i9", "123.apps.googleusercontent.com", "a b", "$x&y"] {
            assert!(ok.parse::<ClientId>().is_ok(), "{ok}");
        }
        let rows = [
            ("issuer variable", "${login.example.com:aud}", true),
            ("username variable", "${aws:username}", true),
            ("HCL-escaped variable", "&{aws:username}", true),
            ("wildcard", "qbusiness-*", true),
            ("question mark", "web?", true),
            ("newline", "web\nmobile", false),
            ("en dash", "caf\u{2013}", false),
            ("empty", "", false),
            ("too long", &"a".repeat(256), false),
        ];
        for (name, text, widening) in rows {
            let error = text.parse::<ClientId>().expect_err(name);
            assert_eq!(matches!(error, InvalidClientId::Widens(_)), widening, "{name}");
        }
    }

    #[test]
    fn kinds_and_their_arguments() {
        assert_eq!(TrustKind::parse(args::KIND, "plugin"), Ok(TrustKind::Plugin));
        assert_eq!(
            TrustKind::all_arguments(),
            [
                args::APPLICATION_ID,
                args::PARTITION,
                args::REGION,
                args::ACCOUNT_ID,
                args::INDEX_ID,
                args::SAML_PROVIDER_ARN,
                args::WEB_EXPERIENCE_URL,
                args::OIDC_PROVIDER_ARN,
                args::CLIENT_IDS,
            ]
        );
    }
}
