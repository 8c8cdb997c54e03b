//! Data source `qbusiness_application_roles`: every role of an application from one read. Each
//! entry of `roles` stands for one single data source (its `role` names it, or the kind of a
//! family selected by `role`) and takes exactly that data source's arguments; the application,
//! index and scope given once fill in where an entry's role takes them. Each entry's documents are
//! the single data sources' own, read through their descriptors, so they are byte-identical.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::catalog::arguments::{self as args, Name};
use crate::catalog::requests::Family;
use crate::catalog::{Kind as _, TrustKind, UnknownKind};
use crate::plugin::convert::convert;
use crate::plugin::{Attribute, AttributePath, Block, Diagnostic, Type, Value};
use crate::policy::DocumentKind;

use super::config::scope_attributes;
use super::descriptor::{Body, Descriptor, FunctionTwin, TRUST_POLICY};
use super::inputs::Inputs;
use super::{Outcome, Phase, DESCRIPTORS};

/// The data source `qbusiness_application_roles`.
pub static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_application_roles",
    description: "Every role of an application from one read: `roles` maps a key of your choice to one role, written as the arguments of the single data source it stands for (`role` names it: `connector`, `web_experience`, `application`, or a `role` of `qbusiness_role_policy`, `qbusiness_integration_policy` or `qbusiness_administrator_policy`), and `documents` gives each role's permissions policy and trust policy, byte-identical to the single data sources'. `application_id`, `index_id` and the scope are given once and fill in where a role takes them. With `with_report = true`, `report` is a Markdown review of every role for a central IAM team. One data source instead of one per document spares Terraform's work per instance, which dominates large estates' plans.",
    function: FunctionTwin {
        name: "application_roles",
        selector: None,
        output: args::DOCUMENTS,
        summary: "Every role of an application, as a map of its permissions and trust policies (JSON).",
    },
    requests: None,
    body: Body::Other { schema, read },
};

fn schema() -> Vec<Attribute> {
    let mut attributes = vec![
        Attribute::required(
            args::ROLES,
            Type::Dynamic,
            &format!(
                "The roles, by a key of your choice: each an object with `role` (which role: {}) and the arguments of the data source it stands for, e.g. `{{ docs = {{ role = \"connector\", connector = \"s3\", bucket = \"my-docs\" }}, app = {{ role = \"application\" }} }}`. An optional `trust` object holds `qbusiness_trust_policy`'s arguments; its `kind` defaults to the role's usual trust, and its ids and scope to the role's.",
                role_names().iter().map(|r| format!("`{}` (`{}`)", r.name, r.descriptor.type_name)).collect::<Vec<_>>().join(", ")
            ),
        ),
        Attribute::optional(
            args::APPLICATION_ID,
            Type::String,
            "id of the application, for every role that takes it and does not set its own. Leave it out of a bundle that holds the application's own service role when the application is created in the same configuration: its role cannot wait for its id.",
        ),
        Attribute::optional(args::INDEX_ID, Type::String, "id of the application's index, for every role that takes it and does not set its own."),
        Attribute::optional(
            args::WITH_REPORT,
            Type::Bool,
            "Make `report` (default false). Terraform keeps every computed attribute in state and plan: for a large estate the report, which repeats every document, would more than double what it stores and how long a plan takes (BENCHMARKS.md), so it is made only when asked.",
        ),
    ];
    attributes.extend(scope_attributes("of every role that does not set its own"));
    attributes.push(Attribute::computed(
        args::DOCUMENTS,
        Type::Map(Box::new(Type::object([(args::POLICY.into(), Type::String), (args::TRUST.into(), Type::String)]))),
        "Each role's `policy` (its permissions policy, as `json` of its data source) and `trust` (its trust policy, as `qbusiness_trust_policy`'s `json`; null for a role no service assumes), by its key.",
    ));
    attributes.push(Attribute::computed(
        args::REPORT,
        Type::String,
        "With `with_report = true`: every role, its documents and the requests they allow and deny, in Markdown, for a central IAM team to review or archive; null otherwise.",
    ));
    attributes
}

/// One value of an entry's `role`: the data source it stands for, and the kind it selects in a
/// family whose selector is `role`.
#[derive(Clone, Copy)]
struct RoleName {
    name: &'static str,
    descriptor: &'static Descriptor,
    family: &'static Family,
    kind: Option<&'static str>,
}

/// Every value `role` takes, from the descriptors: the permissions families by their short name,
/// and the kinds of the families selected by `role`.
fn role_names() -> &'static [RoleName] {
    static NAMES: OnceLock<Vec<RoleName>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = Vec::new();
        for &descriptor in DESCRIPTORS.iter().filter(|d| d.document_kind() == Some(DocumentKind::Permissions)) {
            let Some(family) = descriptor.requests.as_ref() else { continue };
            if family.selector == Some(args::ROLE) {
                names.extend((family.kinds)().into_iter().map(|kind| RoleName { name: kind, descriptor, family, kind: Some(kind) }));
            } else {
                let short = descriptor.type_name.trim_start_matches("qbusiness_").trim_end_matches("_policy");
                names.push(RoleName { name: short, descriptor, family, kind: None });
            }
        }
        names
    })
}

/// The schema of each data source an entry can stand for, and the type of its configuration,
/// built once: a bundle of a thousand roles converts two thousand configurations.
fn schema_of(descriptor: &'static Descriptor) -> &'static (Block, Type) {
    static SCHEMAS: OnceLock<BTreeMap<&'static str, (Block, Type)>> = OnceLock::new();
    let schemas = SCHEMAS.get_or_init(|| {
        DESCRIPTORS
            .iter()
            .filter(|d| d.document_kind().is_some())
            .map(|d| {
                let block = d.schema();
                let input = block.input_type();
                (d.type_name, (block, input))
            })
            .collect()
    });
    &schemas[descriptor.type_name]
}

/// The arguments given once that fill in an entry's own.
const SHARED: [Name; 6] =
    [args::APPLICATION_ID, args::INDEX_ID, args::PARTITION, args::REGION, args::ACCOUNT_ID, args::SKIP_REGION_VALIDATION];

/// Whether a configuration of `family` and `kind` takes `name` (the region check's switch goes
/// with the scope).
fn takes(family: &Family, kind: Option<&str>, name: Name) -> bool {
    if name == args::SKIP_REGION_VALIDATION {
        family.takes_scope(kind)
    } else {
        (family.takes)(kind, name)
    }
}

/// What one entry gave.
struct Entry {
    key: String,
    role: RoleName,
    kind: Option<String>,
    policy: Outcome,
    trust: Option<(String, Outcome)>,
}

/// Reads one data source's configuration under `path`, as that data source reads it.
fn read_as(inputs: &mut Inputs<'_>, descriptor: &'static Descriptor, config: Value, path: &AttributePath, phase: Phase<'_>) -> Outcome {
    let (block, input) = schema_of(descriptor);
    let converted = match convert(&config, input, path) {
        Ok(converted) => converted,
        Err(error) => {
            inputs.diagnostics.push(Diagnostic::error("Invalid role", format!("{}.", error.message)).at(error.path));
            return Outcome::Invalid;
        }
    };
    let missing = block.missing_required(&converted, path);
    if missing.has_errors() {
        inputs.diagnostics.extend(missing);
        return Outcome::Invalid;
    }
    let mut nested = Inputs::nested(&converted, block, path.clone());
    let outcome = descriptor.read_document(&mut nested, phase);
    inputs.absorb(nested);
    outcome
}

/// The trust policies already read in this bundle, by their configuration: the roles of one
/// application mostly share one trust (every connector's is the same), read once.
type TrustCache = BTreeMap<String, Outcome>;

fn read_entry(inputs: &mut Inputs<'_>, key: &str, entry: &Value, phase: Phase<'_>, trusts: &mut TrustCache) -> Option<Entry> {
    let path = inputs.path_of(args::ROLES).then_key(key);
    let error = |inputs: &mut Inputs<'_>, at: AttributePath, summary: &str, detail: String| {
        inputs.diagnostics.push(Diagnostic::error(summary, detail).at(at));
    };
    let Value::Map(attributes) = entry else {
        if entry.is_unknown() {
            inputs.incomplete = true;
        } else {
            error(inputs, path, "Invalid role", "each role is an object of its data source's arguments with `role`, e.g. { role = \"connector\", connector = \"s3\", bucket = \"my-docs\" }.".into());
        }
        return None;
    };
    let valid = || role_names().iter().map(|r| r.name).collect::<Vec<_>>().join(", ");
    let role = match attributes.get(args::ROLE.as_str()).unwrap_or(&Value::Null) {
        Value::Unknown => {
            inputs.incomplete = true;
            return None;
        }
        Value::String(name) => match role_names().iter().find(|r| r.name == name) {
            Some(role) => *role,
            None => {
                // The wording of every unknown selector value (catalog::kinds).
                let unknown = UnknownKind { selector: args::ROLE, value: name.clone(), valid: valid() };
                error(inputs, path.then_attribute(args::ROLE), "Unknown role", unknown.to_string());
                return None;
            }
        },
        _ => {
            error(
                inputs,
                path.then_attribute(args::ROLE),
                "Missing role",
                format!("every role names which it is with `role`, one of {}.", valid()),
            );
            return None;
        }
    };
    // The entry's own arguments, as its data source takes them: `role` is the selector's value in
    // a family selected by `role`, and no argument elsewhere; `trust` is the trust policy's.
    let mut config: BTreeMap<String, Value> = attributes
        .iter()
        .filter(|(name, _)| *name != args::ROLE.as_str() && *name != args::TRUST.as_str())
        .map(|(n, v)| (n.clone(), v.clone()))
        .collect();
    if let Some(kind) = role.kind {
        config.insert(args::ROLE.into(), Value::string(kind));
    }
    let kind = role.family.kind_of(&|name| config.get(name.as_str()).and_then(Value::as_str)).map(str::to_owned);
    for name in SHARED {
        let shared = inputs.raw(name);
        if !shared.is_null() && config.get(name.as_str()).is_none_or(Value::is_null) && takes(role.family, kind.as_deref(), name) {
            config.insert(name.into(), shared.clone());
        }
    }
    let policy = read_as(inputs, role.descriptor, Value::Map(config.clone()), &path, phase);
    let trust = read_trust(
        inputs,
        attributes.get(args::TRUST.as_str()),
        &role,
        kind.as_deref(),
        &config,
        &path.then_attribute(args::TRUST),
        phase,
        trusts,
    );
    Some(Entry { key: key.to_owned(), role, kind, policy, trust })
}

/// The entry's trust policy: `trust`'s arguments over the role's usual trust kind, with the ids
/// and scope of the role where the trust kind takes them. `None` for a role no service assumes.
fn read_trust(
    inputs: &mut Inputs<'_>,
    given: Option<&Value>,
    role: &RoleName,
    kind: Option<&str>,
    role_config: &BTreeMap<String, Value>,
    path: &AttributePath,
    phase: Phase<'_>,
    trusts: &mut TrustCache,
) -> Option<(String, Outcome)> {
    let mut config = match given {
        None | Some(Value::Null) => BTreeMap::new(),
        Some(Value::Map(attributes)) => attributes.clone(),
        Some(Value::Unknown) => {
            inputs.incomplete = true;
            return None;
        }
        Some(_) => {
            inputs.diagnostics.push(
                Diagnostic::error("Invalid trust", "`trust` is an object of qbusiness_trust_policy's arguments, e.g. { kind = \"web_experience_saml\", saml_provider_arn = \"arn:aws:iam::123456789012:saml-provider/corp\", web_experience_url = \"https://abcd1234.chat.qbusiness.us-east-1.on.aws\" }.").at(path.clone()),
            );
            return None;
        }
    };
    let usual = (role.family.trusts)(kind).first().map(|k| k.name());
    let trust_kind = match config.get(args::KIND.as_str()) {
        Some(Value::String(name)) => name.clone(),
        Some(Value::Unknown) => {
            inputs.incomplete = true;
            return None;
        }
        _ => match usual {
            Some(usual) => usual.to_owned(),
            // A role no service assumes has no trust unless `trust` names its kind.
            None if config.values().all(Value::is_null) => return None,
            None => {
                inputs.diagnostics.push(
                    Diagnostic::error(
                        "Missing trust kind",
                        format!("no service assumes this role, so `trust` needs its `kind`, one of {}.", TrustKind::names()),
                    )
                    .at(path.then_attribute(args::KIND)),
                );
                return None;
            }
        },
    };
    config.insert(args::KIND.into(), Value::string(trust_kind.clone()));
    let trust_family = TRUST_POLICY.requests.as_ref().expect("the trust policy has its request table");
    for name in SHARED {
        if config.get(name.as_str()).is_none_or(Value::is_null) && takes(trust_family, Some(&trust_kind), name) {
            let given = [role_config.get(name.as_str()), Some(inputs.raw(name))].into_iter().flatten().find(|v| !v.is_null());
            if let Some(value) = given {
                config.insert(name.into(), value.clone());
            }
        }
    }
    // Only a read that said nothing is shared: a diagnostic belongs at its own entry's path.
    let key = format!("{config:?}");
    if let Some(outcome) = trusts.get(&key) {
        return Some((trust_kind, outcome.clone()));
    }
    let before = inputs.diagnostics.0.len();
    let outcome = read_as(inputs, &TRUST_POLICY, Value::Map(config), path, phase);
    if inputs.diagnostics.0.len() == before && matches!(outcome, Outcome::State(_) | Outcome::Checked) {
        trusts.insert(key, outcome.clone());
    }
    Some((trust_kind, outcome))
}

fn read(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Outcome {
    let roles = inputs.raw(args::ROLES);
    let entries: Vec<Entry> = match roles {
        Value::Unknown => {
            inputs.incomplete = true;
            Vec::new()
        }
        Value::Map(roles) => {
            let mut trusts = TrustCache::new();
            roles.iter().filter_map(|(key, entry)| read_entry(inputs, key, entry, phase, &mut trusts)).collect()
        }
        _ => {
            inputs.error(
                args::ROLES,
                "Invalid roles",
                "roles is a map of roles by a key of your choice, e.g. { docs = { role = \"connector\", connector = \"s3\", bucket = \"my-docs\" } }.",
            );
            Vec::new()
        }
    };
    let outcomes = || entries.iter().flat_map(|e| std::iter::once(&e.policy).chain(e.trust.as_ref().map(|(_, t)| t)));
    if inputs.has_errors() || outcomes().any(|o| matches!(o, Outcome::Invalid)) {
        return Outcome::Invalid;
    }
    if inputs.incomplete || outcomes().any(|o| matches!(o, Outcome::Unknown)) {
        return Outcome::Unknown;
    }
    if matches!(phase, Phase::Validate) {
        return Outcome::Checked;
    }
    let json = |outcome: &Outcome| match outcome {
        Outcome::State(state) => state.attribute(args::JSON).clone(),
        Outcome::Checked | Outcome::Unknown | Outcome::Invalid => Value::Null,
    };
    let documents = entries
        .iter()
        .map(|e| {
            let trust = e.trust.as_ref().map_or(Value::Null, |(_, t)| json(t));
            (e.key.clone(), Value::object([(args::POLICY, json(&e.policy)), (args::TRUST, trust)]))
        })
        .collect();
    let mut state = inputs.config().as_map().cloned().unwrap_or_default();
    state.insert(args::DOCUMENTS.into(), Value::Map(documents));
    let report = if inputs.bool(args::WITH_REPORT) == Some(true) { Value::string(report(&entries)) } else { Value::Null };
    state.insert(args::REPORT.into(), report);
    Outcome::State(Value::Map(state))
}

/// The review report: every role, its documents, and the requests of its family's table that
/// apply to it, with the result the proofs check.
fn report(entries: &[Entry]) -> String {
    let mut out = String::from("# Amazon Q Business roles\n\n| role | stands for | trust |\n|---|---|---|\n");
    for e in entries {
        let stands_for = match &e.kind {
            Some(kind) => format!("`{}` ({} `{kind}`)", e.role.descriptor.type_name, e.role.family.selector.map_or("kind", Name::as_str)),
            None => format!("`{}`", e.role.descriptor.type_name),
        };
        let trust = e
            .trust
            .as_ref()
            .map_or("none (no service assumes it)".to_owned(), |(kind, _)| format!("`qbusiness_trust_policy` kind `{kind}`"));
        let _ = writeln!(out, "| `{}` | {stands_for} | {trust} |", e.key);
    }
    for e in entries {
        let _ = write!(out, "\n## {}\n\n### Permissions policy\n\n```json\n{}\n```\n", e.key, text(&e.policy));
        if let Some((_, trust)) = &e.trust {
            let _ = write!(out, "\n### Trust policy\n\n```json\n{}\n```\n", text(trust));
        }
        let value = |name: Name| match &e.policy {
            Outcome::State(state) => match state.attribute(name) {
                Value::String(s) => Some(s.clone()),
                Value::Bool(b) => Some(b.to_string()),
                Value::List(items) if !items.is_empty() => Some(items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(",")),
                _ => None,
            },
            Outcome::Checked | Outcome::Unknown | Outcome::Invalid => None,
        };
        let rows: Vec<_> = e.role.family.expectations.iter().filter(|x| x.when.holds(&value, e.kind.as_deref())).collect();
        if !rows.is_empty() {
            out.push_str("\n### What this role allows\n\n| request | action | result |\n|---|---|---|\n");
            for row in rows {
                let _ = writeln!(out, "| {} | `{}` | {} |", row.label, row.action, if row.allowed { "**allowed**" } else { "denied" });
            }
        }
    }
    out
}

fn text(outcome: &Outcome) -> String {
    match outcome {
        Outcome::State(state) => state.attribute(args::JSON).as_str().unwrap_or_default().to_owned(),
        Outcome::Checked | Outcome::Unknown | Outcome::Invalid => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plugin::Value;
    use crate::provider::testing::{golden, read, s, APPLICATION_ID, INDEX_ID};

    const TYPE: &str = super::DESCRIPTOR.type_name;

    fn roles(entries: &[(&str, Vec<(Name, Value)>)]) -> Value {
        Value::Map(entries.iter().map(|(key, attributes)| ((*key).to_owned(), Value::object(attributes.iter().cloned()))).collect())
    }

    #[test]
    fn role_names_are_unique_and_each_family_is_reachable() {
        let mut names: Vec<&str> = role_names().iter().map(|r| r.name).collect();
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count, "{names:?}");
        for name in ["connector", "web_experience", "application", "plugin", "integration", "monitoring", "log_delivery"] {
            assert!(names.contains(&name), "{name} missing from {names:?}");
        }
        assert!(!names.contains(&"trust") && !names.contains(&"bucket"), "a trust or bucket policy is no role");
    }

    #[test]
    fn each_entry_gives_the_single_data_sources_documents() {
        let outcome = read(
            TYPE,
            &[
                (args::APPLICATION_ID, s(APPLICATION_ID)),
                (args::INDEX_ID, s(INDEX_ID)),
                (args::WITH_REPORT, Value::Bool(true)),
                (
                    args::ROLES,
                    roles(&[
                        ("docs", vec![(args::ROLE, s("connector")), (args::CONNECTOR, s("s3")), (args::BUCKET, s("my-docs"))]),
                        ("web", vec![(args::ROLE, s("web_experience")), (args::KIND, s("identity_center"))]),
                        (
                            "kendra",
                            vec![
                                (args::ROLE, s("kendra_retriever")),
                                (args::KENDRA_INDEX_ID, s(crate::catalog::examples::KENDRA_INDEX_ID)),
                            ],
                        ),
                    ]),
                ),
            ],
        );
        assert_eq!(outcome.diagnostics, Vec::<String>::new());
        let state = outcome.state.unwrap();
        let documents = state.attribute(args::DOCUMENTS);
        let document = |key: &str, which: Name| documents.attribute(key).attribute(which).as_str().map(|d| format!("{d}\n"));
        let golden = |name: &str| Some(golden(name));
        assert_eq!(document("docs", args::POLICY), golden("connector-s3-minimal"));
        assert_eq!(document("docs", args::TRUST), golden("trust-connector"));
        assert_eq!(document("web", args::POLICY), golden("web-experience-identity-center"));
        assert_eq!(document("web", args::TRUST), golden("trust-web-experience-identity-center"));
        assert_eq!(document("kendra", args::POLICY), golden("role-kendra-retriever"));
        assert_eq!(document("kendra", args::TRUST), golden("trust-kendra-retriever"));
        let report = state.attribute(args::REPORT).as_str().unwrap();
        assert!(report.contains("| `docs` | `qbusiness_connector_policy` | `qbusiness_trust_policy` kind `connector` |"), "{report}");
        assert!(report.contains("\n## web\n\n### Permissions policy\n\n```json\n{"), "{report}");
        assert!(report.contains("| chat | `qbusiness:Chat` | **allowed** |"), "{report}");
    }

    #[test]
    fn diagnostics_point_into_the_entry() {
        let outcome = read(
            TYPE,
            &[
                (args::APPLICATION_ID, s(APPLICATION_ID)),
                (args::INDEX_ID, s(INDEX_ID)),
                (
                    args::ROLES,
                    roles(&[
                        ("docs", vec![(args::ROLE, s("connector")), (args::CONNECTOR, s("s3")), (args::BUCKET, s("My_Docs"))]),
                        ("odd", vec![(args::ROLE, s("bucket"))]),
                        (
                            "web",
                            vec![(args::ROLE, s("web_experience")), (args::TRUST, Value::object([(args::KIND, s("web_experience_saml"))]))],
                        ),
                    ]),
                ),
            ],
        );
        assert_eq!(outcome.state, None);
        let valid = role_names().iter().map(|r| r.name).collect::<Vec<_>>().join(", ");
        assert_eq!(
            outcome.diagnostics,
            [
                "error roles[\"docs\"].bucket | Invalid bucket | \"My_Docs\" is not an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit (give the name, not an ARN or URL), e.g. \"my-docs\"".to_owned(),
                format!("error roles[\"odd\"].role | Unknown role | \"bucket\" is not a valid role; valid values are {valid}."),
                "error roles[\"web\"].trust.saml_provider_arn | Missing required argument | kind \"web_experience_saml\" needs saml_provider_arn.".to_owned(),
                "error roles[\"web\"].trust.web_experience_url | Missing required argument | kind \"web_experience_saml\" needs web_experience_url.".to_owned(),
            ]
        );
    }

    #[test]
    fn a_trust_without_its_kind_takes_the_roles_usual_one() {
        let saml = Value::object([
            (args::SAML_PROVIDER_ARN, s("arn:aws:iam::123456789012:saml-provider/corporate-idp")),
            (args::WEB_EXPERIENCE_URL, s("https://abcd1234.chat.qbusiness.us-east-1.on.aws")),
        ]);
        let outcome = read(
            TYPE,
            &[
                (args::APPLICATION_ID, s(APPLICATION_ID)),
                (args::ROLES, roles(&[("web", vec![(args::ROLE, s("web_experience")), (args::TRUST, saml)])])),
            ],
        );
        assert_eq!(outcome.diagnostics, Vec::<String>::new());
        let trust =
            outcome.state.unwrap().attribute(args::DOCUMENTS).attribute("web").attribute(args::TRUST).as_str().map(|t| format!("{t}\n"));
        assert_eq!(trust, Some(golden("trust-web-experience-saml")));
        let admin = read(
            TYPE,
            &[
                (args::APPLICATION_ID, s(APPLICATION_ID)),
                (
                    args::ROLES,
                    roles(&[(
                        "admin",
                        vec![(args::ROLE, s("log_delivery")), (args::TRUST, Value::object([(args::ACCOUNT_ID, s("123456789012"))]))],
                    )]),
                ),
            ],
        );
        assert_eq!(
            admin.diagnostics,
            [format!("error roles[\"admin\"].trust.kind | Missing trust kind | no service assumes this role, so `trust` needs its `kind`, one of {}.", TrustKind::names())]
        );
    }

    #[test]
    fn a_role_no_service_assumes_has_no_trust() {
        let outcome = read(
            TYPE,
            &[(args::APPLICATION_ID, s(APPLICATION_ID)), (args::ROLES, roles(&[("admin", vec![(args::ROLE, s("log_delivery"))])]))],
        );
        assert_eq!(outcome.diagnostics, Vec::<String>::new());
        let state = outcome.state.unwrap();
        assert_eq!(state.attribute(args::DOCUMENTS).attribute("admin").attribute(args::TRUST), &Value::Null);
        assert_eq!(state.attribute(args::REPORT), &Value::Null, "the report is made only when asked");
    }
}
