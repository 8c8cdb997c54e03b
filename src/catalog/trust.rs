//! Trust (assume-role) policies of the Q Business roles (reference §4), every service trust guarded
//! against the confused deputy with `aws:SourceAccount` and `aws:SourceArn`.

use crate::policy::{Arn, ConditionKey, Operator, PolicyDocument, Principal, Statement};

use super::arns::{OidcProviderArn, SamlProviderArn};
use super::kinds::{optional, required, Argument, Kind, SCOPE};
use super::scope::{ResourceId, Scope};

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
        }
    }

    fn arguments(self) -> Vec<Argument> {
        match self {
            TrustKind::Connector
            | TrustKind::OidcSecret
            | TrustKind::WebExperienceIdentityCenter
            | TrustKind::KendraRetriever
            | TrustKind::Plugin
            | TrustKind::DocumentEnrichment => [required("application_id")].into_iter().chain(SCOPE).collect(),
            TrustKind::Application => [optional("application_id")].into_iter().chain(SCOPE).collect(),
            TrustKind::WebExperienceSaml => vec![required("saml_provider_arn"), required("web_experience_url")],
            TrustKind::WebExperienceOidc => vec![required("oidc_provider_arn"), required("client_ids")],
        }
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
        let host = s.strip_prefix("https://").map(|h| h.trim_end_matches('/'));
        match host {
            Some(host) if !host.is_empty() && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-') => {
                Ok(WebExperienceUrl(format!("https://{host}")))
            }
            _ => Err(InvalidWebExperienceUrl(s.to_owned())),
        }
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
    /// Q Business roles of one application with the plain service trust: Kendra retriever
    /// (`KendraRetriever`), plugins, document enrichment.
    Service { scope: Scope, application: ResourceId, role: ServiceTrust },
    /// A web experience with IAM federation through a SAML identity provider.
    WebExperienceSaml { saml_provider: SamlProviderArn, web_experience: WebExperienceUrl },
    /// A web experience with IAM federation through an OIDC identity provider.
    WebExperienceOidc { oidc_provider: OidcProviderArn, client_ids: Vec<String> },
}

/// Which service-trusted role, for its published Sid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceTrust {
    /// The Kendra retriever's role.
    KendraRetriever,
    /// A plugin's role.
    Plugin,
    /// A document enrichment hook's role.
    DocumentEnrichment,
}

impl ServiceTrust {
    fn sid(self) -> &'static str {
        match self {
            ServiceTrust::KendraRetriever => "AmazonQKendraAccessPermission",
            ServiceTrust::Plugin => "QBusinessApplicationTrustPolicy",
            ServiceTrust::DocumentEnrichment => "AllowsAmazonQToAssumeRoleForServicePrincipal",
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
                vec![service_trust(scope, role.sid(), "qbusiness", Operator::ARN_EQUALS, &scope.application_arn(application))]
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
                        .condition(Operator::STRING_EQUALS, audience, client_ids.iter().cloned()),
                    tag_session(oidc_provider.arn()),
                ]
            }
        };
        PolicyDocument::new(statements)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_experience_urls() {
        assert_eq!(
            "https://abcd.chat.qbusiness.us-east-1.on.aws/".parse::<WebExperienceUrl>().unwrap(),
            WebExperienceUrl("https://abcd.chat.qbusiness.us-east-1.on.aws".into())
        );
        assert!("http://abcd.on.aws".parse::<WebExperienceUrl>().is_err());
        assert!("https://abcd.on.aws/saml".parse::<WebExperienceUrl>().is_err());
        assert!("https://".parse::<WebExperienceUrl>().is_err());
    }

    #[test]
    fn kinds_and_their_arguments() {
        assert_eq!(TrustKind::parse("kind", "plugin"), Ok(TrustKind::Plugin));
        assert_eq!(
            TrustKind::all_arguments(),
            [
                "application_id",
                "partition",
                "region",
                "account_id",
                "saml_provider_arn",
                "web_experience_url",
                "oidc_provider_arn",
                "client_ids"
            ]
        );
    }
}
