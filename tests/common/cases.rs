//! Every document the catalog can produce: each role and kind with each option combination.
#![allow(dead_code)]

use terraform_provider_qbusiness::catalog::{ConnectorTemplate, CONNECTORS};
use terraform_provider_qbusiness::plugin::Value;

pub const APPLICATION_ID: &str = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
pub const INDEX_ID: &str = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222";
pub const WEB_EXPERIENCE_ID: &str = "d1b2c3d4-5678-90ab-cdef-EXAMPLE44444";
pub const ACCOUNT_ID: &str = "123456789012";
pub const REGION: &str = "us-east-1";
pub const SECRET_ARN: &str = "arn:aws:secretsmanager:us-east-1:123456789012:secret:qbusiness-connector-AbCdEf";
pub const KMS_KEY_ARN: &str = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

pub struct Case {
    /// Golden file name without `.json`.
    pub name: String,
    pub data_source: &'static str,
    pub attributes: Vec<(&'static str, Value)>,
}

impl Case {
    pub fn is_trust(&self) -> bool {
        self.data_source == "qbusiness_trust_policy"
    }

    /// A permissions, trust or resource (bucket) policy.
    pub fn kind(&self) -> terraform_provider_qbusiness::policy::DocumentKind {
        use terraform_provider_qbusiness::policy::DocumentKind;
        match self.data_source {
            "qbusiness_trust_policy" => DocumentKind::Trust,
            "qbusiness_bucket_policy" => DocumentKind::Resource,
            _ => DocumentKind::Permissions,
        }
    }

    /// Whether the role takes partition/region/account_id (federated trusts and the OIDC secret
    /// role take their scope from the ARNs they are given).
    pub fn takes_scope(&self) -> bool {
        let kind = self.attributes.iter().find(|(k, _)| *k == "kind").and_then(|(_, v)| v.as_str());
        let role = self.attributes.iter().find(|(k, _)| *k == "role").and_then(|(_, v)| v.as_str());
        !matches!(kind, Some("web_experience_saml" | "web_experience_oidc" | "oidc_client_secret"))
            && role != Some("plugin")
            && self.data_source != "qbusiness_bucket_policy"
    }

    pub fn config(&self) -> Value {
        Value::object(self.attributes.iter().cloned())
    }
}

fn s(text: &str) -> Value {
    Value::string(text)
}

fn list(items: &[&str]) -> Value {
    Value::List(items.iter().map(|i| s(i)).collect())
}

type Attributes = Vec<(&'static str, Value)>;

/// Option sets a connector of each template is tried with, by name; each includes what the
/// template requires.
fn connector_variants(template: ConnectorTemplate) -> Vec<(&'static str, Attributes)> {
    let vpc = vec![("vpc", Value::Bool(true))];
    let placed = vec![
        ("subnet_ids", list(&["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"])),
        ("security_group_ids", list(&["sg-0123456789abcdef0"])),
    ];
    let kms = vec![("kms_key_arn", s(KMS_KEY_ARN))];
    let secret = vec![("secret_arn", s(SECRET_ARN))];
    let certificate = vec![("ssl_certificate_bucket", s("my-db-certificates")), ("ssl_certificate_key_prefix", s("rds/"))];
    let seed_urls = vec![("seed_urls_bucket", s("my-crawler-config")), ("seed_urls_key_prefix", s("seeds/"))];
    let with = |parts: &[&Attributes]| -> Attributes { parts.iter().flat_map(|p| p.iter().cloned()).collect() };
    match template {
        ConnectorTemplate::S3 | ConnectorTemplate::Saas | ConnectorTemplate::Server => {
            let base = if template == ConnectorTemplate::S3 { vec![("bucket", s("my-docs"))] } else { secret.clone() };
            let mut variants = vec![
                ("minimal", base.clone()),
                ("kms", with(&[&base, &kms])),
                ("vpc", with(&[&base, &vpc])),
                ("vpc-placed", with(&[&base, &placed])),
                ("all", with(&[&base, &kms, &vpc, &placed])),
            ];
            if template == ConnectorTemplate::S3 {
                // A bucket of another account (AWS's current S3 page), and the role without iam:PassRole.
                variants.push(("cross-account", with(&[&base, &vec![("bucket_account_id", s("210987654321"))]])));
                variants.push(("no-pass-role", with(&[&base, &vec![("pass_role", Value::Bool(false))]])));
            }
            if template == ConnectorTemplate::Server {
                variants.push(("certificate", with(&[&base, &certificate])));
                variants.push(("certificate-bucket", with(&[&base, &certificate[..1].to_vec()])));
                variants.push(("all-certificate", with(&[&base, &kms, &vpc, &placed, &certificate])));
            }
            variants
        }
        ConnectorTemplate::SaasNoVpc => vec![
            ("minimal", secret.clone()),
            ("kms", with(&[&secret, &kms])),
            ("certificate", with(&[&secret, &certificate])),
            ("all", with(&[&secret, &kms, &certificate])),
        ],
        ConnectorTemplate::FileSystem => {
            vec![("minimal", with(&[&secret, &vpc])), ("kms", with(&[&secret, &kms, &vpc])), ("vpc-placed", with(&[&secret, &placed]))]
        }
        ConnectorTemplate::WebCrawler => vec![
            ("minimal", vec![]),
            ("auth", secret.clone()),
            ("auth-kms", with(&[&secret, &kms])),
            ("seed-urls", seed_urls.clone()),
            ("vpc", vpc.clone()),
            ("all", with(&[&secret, &kms, &seed_urls, &vpc, &placed])),
        ],
    }
}

pub fn all() -> Vec<Case> {
    let mut cases = Vec::new();
    for connector in CONNECTORS {
        for (variant, options) in connector_variants(connector.template) {
            let mut attributes = vec![("connector", s(connector.id)), ("application_id", s(APPLICATION_ID)), ("index_id", s(INDEX_ID))];
            attributes.extend(options);
            cases.push(Case {
                name: format!("connector-{}-{variant}", connector.id),
                data_source: "qbusiness_connector_policy",
                attributes,
            });
        }
    }
    // The user's own statements: a statement block, a source document and an override document.
    let statement = Value::List(vec![Value::object([
        ("sid", s("ReadObjectTags")),
        ("actions", list(&["s3:GetObjectTagging"])),
        ("resources", list(&["arn:aws:s3:::my-docs/*"])),
        (
            "condition",
            Value::List(vec![Value::object([
                ("test", s("StringEquals")),
                ("variable", s("aws:ResourceAccount")),
                ("values", list(&[ACCOUNT_ID])),
            ])]),
        ),
    ])]);
    let source = r#"{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Action":"s3:*","Resource":["arn:aws:s3:::my-docs","arn:aws:s3:::my-docs/*"],"Condition":{"Bool":{"aws:SecureTransport":false}}}]}"#;
    let override_document = r#"{"Version":"2012-10-17","Statement":[{"Sid":"AllowsAmazonQToListS3Buckets","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::my-docs","Condition":{"StringLike":{"s3:prefix":["public/*"]},"StringEquals":{"aws:ResourceAccount":"123456789012"}}}]}"#;
    cases.push(Case {
        name: "connector-s3-additions".into(),
        data_source: "qbusiness_connector_policy",
        attributes: vec![
            ("connector", s("s3")),
            ("application_id", s(APPLICATION_ID)),
            ("index_id", s(INDEX_ID)),
            ("bucket", s("my-docs")),
            ("statement", statement),
            ("source_policy_documents", list(&[source])),
            ("override_policy_documents", list(&[override_document])),
        ],
    });

    let application = |name: &str, attributes: Vec<(&'static str, Value)>| Case {
        name: format!("application-{name}"),
        data_source: "qbusiness_application_policy",
        attributes,
    };
    cases.push(application("default", vec![]));
    cases.push(application("user-subscriptions", vec![("user_subscriptions", Value::Bool(true))]));
    cases.push(application(
        "user-subscriptions-scoped",
        vec![("user_subscriptions", Value::Bool(true)), ("application_id", s(APPLICATION_ID))],
    ));

    let web = |name: &str, attributes: Vec<(&'static str, Value)>| Case {
        name: format!("web-experience-{name}"),
        data_source: "qbusiness_web_experience_policy",
        attributes,
    };
    let app = ("application_id", s(APPLICATION_ID));
    let off = |name: &'static str| (name, Value::Bool(false));
    cases.push(web("default", vec![app.clone()]));
    cases.push(web("kms", vec![app.clone(), ("kms_key_arn", s(KMS_KEY_ARN))]));
    cases.push(web("kms-no-q-apps", vec![app.clone(), ("kms_key_arn", s(KMS_KEY_ARN)), off("q_apps")]));
    cases.push(web("minimal", vec![app.clone(), off("q_apps"), off("plugins"), off("auto_subscription")]));
    cases.push(web("scoped", vec![app.clone(), ("web_experience_id", s(WEB_EXPERIENCE_ID)), off("plugins")]));
    cases.push(web("oidc-client-secret", vec![("kind", s("oidc_client_secret")), ("secret_arn", s(SECRET_ARN))]));
    cases.push(web(
        "oidc-client-secret-kms",
        vec![("kind", s("oidc_client_secret")), ("secret_arn", s(SECRET_ARN)), ("kms_key_arn", s(KMS_KEY_ARN))],
    ));

    cases.push(web("identity-center", vec![("kind", s("identity_center")), app.clone()]));

    let role = |name: &str, attributes: Vec<(&'static str, Value)>| Case {
        name: format!("role-{name}"),
        data_source: "qbusiness_role_policy",
        attributes,
    };
    cases.push(role(
        "kendra-retriever",
        vec![("role", s("kendra_retriever")), ("kendra_index_id", s("e1b2c3d4-5678-90ab-cdef-EXAMPLE55555"))],
    ));
    cases.push(role("plugin", vec![("role", s("plugin")), ("secret_arn", s(SECRET_ARN))]));
    cases.push(role("plugin-kms", vec![("role", s("plugin")), ("secret_arn", s(SECRET_ARN)), ("kms_key_arn", s(KMS_KEY_ARN))]));
    let function = ("lambda_function_arn", s("arn:aws:lambda:us-east-1:123456789012:function:qbusiness-pre-extraction"));
    cases.push(role("document-enrichment", vec![("role", s("document_enrichment")), function.clone(), ("bucket", s("my-enrichment"))]));
    cases.push(role(
        "document-enrichment-kms",
        vec![("role", s("document_enrichment")), function, ("bucket", s("my-enrichment")), ("kms_key_arn", s(KMS_KEY_ARN))],
    ));
    cases.push(role("anonymous-application", vec![("role", s("anonymous_application")), app.clone()]));

    let trust = |name: &str, attributes: Vec<(&'static str, Value)>| Case {
        name: format!("trust-{name}"),
        data_source: "qbusiness_trust_policy",
        attributes,
    };
    cases.push(trust("connector", vec![("kind", s("connector")), ("application_id", s(APPLICATION_ID))]));
    cases.push(Case {
        name: "bucket-policy-cross-account".into(),
        data_source: "qbusiness_bucket_policy",
        // The other side of connector-s3-cross-account: its bucket, its role (tests/proofs.rs runs both).
        attributes: vec![("bucket", s("my-docs")), ("connector_role_arn", s("arn:aws:iam::123456789012:role/qbusiness-s3-connector"))],
    });
    cases.push(trust("application", vec![("kind", s("application"))]));
    cases.push(trust("application-scoped", vec![("kind", s("application")), ("application_id", s(APPLICATION_ID))]));
    cases.push(trust("oidc-secret", vec![("kind", s("oidc_secret")), ("application_id", s(APPLICATION_ID))]));
    for kind in ["web_experience_identity_center", "kendra_retriever", "plugin", "document_enrichment"] {
        cases.push(trust(&kind.replace('_', "-"), vec![("kind", s(kind)), ("application_id", s(APPLICATION_ID))]));
    }
    cases.push(trust(
        "web-experience-saml",
        vec![
            ("kind", s("web_experience_saml")),
            ("saml_provider_arn", s("arn:aws:iam::123456789012:saml-provider/corporate-idp")),
            ("web_experience_url", s("https://abcd1234.chat.qbusiness.us-east-1.on.aws")),
        ],
    ));
    cases.push(trust(
        "web-experience-oidc",
        vec![
            ("kind", s("web_experience_oidc")),
            ("oidc_provider_arn", s("arn:aws:iam::123456789012:oidc-provider/login.example.com/tenant")),
            ("client_ids", list(&["qbusiness-web", "qbusiness-mobile"])),
        ],
    ));
    // An issuer the policy simulator knows the condition keys of (tests/proofs.rs).
    cases.push(trust(
        "web-experience-oidc-google",
        vec![
            ("kind", s("web_experience_oidc")),
            ("oidc_provider_arn", s("arn:aws:iam::123456789012:oidc-provider/accounts.google.com")),
            ("client_ids", list(&["qbusiness-web", "qbusiness-mobile"])),
        ],
    ));
    cases
}
