//! Data source `qbusiness_web_experience_policy`: the permissions policy of a web experience role.

use crate::catalog::arguments::{self as args, Name};
use crate::catalog::arns::{KmsKeyArn, SecretArn};
use crate::catalog::availability::QAPPS_UNAVAILABLE_REGIONS;
use crate::catalog::requests::{self, kind_names, kind_takes, Family};
use crate::catalog::sources::source_of;
use crate::catalog::trust::trusts_of;
use crate::catalog::{Kind, ResourceId, WebExperienceKind, WebExperienceOptions, WebExperienceRole};
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
        WebExperienceKind::Anonymous => "the role of a web experience with anonymous access: chat and feedback only, and its own trust kind",
    }
}

/// The kind of a configuration that leaves `kind` out.
const DEFAULT_KIND: WebExperienceKind = WebExperienceKind::IamFederation;

/// The data source `qbusiness_web_experience_policy`.
pub static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_web_experience_policy",
    description: "The permissions policy of an Amazon Q Business web experience role with IAM federation, or of the role that reads its OIDC client secret.",
    function: FunctionTwin {
        name: "web_experience_policy",
        selector: None,
        output: args::JSON,
        summary: "The permissions policy of a web experience role, as JSON.",
    },
    requests: Some(Family {
        expectations: requests::WEB_EXPERIENCE,
        selector: Some(args::KIND),
        default_kind: Some(|| DEFAULT_KIND.name()),
        kinds: kind_names::<WebExperienceKind>,
        takes: kind_takes::<WebExperienceKind>,
        examples: requests::WEB_EXPERIENCE_EXAMPLES,
        trusts: trusts_of::<WebExperienceKind>,
        source: source_of::<WebExperienceKind>,
    }),
    body: Body::Document(DocumentSpec { kind: DocumentKind::Permissions, arguments, scope_note: Some(scope_note), build }),
};

fn arguments() -> Vec<Attribute> {
    let described = |name: Name, text: &str| format!("{}{text}", taken_by::<WebExperienceKind>(name));
    vec![
        Attribute::optional(args::KIND, Type::String, &selector_description::<WebExperienceKind>("Which role", summary)),
        Attribute::optional(
            args::APPLICATION_ID,
            Type::String,
            &described(args::APPLICATION_ID, "id of the Amazon Q Business application."),
        ),
        Attribute::optional(
            args::WEB_EXPERIENCE_ID,
            Type::String,
            &described(
                args::WEB_EXPERIENCE_ID,
                "id of the web experience; any web experience of the application when omitted (the role exists before it).",
            ),
        ),
        Attribute::optional(args::Q_APPS, Type::Bool, &described(args::Q_APPS, "users can create and run Amazon Q Apps (default true).")),
        Attribute::optional(args::PLUGINS, Type::Bool, &described(args::PLUGINS, "users can discover and use plugins (default true).")),
        Attribute::optional(
            args::QUICKSIGHT_PLUGIN,
            Type::Bool,
            &described(
                args::QUICKSIGHT_PLUGIN,
                "users have the Amazon Quick (QuickSight) plugin, which embeds Quick for them (default false).",
            ),
        ),
        Attribute::optional(
            args::AUTO_SUBSCRIPTION,
            Type::Bool,
            &described(args::AUTO_SUBSCRIPTION, "users are subscribed on first sign-in (default true)."),
        ),
        Attribute::optional(
            args::KMS_KEY_ARN,
            Type::String,
            &described(args::KMS_KEY_ARN, "the customer managed KMS key of the application, or of the secret (`oidc_client_secret`)."),
        ),
        Attribute::optional(
            args::SECRET_ARN,
            Type::String,
            &described(args::SECRET_ARN, "ARN of the Secrets Manager secret holding the client secret."),
        ),
    ]
}

fn scope_note() -> String {
    scope_note_of::<WebExperienceKind>(args::KIND)
}

fn build(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<PolicyDocument> {
    let kind = inputs.kind(args::KIND, Some(DEFAULT_KIND))?;
    let kms_key: Option<KmsKeyArn> = inputs.arn(args::KMS_KEY_ARN);
    let role = match kind {
        WebExperienceKind::OidcClientSecret => {
            let secret: SecretArn = inputs.arn(args::SECRET_ARN)?;
            if let Some(key) = &kms_key {
                let place = secret.arn();
                check_place(inputs, args::KMS_KEY_ARN, key.arn(), place.partition, Some((place.region.as_str(), "the secret")));
            }
            WebExperienceRole::OidcClientSecret { secret, kms_key }
        }
        WebExperienceKind::Anonymous => {
            let application = inputs.parsed::<ResourceId>(args::APPLICATION_ID);
            let scope = resolve_scope(inputs, phase)?;
            WebExperienceRole::Anonymous { scope, application: application? }
        }
        WebExperienceKind::IamFederation | WebExperienceKind::IdentityCenter => {
            let application = inputs.parsed::<ResourceId>(args::APPLICATION_ID);
            let web_experience = inputs.parsed::<ResourceId>(args::WEB_EXPERIENCE_ID);
            let options = WebExperienceOptions {
                q_apps: inputs.bool(args::Q_APPS).unwrap_or(true),
                plugins: inputs.bool(args::PLUGINS).unwrap_or(true),
                auto_subscription: inputs.bool(args::AUTO_SUBSCRIPTION).unwrap_or(true),
                identity_center: kind == WebExperienceKind::IdentityCenter,
                quicksight_plugin: inputs.bool(args::QUICKSIGHT_PLUGIN).unwrap_or(false),
                kms_key,
            };
            let scope = resolve_scope(inputs, phase)?;
            if let Some(key) = &options.kms_key {
                check_place(inputs, args::KMS_KEY_ARN, key.arn(), scope.partition, Some((scope.region.as_str(), "the application")));
            }
            if options.q_apps && QAPPS_UNAVAILABLE_REGIONS.contains(&scope.region.as_str()) {
                inputs.warning(
                    args::Q_APPS,
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
    use crate::catalog::arguments as args;
    use crate::provider::testing::{read, s, APPLICATION_ID, KEY_ARN};

    const TYPE: &str = super::DESCRIPTOR.type_name;

    #[test]
    fn default_kind_with_key_is_its_golden_document() {
        let outcome = read(TYPE, &[(args::APPLICATION_ID, s(APPLICATION_ID)), (args::KMS_KEY_ARN, s(KEY_ARN))]);
        assert_eq!(outcome.json.unwrap() + "\n", include_str!("../../tests/golden/web-experience-kms.json"));
    }

    #[test]
    fn q_apps_where_they_are_not_offered_is_a_warning() {
        let outcome = read(TYPE, &[(args::APPLICATION_ID, s(APPLICATION_ID)), (args::REGION, s("eu-west-1"))]);
        assert!(outcome.json.is_some());
        assert_eq!(
            outcome.diagnostics,
            ["warning q_apps | Amazon Q Apps not offered in this region | Amazon Q Apps is not available in eu-west-1; set q_apps = false to leave its statements out."]
        );
    }
}
