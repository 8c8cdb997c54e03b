//! Trust (assume-role) policies of the Q Business roles (reference §4), every service trust guarded
//! against the confused deputy with `aws:SourceAccount` and `aws:SourceArn`.

use crate::policy::{Arn, ConditionKey, Operator, PolicyDocument, Principal, Statement};

use super::scope::{ResourceId, Scope};

/// A web experience's own URL, e.g. `https://abcd1234.chat.qbusiness.us-east-1.on.aws`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebExperienceUrl(String);

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

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrustPolicy {
    /// A data-source connector role, assumed by Q Business for one application.
    Connector { scope: Scope, application: ResourceId },
    /// The application's service role. The application does not exist yet when its role is made,
    /// so the guard names any application of the account and region.
    Application { scope: Scope },
    /// The role that reads a web experience's OIDC client secret (principal `application.qbusiness`).
    OidcSecret { scope: Scope, application: ResourceId },
    /// A web experience with IAM Identity Center: `application.qbusiness` assumes it and sets the
    /// user's identity context.
    WebExperienceIdentityCenter { scope: Scope, application: ResourceId },
    /// Q Business roles of one application with the plain service trust: Kendra retriever
    /// (`KendraRetriever`), plugins, document enrichment.
    Service { scope: Scope, application: ResourceId, role: ServiceTrust },
    /// A web experience with IAM federation through a SAML identity provider.
    WebExperienceSaml { saml_provider: Arn, web_experience: WebExperienceUrl },
    /// A web experience with IAM federation through an OIDC identity provider.
    WebExperienceOidc { oidc_provider: Arn, client_ids: Vec<String> },
}

/// Which service-trusted role, for its published Sid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceTrust {
    KendraRetriever,
    Plugin,
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

/// The issuer of an OIDC provider ARN: the part after `oidc-provider/`, which also prefixes its condition keys.
pub fn oidc_issuer(provider: &Arn) -> Option<&str> {
    provider.resource.strip_prefix("oidc-provider/").filter(|issuer| !issuer.is_empty())
}

impl TrustPolicy {
    pub fn document(&self) -> PolicyDocument {
        let statements = match self {
            TrustPolicy::Connector { scope, application } => vec![service_trust(
                scope,
                "AllowsAmazonQToAssumeRoleForServicePrincipal",
                "qbusiness",
                Operator::ARN_EQUALS,
                &scope.application_arn(application),
            )],
            TrustPolicy::Application { scope } => {
                vec![service_trust(scope, "AmazonQApplicationPermission", "qbusiness", Operator::ARN_LIKE, &scope.any_application_arn())]
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
                    .principal(Principal::federated(saml_provider))
                    .actions(["sts:AssumeRoleWithSAML"])
                    .condition(Operator::STRING_EQUALS, ConditionKey::SAML_AUD, [format!("{}/saml", web_experience.0)]),
                tag_session(saml_provider),
            ],
            TrustPolicy::WebExperienceOidc { oidc_provider, client_ids } => {
                let issuer = oidc_issuer(oidc_provider).unwrap_or_default();
                let audience = ConditionKey::named(format!("{issuer}:aud")).expect("issuer:aud is a condition key");
                vec![
                    Statement::allow("QBusinessOIDCFederation")
                        .principal(Principal::federated(oidc_provider))
                        .actions(["sts:AssumeRoleWithWebIdentity"])
                        .condition(Operator::STRING_EQUALS, audience, client_ids.iter().cloned()),
                    tag_session(oidc_provider),
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
    fn issuer_from_provider_arn() {
        let arn: Arn = "arn:aws:iam::123456789012:oidc-provider/login.example.com/tenant".parse().unwrap();
        assert_eq!(oidc_issuer(&arn), Some("login.example.com/tenant"));
        let bad: Arn = "arn:aws:iam::123456789012:saml-provider/x".parse().unwrap();
        assert_eq!(oidc_issuer(&bad), None);
    }
}
