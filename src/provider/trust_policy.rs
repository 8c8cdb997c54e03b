//! Data source `qbusiness_trust_policy`: the trust (assume-role) policy of a Q Business role.

use crate::catalog::arguments::{self as args, Name};
use crate::catalog::requests::{self, kind_names, kind_takes, Family};
use crate::catalog::sources::source_of;
use crate::catalog::trust::{ClientId, WebExperienceUrl};
use crate::catalog::{Kind, ResourceId, ServiceTrust, TrustKind, TrustPolicy};
use crate::plugin::{Attribute, Type};
use crate::policy::{DocumentKind, PolicyDocument};

use super::config::resolve_scope;
use super::descriptor::{Body, Descriptor, DocumentSpec, FunctionTwin};
use super::document::{scope_note_of, taken_by};
use super::inputs::Inputs;
use super::Phase;

/// The data source `qbusiness_trust_policy`.
pub static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_trust_policy",
    description: "The trust (assume-role) policy of an Amazon Q Business role. Service-role trusts carry `aws:SourceAccount` and `aws:SourceArn` against the confused deputy.",
    function: FunctionTwin {
        name: "trust_policy",
        selector: Some(args::KIND),
        output: args::JSON,
        summary: "The trust policy of an Amazon Q Business role, as JSON.",
    },
    requests: Some(Family {
        expectations: requests::TRUST,
        selector: Some(args::KIND),
        default_kind: None,
        kinds: kind_names::<TrustKind>,
        takes: kind_takes::<TrustKind>,
        examples: requests::TRUST_EXAMPLES,
        trusts: |_| &[],
        source: source_of::<TrustKind>,
    }),
    body: Body::Document(DocumentSpec { kind: DocumentKind::Trust, arguments, scope_note: Some(scope_note), build }),
};

fn arguments() -> Vec<Attribute> {
    let described = |name: Name, text: &str| format!("{}{text}", taken_by::<TrustKind>(name));
    vec![
        Attribute::required(args::KIND, Type::String, &format!("Which role the trust policy is for: {}.", TrustKind::names())),
        Attribute::optional(
            args::APPLICATION_ID,
            Type::String,
            &described(
                args::APPLICATION_ID,
                "Id of the Amazon Q Business application (required, except for `application`). For `application` it narrows `aws:SourceArn` to that application; leave it out when the role is created in the same configuration as its application (the application needs the role first, a dependency cycle).",
            ),
        ),
        Attribute::optional(
            args::INDEX_ID,
            Type::String,
            &described(args::INDEX_ID, "id of the index whose hook the role runs: Q Business assumes it with the index as `aws:SourceArn`."),
        ),
        Attribute::optional(
            args::SAML_PROVIDER_ARN,
            Type::String,
            &described(args::SAML_PROVIDER_ARN, "ARN of the IAM SAML identity provider (`arn:aws:iam::ACCOUNT:saml-provider/NAME`)."),
        ),
        Attribute::optional(
            args::WEB_EXPERIENCE_URL,
            Type::String,
            &described(
                args::WEB_EXPERIENCE_URL,
                "the web experience's URL (`https://…on.aws`); the SAML audience is this URL plus `/saml`.",
            ),
        ),
        Attribute::optional(
            args::OIDC_PROVIDER_ARN,
            Type::String,
            &described(args::OIDC_PROVIDER_ARN, "ARN of the IAM OIDC identity provider (`arn:aws:iam::ACCOUNT:oidc-provider/ISSUER`)."),
        ),
        Attribute::optional(
            args::CLIENT_IDS,
            Type::list(Type::String),
            &described(args::CLIENT_IDS, "the OIDC client ids (audiences) allowed."),
        ),
    ]
}

fn scope_note() -> String {
    scope_note_of::<TrustKind>(args::KIND)
}

fn build(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<PolicyDocument> {
    let kind = inputs.kind::<TrustKind>(args::KIND, None)?;
    let service = |inputs: &mut Inputs<'_>, role: fn(crate::catalog::Scope, ResourceId) -> TrustPolicy| {
        let application = inputs.parsed::<ResourceId>(args::APPLICATION_ID);
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
        TrustKind::Plugin => service(inputs, |scope, application| TrustPolicy::Service { scope, application, role: ServiceTrust::Plugin }),
        TrustKind::DocumentEnrichment => {
            let application = inputs.parsed::<ResourceId>(args::APPLICATION_ID);
            let index = inputs.parsed::<ResourceId>(args::INDEX_ID);
            let scope = resolve_scope(inputs, phase)?;
            Some(TrustPolicy::DocumentEnrichment { scope, application: application?, index: index? })
        }
        TrustKind::Integration => {
            service(inputs, |scope, application| TrustPolicy::Service { scope, application, role: ServiceTrust::Integration })
        }
        TrustKind::WebExperienceAnonymous => {
            service(inputs, |scope, application| TrustPolicy::Service { scope, application, role: ServiceTrust::WebExperienceAnonymous })
        }
        TrustKind::QuicksightPlugin => {
            service(inputs, |scope, application| TrustPolicy::Service { scope, application, role: ServiceTrust::QuicksightPlugin })
        }
        TrustKind::ApiCaller => Some(TrustPolicy::ApiCaller { scope: resolve_scope(inputs, phase)? }),
        TrustKind::Application => {
            let application = inputs.parsed::<ResourceId>(args::APPLICATION_ID);
            Some(TrustPolicy::Application { scope: resolve_scope(inputs, phase)?, application })
        }
        TrustKind::WebExperienceSaml => {
            let saml_provider = inputs.arn(args::SAML_PROVIDER_ARN);
            let web_experience = inputs.parsed::<WebExperienceUrl>(args::WEB_EXPERIENCE_URL);
            Some(TrustPolicy::WebExperienceSaml { saml_provider: saml_provider?, web_experience: web_experience? })
        }
        TrustKind::WebExperienceOidc => {
            let oidc_provider = inputs.arn(args::OIDC_PROVIDER_ARN);
            let client_ids = inputs.parsed_list::<ClientId>(args::CLIENT_IDS);
            Some(TrustPolicy::WebExperienceOidc { oidc_provider: oidc_provider?, client_ids: client_ids? })
        }
    }?;
    Some(policy.document())
}

#[cfg(test)]
mod tests {
    use crate::catalog::arguments as args;
    use crate::catalog::arguments::Name;
    use crate::plugin::Value;
    use crate::provider::testing::{list, read, s, validate, APPLICATION_ID};

    const TYPE: &str = super::DESCRIPTOR.type_name;

    #[test]
    fn every_kind_reads_and_federated_ones_are_their_golden_documents() {
        let oidc = read(
            TYPE,
            &[
                (args::KIND, s("web_experience_oidc")),
                (args::OIDC_PROVIDER_ARN, s("arn:aws:iam::123456789012:oidc-provider/login.example.com/tenant")),
                (args::CLIENT_IDS, list(&["qbusiness-web", "qbusiness-mobile"])),
            ],
        );
        assert_eq!(oidc.json.unwrap() + "\n", include_str!("../../tests/golden/trust-web-experience-oidc.json"));
        let connector = read(TYPE, &[(args::KIND, s("connector")), (args::APPLICATION_ID, s(APPLICATION_ID))]);
        assert_eq!(connector.json.unwrap() + "\n", include_str!("../../tests/golden/trust-connector.json"));
    }

    fn trust_statement(extra: &[(Name, Value)]) -> Value {
        let mut attributes = vec![(args::SID, s("Partner")), (args::ACTIONS, list(&["sts:AssumeRole"]))];
        attributes.extend(extra.iter().cloned());
        Value::List(vec![Value::object(attributes)])
    }

    fn principals(kind: &str, identifiers: &[&str]) -> Value {
        Value::List(vec![Value::object([(args::TYPE, s(kind)), (args::IDENTIFIERS, list(identifiers))])])
    }

    #[test]
    fn statements_of_the_users_own_join_the_trust_policy() {
        let condition = Value::List(vec![Value::object([
            (args::TEST, s("StringEquals")),
            (args::VARIABLE, s("sts:ExternalId")),
            (args::VALUES, list(&["partner-42"])),
        ])]);
        let statement =
            trust_statement(&[(args::PRINCIPALS, principals("AWS", &["arn:aws:iam::210987654321:root"])), (args::CONDITION, condition)]);
        let source = r#"{"Version":"2012-10-17","Statement":{"Sid":"Tag","Effect":"Allow","Principal":{"Service":"qbusiness.amazonaws.com"},"Action":"sts:TagSession","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}}"#;
        let outcome = read(
            TYPE,
            &[
                (args::KIND, s("connector")),
                (args::APPLICATION_ID, s(APPLICATION_ID)),
                (args::STATEMENT, statement),
                (args::SOURCE_POLICY_DOCUMENTS, list(&[source])),
            ],
        );
        assert_eq!(outcome.diagnostics, Vec::<String>::new());
        let json: serde_json::Value = serde_json::from_str(&outcome.json.unwrap()).unwrap();
        let sids: Vec<&str> = json["Statement"].as_array().unwrap().iter().map(|s| s["Sid"].as_str().unwrap()).collect();
        assert_eq!(sids, ["AllowsAmazonQToAssumeRoleForServicePrincipal", "Tag", "Partner"]);
        assert_eq!(json["Statement"][2]["Principal"]["AWS"], "arn:aws:iam::210987654321:root");
        assert_eq!(json["Statement"][2]["Condition"]["StringEquals"]["sts:ExternalId"], "partner-42");
    }

    /// A statement of the user's own that trusts a service without its source is Access Analyzer's
    /// security warning, at the principal's identifier; the document is still produced.
    #[test]
    fn a_service_trusted_without_its_source_is_a_security_warning() {
        let statement = trust_statement(&[(args::PRINCIPALS, principals("Service", &["qbusiness.amazonaws.com"]))]);
        let outcome = read(TYPE, &[(args::KIND, s("connector")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::STATEMENT, statement)]);
        assert_eq!(outcome.diagnostics.len(), 1, "{:?}", outcome.diagnostics);
        assert!(
            outcome.diagnostics[0].starts_with(
                "warning statement[0].principals[0].identifiers[0] | Access Analyzer security warning: RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL | RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL (security warning): qbusiness.amazonaws.com is trusted with no aws:SourceArn or aws:SourceAccount condition"
            ),
            "{}",
            outcome.diagnostics[0]
        );
        assert!(outcome.json.is_some());
    }

    /// `saml_provider_arn = var.federated ? aws_iam_saml_provider.idp.arn : null` on a service trust.
    #[test]
    fn an_argument_the_kind_does_not_take_may_be_unknown_at_validation() {
        let config = [(args::KIND, s("connector")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::SAML_PROVIDER_ARN, Value::Unknown)];
        assert_eq!(validate(TYPE, &config), Vec::<String>::new());
        let known_null = [(args::KIND, s("connector")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::SAML_PROVIDER_ARN, Value::Null)];
        assert_eq!(read(TYPE, &known_null).json.unwrap() + "\n", include_str!("../../tests/golden/trust-connector.json"));
    }
}
