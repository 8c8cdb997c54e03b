//! Data source `qbusiness_trust_policy`: the trust (assume-role) policy of a Q Business role.

use crate::catalog::trust::WebExperienceUrl;
use crate::catalog::{Kind, ResourceId, ServiceTrust, TrustKind, TrustPolicy};
use crate::plugin::{Attribute, Type};
use crate::policy::{DocumentKind, PolicyDocument};

use super::config::resolve_scope;
use super::document::{scope_note_of, taken_by, DocumentRole};
use super::inputs::Inputs;
use super::Phase;

pub(super) struct TrustPolicyDataSource;

impl DocumentRole for TrustPolicyDataSource {
    const TYPE_NAME: &'static str = "qbusiness_trust_policy";
    const KIND: DocumentKind = DocumentKind::Trust;
    const DESCRIPTION: &'static str = "The trust (assume-role) policy of an Amazon Q Business role. Service-role trusts carry `aws:SourceAccount` and `aws:SourceArn` against the confused deputy.";

    fn attributes() -> Vec<Attribute> {
        let described = |name: &str, text: &str| format!("{}{text}", taken_by::<TrustKind>(name));
        vec![
            Attribute::required("kind", Type::String, &format!("Which role the trust policy is for: {}.", TrustKind::names())),
            Attribute::optional(
                "application_id",
                Type::String,
                &described(
                    "application_id",
                    "Id of the Amazon Q Business application (required, except for `application`). For `application` it narrows `aws:SourceArn` to that application; leave it out when the role is created in the same configuration as its application (the application needs the role first, a dependency cycle).",
                ),
            ),
            Attribute::optional(
                "saml_provider_arn",
                Type::String,
                &described("saml_provider_arn", "ARN of the IAM SAML identity provider (`arn:aws:iam::ACCOUNT:saml-provider/NAME`)."),
            ),
            Attribute::optional(
                "web_experience_url",
                Type::String,
                &described(
                    "web_experience_url",
                    "the web experience's URL (`https://…on.aws`); the SAML audience is this URL plus `/saml`.",
                ),
            ),
            Attribute::optional(
                "oidc_provider_arn",
                Type::String,
                &described("oidc_provider_arn", "ARN of the IAM OIDC identity provider (`arn:aws:iam::ACCOUNT:oidc-provider/ISSUER`)."),
            ),
            Attribute::optional(
                "client_ids",
                Type::list(Type::String),
                &described("client_ids", "the OIDC client ids (audiences) allowed."),
            ),
        ]
    }

    fn scope_note() -> Option<String> {
        Some(scope_note_of::<TrustKind>("kind"))
    }

    fn document(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<PolicyDocument> {
        let kind = inputs.kind::<TrustKind>("kind", None)?;
        let service = |inputs: &mut Inputs<'_>, role: fn(crate::catalog::Scope, ResourceId) -> TrustPolicy| {
            let application = inputs.parsed::<ResourceId>("application_id");
            let scope = resolve_scope(inputs, phase)?;
            Some(role(scope, application?))
        };
        let policy = match kind {
            TrustKind::Connector => service(inputs, |scope, application| TrustPolicy::Connector { scope, application }),
            TrustKind::OidcSecret => service(inputs, |scope, application| TrustPolicy::OidcSecret { scope, application }),
            TrustKind::WebExperienceIdentityCenter => {
                service(inputs, |scope, application| TrustPolicy::WebExperienceIdentityCenter { scope, application })
            }
            TrustKind::KendraRetriever => {
                service(inputs, |scope, application| TrustPolicy::Service { scope, application, role: ServiceTrust::KendraRetriever })
            }
            TrustKind::Plugin => {
                service(inputs, |scope, application| TrustPolicy::Service { scope, application, role: ServiceTrust::Plugin })
            }
            TrustKind::DocumentEnrichment => {
                service(inputs, |scope, application| TrustPolicy::Service { scope, application, role: ServiceTrust::DocumentEnrichment })
            }
            TrustKind::Application => {
                let application = inputs.parsed::<ResourceId>("application_id");
                Some(TrustPolicy::Application { scope: resolve_scope(inputs, phase)?, application })
            }
            TrustKind::WebExperienceSaml => {
                let saml_provider = inputs.arn("saml_provider_arn");
                let web_experience = inputs.parsed::<WebExperienceUrl>("web_experience_url");
                Some(TrustPolicy::WebExperienceSaml { saml_provider: saml_provider?, web_experience: web_experience? })
            }
            TrustKind::WebExperienceOidc => {
                let oidc_provider = inputs.arn("oidc_provider_arn");
                let client_ids = inputs.parsed_list::<String>("client_ids");
                Some(TrustPolicy::WebExperienceOidc { oidc_provider: oidc_provider?, client_ids: client_ids? })
            }
        }?;
        Some(policy.document())
    }
}

#[cfg(test)]
mod tests {
    use crate::provider::testing::{expect_errors, list, read, s, APPLICATION_ID};

    const TYPE: &str = "qbusiness_trust_policy";

    #[test]
    fn every_kind_reads_and_federated_ones_are_their_golden_documents() {
        let oidc = read(
            TYPE,
            &[
                ("kind", s("web_experience_oidc")),
                ("oidc_provider_arn", s("arn:aws:iam::123456789012:oidc-provider/login.example.com/tenant")),
                ("client_ids", list(&["qbusiness-web", "qbusiness-mobile"])),
            ],
        );
        assert_eq!(oidc.json.unwrap() + "\n", include_str!("../../tests/golden/trust-web-experience-oidc.json"));
        let connector = read(TYPE, &[("kind", s("connector")), ("application_id", s(APPLICATION_ID))]);
        assert_eq!(connector.json.unwrap() + "\n", include_str!("../../tests/golden/trust-connector.json"));
    }

    #[test]
    fn bad_arguments_are_errors_at_their_attribute() {
        expect_errors(
            TYPE,
            &[
                ("unknown kind", vec![("kind", s("lambda"))], "kind", "Unknown kind", "\"lambda\" is not a valid kind; valid values are connector, application, oidc_secret, web_experience_identity_center, kendra_retriever, plugin, document_enrichment, web_experience_saml, web_experience_oidc."),
                ("SAML provider for the application trust", vec![("kind", s("application")), ("saml_provider_arn", s("arn:aws:iam::123456789012:saml-provider/idp"))], "saml_provider_arn", "Argument not accepted here", "kind \"application\" does not take saml_provider_arn; it takes application_id, partition, region, account_id."),
                ("connector trust without application id", vec![("kind", s("connector"))], "application_id", "Missing required argument", "kind \"connector\" needs application_id."),
                ("OIDC provider without issuer", vec![("kind", s("web_experience_oidc")), ("oidc_provider_arn", s("arn:aws:iam::123456789012:oidc-provider/")), ("client_ids", list(&["c"]))], "oidc_provider_arn", "Invalid oidc_provider_arn", "names no resource \"oidc-provider/\""),
                ("client id outside Latin-1", vec![("kind", s("web_experience_oidc")), ("oidc_provider_arn", s("arn:aws:iam::123456789012:oidc-provider/login.example.com")), ("client_ids", list(&["caf\u{e9}\u{2013}"]))], "", "Character not allowed in IAM policies", "(U+2013) is not allowed in IAM policies"),
            ],
        );
    }
}
