//! Data source `qbusiness_web_experience_policy`: the permissions policy of a web experience role.

use crate::catalog::arns::{KmsKeyArn, SecretArn};
use crate::catalog::availability::QAPPS_UNAVAILABLE_REGIONS;
use crate::catalog::requests::{self, Family};
use crate::catalog::{ResourceId, WebExperienceKind, WebExperienceOptions, WebExperienceRole};
use crate::plugin::{Attribute, Type};
use crate::policy::{DocumentKind, PolicyDocument};

use super::config::{check_place, resolve_scope};
use super::descriptor::{Body, Descriptor, DocumentSpec, FunctionTwin};
use super::document::{scope_note_of, selector_description, taken_by};
use super::inputs::Inputs;
use super::Phase;

fn summary(kind: WebExperienceKind) -> &'static str {
    match kind {
        WebExperienceKind::IamFederation => "the default: the role users assume through SAML or OIDC federation",
        WebExperienceKind::IdentityCenter => {
            "the role of a web experience with IAM Identity Center: the same permissions plus `sts:SetContext` on the session itself, and its own trust kind"
        }
        WebExperienceKind::OidcClientSecret => "the role that reads the OIDC client secret",
    }
}

pub(super) static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_web_experience_policy",
    description: "The permissions policy of an Amazon Q Business web experience role with IAM federation, or of the role that reads its OIDC client secret.",
    function: FunctionTwin {
        name: "web_experience_policy",
        selector: None,
        output: "json",
        summary: "The permissions policy of a web experience role, as JSON.",
    },
    requests: Some(Family { expectations: requests::WEB_EXPERIENCE, selector: Some("kind"), default_kind: Some("iam_federation") }),
    body: Body::Document(DocumentSpec { kind: DocumentKind::Permissions, arguments, scope_note: Some(scope_note), build }),
};

fn arguments() -> Vec<Attribute> {
    let described = |name: &str, text: &str| format!("{}{text}", taken_by::<WebExperienceKind>(name));
    vec![
        Attribute::optional("kind", Type::String, &selector_description::<WebExperienceKind>("Which role", summary)),
        Attribute::optional("application_id", Type::String, &described("application_id", "id of the Amazon Q Business application.")),
        Attribute::optional(
            "web_experience_id",
            Type::String,
            &described(
                "web_experience_id",
                "id of the web experience; any web experience of the application when omitted (the role exists before it).",
            ),
        ),
        Attribute::optional("q_apps", Type::Bool, &described("q_apps", "users can create and run Amazon Q Apps (default true).")),
        Attribute::optional("plugins", Type::Bool, &described("plugins", "users can discover and use plugins (default true).")),
        Attribute::optional(
            "auto_subscription",
            Type::Bool,
            &described("auto_subscription", "users are subscribed on first sign-in (default true)."),
        ),
        Attribute::optional(
            "kms_key_arn",
            Type::String,
            &described("kms_key_arn", "the customer managed KMS key of the application, or of the secret (`oidc_client_secret`)."),
        ),
        Attribute::optional(
            "secret_arn",
            Type::String,
            &described("secret_arn", "ARN of the Secrets Manager secret holding the client secret."),
        ),
    ]
}

fn scope_note() -> String {
    scope_note_of::<WebExperienceKind>("kind")
}

fn build(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<PolicyDocument> {
    let kind = inputs.kind("kind", Some(WebExperienceKind::IamFederation))?;
    let kms_key: Option<KmsKeyArn> = inputs.arn("kms_key_arn");
    let role = match kind {
        WebExperienceKind::OidcClientSecret => {
            let secret: SecretArn = inputs.arn("secret_arn")?;
            if let Some(key) = &kms_key {
                let place = secret.arn();
                check_place(inputs, "kms_key_arn", key.arn(), place.partition, Some((place.region.as_str(), "the secret")));
            }
            WebExperienceRole::OidcClientSecret { secret, kms_key }
        }
        WebExperienceKind::IamFederation | WebExperienceKind::IdentityCenter => {
            let application = inputs.parsed::<ResourceId>("application_id");
            let web_experience = inputs.parsed::<ResourceId>("web_experience_id");
            let options = WebExperienceOptions {
                q_apps: inputs.bool("q_apps").unwrap_or(true),
                plugins: inputs.bool("plugins").unwrap_or(true),
                auto_subscription: inputs.bool("auto_subscription").unwrap_or(true),
                identity_center: kind == WebExperienceKind::IdentityCenter,
                kms_key,
            };
            let scope = resolve_scope(inputs, phase)?;
            if let Some(key) = &options.kms_key {
                check_place(inputs, "kms_key_arn", key.arn(), scope.partition, Some((scope.region.as_str(), "the application")));
            }
            if options.q_apps && QAPPS_UNAVAILABLE_REGIONS.contains(&scope.region.as_str()) {
                inputs.warning(
                    "q_apps",
                    "Amazon Q Apps not offered in this region",
                    format!("Amazon Q Apps is not available in {}; set q_apps = false to leave its statements out.", scope.region),
                );
            }
            WebExperienceRole::IamFederation { scope, application: application?, web_experience, options }
        }
    };
    Some(role.permissions())
}

#[cfg(test)]
mod tests {
    use crate::plugin::Value;
    use crate::provider::testing::{expect_errors, read, s, APPLICATION_ID, KEY_ARN, SECRET_ARN};

    const TYPE: &str = "qbusiness_web_experience_policy";

    #[test]
    fn default_kind_with_key_is_its_golden_document() {
        let outcome = read(TYPE, &[("application_id", s(APPLICATION_ID)), ("kms_key_arn", s(KEY_ARN))]);
        assert_eq!(outcome.json.unwrap() + "\n", include_str!("../../tests/golden/web-experience-kms.json"));
    }

    #[test]
    fn q_apps_where_they_are_not_offered_is_a_warning() {
        let outcome = read(TYPE, &[("application_id", s(APPLICATION_ID)), ("region", s("eu-west-1"))]);
        assert!(outcome.json.is_some());
        assert_eq!(
            outcome.diagnostics,
            ["warning q_apps | Amazon Q Apps not offered in this region | Amazon Q Apps is not available in eu-west-1; set q_apps = false to leave its statements out."]
        );
    }

    #[test]
    fn bad_arguments_are_errors_at_their_attribute() {
        expect_errors(
            TYPE,
            &[
                (
                    "unknown kind",
                    vec![("kind", s("idc"))],
                    "kind",
                    "Unknown kind",
                    "valid values are iam_federation, identity_center, oidc_client_secret.",
                ),
                (
                    "Q Apps for the OIDC secret role",
                    vec![("kind", s("oidc_client_secret")), ("secret_arn", s(SECRET_ARN)), ("q_apps", Value::Bool(true))],
                    "q_apps",
                    "Argument not accepted here",
                    "kind \"oidc_client_secret\" does not take q_apps; it takes secret_arn, kms_key_arn.",
                ),
                (
                    "key in another region",
                    vec![
                        ("application_id", s(APPLICATION_ID)),
                        ("kms_key_arn", s("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")),
                    ],
                    "kms_key_arn",
                    "ARN in another region",
                    "is in region eu-west-1, but the application is in us-east-1",
                ),
                (
                    "federation without application",
                    vec![("q_apps", Value::Bool(false))],
                    "application_id",
                    "Missing required argument",
                    "kind \"iam_federation\" needs application_id.",
                ),
            ],
        );
    }
}
