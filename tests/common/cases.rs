//! Every document the catalog can produce: each role and kind with each option combination.
#![allow(dead_code)]

use terraform_provider_qbusiness::catalog::arguments::{self as args, Name};
use terraform_provider_qbusiness::catalog::{ConnectorTemplate, CONNECTORS};
use terraform_provider_qbusiness::plugin::Value;
use terraform_provider_qbusiness::provider::descriptor as descriptors;

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
    pub attributes: Vec<(Name, Value)>,
}

impl Case {
    pub fn is_trust(&self) -> bool {
        self.data_source == descriptors::TRUST_POLICY.type_name
    }

    /// A permissions, trust or resource (bucket) policy.
    pub fn kind(&self) -> terraform_provider_qbusiness::policy::DocumentKind {
        use terraform_provider_qbusiness::policy::DocumentKind;
        descriptors::descriptor(self.data_source).and_then(|d| d.document_kind()).unwrap_or(DocumentKind::Permissions)
    }

    /// Whether the role takes partition/region/account_id (federated trusts and the OIDC secret
    /// role take their scope from the ARNs they are given).
    pub fn takes_scope(&self) -> bool {
        let kind = self.attributes.iter().find(|(k, _)| *k == args::KIND).and_then(|(_, v)| v.as_str());
        let role = self.attributes.iter().find(|(k, _)| *k == args::ROLE).and_then(|(_, v)| v.as_str());
        !matches!(kind, Some("web_experience_saml" | "web_experience_oidc" | "oidc_client_secret"))
            && role != Some("plugin")
            && self.data_source != descriptors::BUCKET_POLICY.type_name
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

type Attributes = Vec<(Name, Value)>;

/// Option sets a connector of each template is tried with, by name; each includes what the
/// template requires.
fn connector_variants(template: ConnectorTemplate) -> Vec<(&'static str, Attributes)> {
    let vpc = vec![(args::VPC, Value::Bool(true))];
    let placed = vec![
        (args::SUBNET_IDS, list(&["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"])),
        (args::SECURITY_GROUP_IDS, list(&["sg-0123456789abcdef0"])),
    ];
    let kms = vec![(args::KMS_KEY_ARN, s(KMS_KEY_ARN))];
    let secret = vec![(args::SECRET_ARN, s(SECRET_ARN))];
    let certificate = vec![(args::SSL_CERTIFICATE_BUCKET, s("my-db-certificates")), (args::SSL_CERTIFICATE_KEY_PREFIX, s("rds/"))];
    let seed_urls = vec![(args::SEED_URLS_BUCKET, s("my-crawler-config")), (args::SEED_URLS_KEY_PREFIX, s("seeds/"))];
    let with = |parts: &[&Attributes]| -> Attributes { parts.iter().flat_map(|p| p.iter().cloned()).collect() };
    match template {
        ConnectorTemplate::S3 | ConnectorTemplate::Saas | ConnectorTemplate::Server => {
            let base = if template == ConnectorTemplate::S3 { vec![(args::BUCKET, s("my-docs"))] } else { secret.clone() };
            let mut variants = vec![
                ("minimal", base.clone()),
                ("kms", with(&[&base, &kms])),
                ("vpc", with(&[&base, &vpc])),
                ("vpc-placed", with(&[&base, &placed])),
                ("all", with(&[&base, &kms, &vpc, &placed])),
            ];
            if template == ConnectorTemplate::S3 {
                // A bucket of another account (AWS's current S3 page), and the role without iam:PassRole.
                variants.push(("cross-account", with(&[&base, &vec![(args::BUCKET_ACCOUNT_ID, s("210987654321"))]])));
                variants.push(("no-pass-role", with(&[&base, &vec![(args::PASS_ROLE, Value::Bool(false))]])));
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
            let mut attributes =
                vec![(args::CONNECTOR, s(connector.id)), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::INDEX_ID, s(INDEX_ID))];
            attributes.extend(options);
            cases.push(Case {
                name: format!("connector-{}-{variant}", connector.id),
                data_source: descriptors::CONNECTOR_POLICY.type_name,
                attributes,
            });
        }
    }
    // The user's own statements: a statement block, a source document and an override document.
    let statement = Value::List(vec![Value::object([
        (args::SID, s("ReadObjectTags")),
        (args::ACTIONS, list(&["s3:GetObjectTagging"])),
        (args::RESOURCES, list(&["arn:aws:s3:::my-docs/*"])),
        (
            args::CONDITION,
            Value::List(vec![Value::object([
                (args::TEST, s("StringEquals")),
                (args::VARIABLE, s("aws:ResourceAccount")),
                (args::VALUES, list(&[ACCOUNT_ID])),
            ])]),
        ),
    ])]);
    let source = r#"{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Action":"s3:*","Resource":["arn:aws:s3:::my-docs","arn:aws:s3:::my-docs/*"],"Condition":{"Bool":{"aws:SecureTransport":false}}}]}"#;
    let override_document = r#"{"Version":"2012-10-17","Statement":[{"Sid":"AllowsAmazonQToListS3Buckets","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::my-docs","Condition":{"StringLike":{"s3:prefix":["public/*"]},"StringEquals":{"aws:ResourceAccount":"123456789012"}}}]}"#;
    cases.push(Case {
        name: "connector-s3-additions".into(),
        data_source: descriptors::CONNECTOR_POLICY.type_name,
        attributes: vec![
            (args::CONNECTOR, s("s3")),
            (args::APPLICATION_ID, s(APPLICATION_ID)),
            (args::INDEX_ID, s(INDEX_ID)),
            (args::BUCKET, s("my-docs")),
            (args::STATEMENT, statement),
            (args::SOURCE_POLICY_DOCUMENTS, list(&[source])),
            (args::OVERRIDE_POLICY_DOCUMENTS, list(&[override_document])),
        ],
    });

    let application = |name: &str, attributes: Vec<(Name, Value)>| Case {
        name: format!("application-{name}"),
        data_source: descriptors::APPLICATION_POLICY.type_name,
        attributes,
    };
    cases.push(application("default", vec![]));
    cases.push(application("user-subscriptions", vec![(args::USER_SUBSCRIPTIONS, Value::Bool(true))]));
    cases.push(application(
        "user-subscriptions-scoped",
        vec![(args::USER_SUBSCRIPTIONS, Value::Bool(true)), (args::APPLICATION_ID, s(APPLICATION_ID))],
    ));

    let web = |name: &str, attributes: Vec<(Name, Value)>| Case {
        name: format!("web-experience-{name}"),
        data_source: descriptors::WEB_EXPERIENCE_POLICY.type_name,
        attributes,
    };
    let app = (args::APPLICATION_ID, s(APPLICATION_ID));
    let off = |name: Name| (name, Value::Bool(false));
    cases.push(web("default", vec![app.clone()]));
    cases.push(web("kms", vec![app.clone(), (args::KMS_KEY_ARN, s(KMS_KEY_ARN))]));
    cases.push(web("kms-no-q-apps", vec![app.clone(), (args::KMS_KEY_ARN, s(KMS_KEY_ARN)), off(args::Q_APPS)]));
    cases.push(web("minimal", vec![app.clone(), off(args::Q_APPS), off(args::PLUGINS), off(args::AUTO_SUBSCRIPTION)]));
    cases.push(web("scoped", vec![app.clone(), (args::WEB_EXPERIENCE_ID, s(WEB_EXPERIENCE_ID)), off(args::PLUGINS)]));
    cases.push(web("oidc-client-secret", vec![(args::KIND, s("oidc_client_secret")), (args::SECRET_ARN, s(SECRET_ARN))]));
    cases.push(web(
        "oidc-client-secret-kms",
        vec![(args::KIND, s("oidc_client_secret")), (args::SECRET_ARN, s(SECRET_ARN)), (args::KMS_KEY_ARN, s(KMS_KEY_ARN))],
    ));

    cases.push(web("identity-center", vec![(args::KIND, s("identity_center")), app.clone()]));

    let role = |name: &str, attributes: Vec<(Name, Value)>| Case {
        name: format!("role-{name}"),
        data_source: descriptors::ROLE_POLICY.type_name,
        attributes,
    };
    cases.push(role(
        "kendra-retriever",
        vec![(args::ROLE, s("kendra_retriever")), (args::KENDRA_INDEX_ID, s("e1b2c3d4-5678-90ab-cdef-EXAMPLE55555"))],
    ));
    cases.push(role("plugin", vec![(args::ROLE, s("plugin")), (args::SECRET_ARN, s(SECRET_ARN))]));
    cases.push(role("plugin-kms", vec![(args::ROLE, s("plugin")), (args::SECRET_ARN, s(SECRET_ARN)), (args::KMS_KEY_ARN, s(KMS_KEY_ARN))]));
    let function = (args::LAMBDA_FUNCTION_ARN, s("arn:aws:lambda:us-east-1:123456789012:function:qbusiness-pre-extraction"));
    cases.push(role(
        "document-enrichment",
        vec![(args::ROLE, s("document_enrichment")), function.clone(), (args::BUCKET, s("my-enrichment"))],
    ));
    cases.push(role(
        "document-enrichment-kms",
        vec![(args::ROLE, s("document_enrichment")), function, (args::BUCKET, s("my-enrichment")), (args::KMS_KEY_ARN, s(KMS_KEY_ARN))],
    ));
    cases.push(role("anonymous-application", vec![(args::ROLE, s("anonymous_application")), app.clone()]));

    let trust = |name: &str, attributes: Vec<(Name, Value)>| Case {
        name: format!("trust-{name}"),
        data_source: descriptors::TRUST_POLICY.type_name,
        attributes,
    };
    cases.push(trust("connector", vec![(args::KIND, s("connector")), (args::APPLICATION_ID, s(APPLICATION_ID))]));
    cases.push(Case {
        name: "bucket-policy-cross-account".into(),
        data_source: descriptors::BUCKET_POLICY.type_name,
        // The other side of connector-s3-cross-account: its bucket, its role (tests/proofs.rs runs both).
        attributes: vec![
            (args::BUCKET, s("my-docs")),
            (args::CONNECTOR_ROLE_ARN, s("arn:aws:iam::123456789012:role/qbusiness-s3-connector")),
        ],
    });
    cases.push(trust("application", vec![(args::KIND, s("application"))]));
    cases.push(trust("application-scoped", vec![(args::KIND, s("application")), (args::APPLICATION_ID, s(APPLICATION_ID))]));
    cases.push(trust("oidc-secret", vec![(args::KIND, s("oidc_secret")), (args::APPLICATION_ID, s(APPLICATION_ID))]));
    for kind in ["web_experience_identity_center", "kendra_retriever", "plugin", "document_enrichment"] {
        cases.push(trust(&kind.replace('_', "-"), vec![(args::KIND, s(kind)), (args::APPLICATION_ID, s(APPLICATION_ID))]));
    }
    cases.push(trust(
        "web-experience-saml",
        vec![
            (args::KIND, s("web_experience_saml")),
            (args::SAML_PROVIDER_ARN, s("arn:aws:iam::123456789012:saml-provider/corporate-idp")),
            (args::WEB_EXPERIENCE_URL, s("https://abcd1234.chat.qbusiness.us-east-1.on.aws")),
        ],
    ));
    cases.push(trust(
        "web-experience-oidc",
        vec![
            (args::KIND, s("web_experience_oidc")),
            (args::OIDC_PROVIDER_ARN, s("arn:aws:iam::123456789012:oidc-provider/login.example.com/tenant")),
            (args::CLIENT_IDS, list(&["qbusiness-web", "qbusiness-mobile"])),
        ],
    ));
    // An issuer the policy simulator knows the condition keys of (tests/proofs.rs).
    cases.push(trust(
        "web-experience-oidc-google",
        vec![
            (args::KIND, s("web_experience_oidc")),
            (args::OIDC_PROVIDER_ARN, s("arn:aws:iam::123456789012:oidc-provider/accounts.google.com")),
            (args::CLIENT_IDS, list(&["qbusiness-web", "qbusiness-mobile"])),
        ],
    ));
    cases
}
