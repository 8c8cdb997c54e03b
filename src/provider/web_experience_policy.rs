//! Data source `qbusiness_web_experience_policy`: the permissions policy of a web experience role.

use crate::catalog::availability::QAPPS_UNAVAILABLE_REGIONS;
use crate::catalog::{ResourceId, WebExperienceOptions, WebExperienceRole};
use crate::plugin::{Attribute, Block, Type, Value};
use crate::policy::DocumentKind;

use super::config::{resolve_scope, ProviderDefaults};
use super::connector_policy::{parse_kms_key_arn, parse_secret_arn};
use super::document_output::{document_block, finish, permissions_limit, read_additions};
use super::inputs::Inputs;
use super::DataSource;

pub const TYPE_NAME: &str = "qbusiness_web_experience_policy";

const FEDERATION_ARGUMENTS: &[&str] =
    &["application_id", "web_experience_id", "q_apps", "plugins", "auto_subscription", "kms_key_arn", "partition", "region", "account_id"];
const KINDS: [(&str, &[&str]); 3] = [
    ("iam_federation", FEDERATION_ARGUMENTS),
    // The Identity Center web experience's role needs the same permissions; its trust differs.
    ("identity_center", FEDERATION_ARGUMENTS),
    ("oidc_client_secret", &["secret_arn", "kms_key_arn"]),
];
const KIND_ARGUMENTS: [&str; 10] = [
    "application_id",
    "web_experience_id",
    "q_apps",
    "plugins",
    "auto_subscription",
    "kms_key_arn",
    "secret_arn",
    "partition",
    "region",
    "account_id",
];

pub struct WebExperiencePolicy;

impl DataSource for WebExperiencePolicy {
    fn type_name(&self) -> &'static str {
        TYPE_NAME
    }

    fn schema(&self) -> Block {
        let attributes = vec![
            Attribute::optional(
                "kind",
                Type::String,
                "`iam_federation` (default): the role users assume through SAML or OIDC federation. `identity_center`: the role of a web experience with IAM Identity Center (same permissions, its own trust kind). `oidc_client_secret`: the role that reads the OIDC client secret.",
            ),
            Attribute::optional("application_id", Type::String, "`iam_federation`: id of the Amazon Q Business application."),
            Attribute::optional(
                "web_experience_id",
                Type::String,
                "`iam_federation`: id of the web experience; any web experience of the application when omitted (the role exists before it).",
            ),
            Attribute::optional("q_apps", Type::Bool, "`iam_federation`: users can create and run Amazon Q Apps (default true)."),
            Attribute::optional("plugins", Type::Bool, "`iam_federation`: users can discover and use plugins (default true)."),
            Attribute::optional(
                "auto_subscription",
                Type::Bool,
                "`iam_federation`: users are subscribed on first sign-in (default true).",
            ),
            Attribute::optional(
                "kms_key_arn",
                Type::String,
                "The customer managed KMS key of the application (`iam_federation`) or of the secret (`oidc_client_secret`).",
            ),
            Attribute::optional("secret_arn", Type::String, "`oidc_client_secret`: ARN of the Secrets Manager secret holding the client secret."),
        ];
        document_block(
            "The permissions policy of an Amazon Q Business web experience role with IAM federation, or of the role that reads its OIDC client secret.",
            attributes,
            "in this policy (`iam_federation`)",
            DocumentKind::Permissions,
        )
    }

    fn build(&self, config: &Value, inputs: &mut Inputs<'_>, defaults: Option<&ProviderDefaults>) -> Option<Value> {
        let (kind, _) = inputs.choose_kind("kind", &KINDS, Some("iam_federation"), &KIND_ARGUMENTS)?;
        let who = format!("kind {kind:?}");
        let additions = read_additions(inputs, DocumentKind::Permissions);
        let limit = permissions_limit(inputs);
        let kms_key = inputs.parsed_with("kms_key_arn", parse_kms_key_arn);
        let role = if kind == "oidc_client_secret" {
            inputs.require(&["secret_arn"], &who);
            let secret = inputs.parsed_with("secret_arn", parse_secret_arn);
            if inputs.has_errors() || inputs.incomplete || defaults.is_none() {
                return None;
            }
            WebExperienceRole::OidcClientSecret { secret: secret?, kms_key }
        } else {
            inputs.require(&["application_id"], &who);
            let application = inputs.parsed::<ResourceId>("application_id");
            let web_experience = inputs.parsed::<ResourceId>("web_experience_id");
            let options = WebExperienceOptions {
                q_apps: inputs.bool("q_apps").unwrap_or(true),
                plugins: inputs.bool("plugins").unwrap_or(true),
                auto_subscription: inputs.bool("auto_subscription").unwrap_or(true),
                kms_key,
            };
            let scope = resolve_scope(inputs, defaults)?;
            if let Some(key) = &options.kms_key {
                if key.region != scope.region || key.partition != scope.partition {
                    inputs.error(
                        "kms_key_arn",
                        "Key outside the application's region",
                        format!(
                            "{key} is in region {}, but the application is in {}; Amazon Q Business uses a key of its own region.",
                            key.region, scope.region
                        ),
                    );
                }
            }
            if options.q_apps && QAPPS_UNAVAILABLE_REGIONS.contains(&scope.region.as_str()) {
                inputs.warning(
                    "q_apps",
                    "Amazon Q Apps not offered in this region",
                    format!("Amazon Q Apps is not available in {}; set q_apps = false to leave its statements out.", scope.region),
                );
            }
            if inputs.has_errors() || inputs.incomplete {
                return None;
            }
            WebExperienceRole::IamFederation { scope, application: application?, web_experience, options }
        };
        finish(config, inputs, role.permissions(), &additions, DocumentKind::Permissions, limit)
    }
}
