//! Every document the catalog can produce: each role and kind with each option combination.
#![allow(dead_code)]

use terraform_provider_qbusiness::catalog::arguments::{self as args, Name};
use terraform_provider_qbusiness::catalog::{ConnectorTemplate, TrustKind, CONNECTORS};
use terraform_provider_qbusiness::plugin::Value;
use terraform_provider_qbusiness::provider::descriptor as descriptors;

use terraform_provider_qbusiness::catalog::examples::ExampleValue;
use terraform_provider_qbusiness::catalog::examples::{ACCOUNT_ID, APPLICATION_ID, INDEX_ID, KMS_KEY_ARN, SECRET_ARN};

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
    /// role take their scope from the ARNs they are given), as its family says.
    pub fn takes_scope(&self) -> bool {
        takes_scope(self.data_source, &self.attributes)
    }

    /// The kind its family's selector (or default) gives it.
    pub fn selected_kind(&self) -> Option<&str> {
        selected_kind(self.data_source, &self.attributes)
    }

    /// The trust kinds its role is assumed through, as its family says (none for a trust or
    /// resource policy).
    pub fn trusts(&self) -> &'static [TrustKind] {
        descriptors::descriptor(self.data_source).and_then(|d| d.requests).map_or(&[], |family| (family.trusts)(self.selected_kind()))
    }

    pub fn config(&self) -> Value {
        Value::object(self.attributes.iter().cloned())
    }
}

/// Whether a configuration of `data_source` takes partition/region/account_id, as its family says
/// of the kind `attributes` select (`false` for a data source that makes no document).
pub fn takes_scope(data_source: &str, attributes: &[(Name, Value)]) -> bool {
    descriptors::descriptor(data_source)
        .and_then(|d| d.requests)
        .is_some_and(|family| family.takes_scope(selected_kind(data_source, attributes)))
}

/// The kind a configuration of `data_source` has: its family's selector's value, else its default.
fn selected_kind<'a>(data_source: &str, attributes: &'a [(Name, Value)]) -> Option<&'a str> {
    let value = |name: Name| attributes.iter().rev().find(|(k, _)| *k == name).and_then(|(_, v)| v.as_str());
    descriptors::descriptor(data_source).and_then(|d| d.requests).and_then(|family| family.kind_of(&value))
}

fn s(text: &str) -> Value {
    Value::string(text)
}

fn list(items: &[&str]) -> Value {
    Value::List(items.iter().map(|i| s(i)).collect())
}

fn example_value(value: ExampleValue) -> Value {
    match value {
        ExampleValue::Text(text) => s(text),
        ExampleValue::Flag(flag) => Value::Bool(flag),
        ExampleValue::List(items) => list(items),
    }
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
    let certificate_key =
        vec![(args::SSL_CERTIFICATE_KMS_KEY_ARN, s("arn:aws:kms:us-east-1:123456789012:key/9876fedc-12ab-34cd-56ef-1234567890ab"))];
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
                let own_role = "arn:aws:iam::123456789012:role/qbusiness-s3-data-source";
                variants.push(("pass-role-arns", with(&[&base, &vec![(args::PASS_ROLE_ARNS, list(&[own_role]))]])));
            }
            if template == ConnectorTemplate::Server {
                variants.push(("certificate", with(&[&base, &certificate])));
                variants.push(("certificate-bucket", with(&[&base, &certificate[..1].to_vec()])));
                variants.push(("certificate-kms", with(&[&base, &certificate, &certificate_key])));
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
            vec![
                ("minimal", with(&[&secret, &vpc])),
                ("kms", with(&[&secret, &kms, &vpc])),
                ("vpc-placed", with(&[&secret, &placed])),
                ("certificate", with(&[&secret, &vpc, &certificate])),
            ]
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

    // Every other family's goldens are its example configurations, beside its request rows.
    for descriptor in descriptors::DESCRIPTORS {
        for example in descriptor.requests.iter().flat_map(|family| family.examples) {
            cases.push(Case {
                name: example.name.to_owned(),
                data_source: descriptor.type_name,
                attributes: example.arguments.iter().map(|(name, value)| (*name, example_value(*value))).collect(),
            });
        }
    }
    cases
}
