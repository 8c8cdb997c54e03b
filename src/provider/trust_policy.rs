//! Data source `qbusiness_trust_policy`: the trust (assume-role) policy of a Q Business role.

use crate::catalog::trust::{oidc_issuer, WebExperienceUrl};
use crate::catalog::{ResourceId, ServiceTrust, TrustPolicy};
use crate::plugin::{Attribute, Block, Type, Value};
use crate::policy::{Arn, DocumentKind};

use super::config::{resolve_scope, ProviderDefaults};
use super::document_output::{document_block, finish, trust_limit};
use super::inputs::Inputs;
use super::DataSource;

pub const TYPE_NAME: &str = "qbusiness_trust_policy";

/// The kinds of role, and the arguments each one takes besides `kind` and `size_quota`.
const APPLICATION_SCOPED: &[&str] = &["application_id", "partition", "region", "account_id"];
const KINDS: [(&str, &[&str]); 9] = [
    ("connector", APPLICATION_SCOPED),
    ("application", &["partition", "region", "account_id"]),
    ("oidc_secret", APPLICATION_SCOPED),
    ("web_experience_identity_center", APPLICATION_SCOPED),
    ("kendra_retriever", APPLICATION_SCOPED),
    ("plugin", APPLICATION_SCOPED),
    ("document_enrichment", APPLICATION_SCOPED),
    ("web_experience_saml", &["saml_provider_arn", "web_experience_url"]),
    ("web_experience_oidc", &["oidc_provider_arn", "client_ids"]),
];

const KIND_ARGUMENTS: [&str; 8] =
    ["application_id", "partition", "region", "account_id", "saml_provider_arn", "web_experience_url", "oidc_provider_arn", "client_ids"];

pub struct TrustPolicyDataSource;

fn kind_names() -> String {
    KINDS.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
}

impl DataSource for TrustPolicyDataSource {
    fn type_name(&self) -> &'static str {
        TYPE_NAME
    }

    fn schema(&self) -> Block {
        let attributes = vec![
            Attribute::required("kind", Type::String, &format!("Which role the trust policy is for: {}.", kind_names())),
            Attribute::optional(
                "application_id",
                Type::String,
                "Id of the Amazon Q Business application, for every kind but `application` and the federated ones.",
            ),
            Attribute::optional(
                "saml_provider_arn",
                Type::String,
                "`web_experience_saml`: ARN of the IAM SAML identity provider (`arn:aws:iam::ACCOUNT:saml-provider/NAME`).",
            ),
            Attribute::optional(
                "web_experience_url",
                Type::String,
                "`web_experience_saml`: the web experience's URL (`https://…on.aws`); the SAML audience is this URL plus `/saml`.",
            ),
            Attribute::optional(
                "oidc_provider_arn",
                Type::String,
                "`web_experience_oidc`: ARN of the IAM OIDC identity provider (`arn:aws:iam::ACCOUNT:oidc-provider/ISSUER`).",
            ),
            Attribute::optional("client_ids", Type::list(Type::String), "`web_experience_oidc`: the OIDC client ids (audiences) allowed."),
        ];
        document_block(
            "The trust (assume-role) policy of an Amazon Q Business role. Service-role trusts carry `aws:SourceAccount` and `aws:SourceArn` against the confused deputy.",
            attributes,
            "in this policy (every kind but the federated ones)",
            DocumentKind::Trust,
        )
    }

    fn build(&self, config: &Value, inputs: &mut Inputs<'_>, defaults: Option<&ProviderDefaults>) -> Option<Value> {
        let (kind, _) = inputs.choose_kind("kind", &KINDS, None, &KIND_ARGUMENTS)?;
        let limit = trust_limit(inputs);
        let who = format!("kind {kind:?}");
        let policy = match kind {
            "connector" | "oidc_secret" | "web_experience_identity_center" | "kendra_retriever" | "plugin" | "document_enrichment" => {
                inputs.require(&["application_id"], &who);
                let application = inputs.parsed::<ResourceId>("application_id");
                let scope = resolve_scope(inputs, defaults)?;
                let application = application?;
                match kind {
                    "connector" => TrustPolicy::Connector { scope, application },
                    "oidc_secret" => TrustPolicy::OidcSecret { scope, application },
                    "web_experience_identity_center" => TrustPolicy::WebExperienceIdentityCenter { scope, application },
                    "kendra_retriever" => TrustPolicy::Service { scope, application, role: ServiceTrust::KendraRetriever },
                    "plugin" => TrustPolicy::Service { scope, application, role: ServiceTrust::Plugin },
                    _ => TrustPolicy::Service { scope, application, role: ServiceTrust::DocumentEnrichment },
                }
            }
            "application" => TrustPolicy::Application { scope: resolve_scope(inputs, defaults)? },
            "web_experience_saml" => {
                inputs.require(&["saml_provider_arn", "web_experience_url"], &who);
                let saml_provider = federated_provider(inputs, "saml_provider_arn", "saml-provider/");
                let web_experience = inputs.parsed::<WebExperienceUrl>("web_experience_url");
                TrustPolicy::WebExperienceSaml { saml_provider: saml_provider?, web_experience: web_experience? }
            }
            _ => {
                inputs.require(&["oidc_provider_arn", "client_ids"], &who);
                let oidc_provider = federated_provider(inputs, "oidc_provider_arn", "oidc-provider/");
                if oidc_provider.as_ref().is_some_and(|arn| oidc_issuer(arn).is_none()) {
                    inputs.error("oidc_provider_arn", "Invalid oidc_provider_arn", "the ARN names no issuer after oidc-provider/.");
                }
                let client_ids = inputs.parsed_list::<String>("client_ids");
                TrustPolicy::WebExperienceOidc { oidc_provider: oidc_provider?, client_ids: client_ids? }
            }
        };
        if inputs.has_errors() || inputs.incomplete || defaults.is_none() {
            return None;
        }
        finish(config, inputs, policy.document(), &Default::default(), DocumentKind::Trust, limit)
    }
}

fn federated_provider(inputs: &mut Inputs<'_>, name: &str, prefix: &str) -> Option<Arn> {
    let example = format!("arn:aws:iam::ACCOUNT:{prefix}NAME");
    inputs.parsed_with(name, |text| Arn::parse_expecting(text, "iam", prefix, &example))
}
