//! Golden documents: every document the catalog can produce, byte for byte as checked in under
//! `tests/golden/`, all judged by the provider's own checker (AWS's service data compiled in). `UPDATE_GOLDEN=1` rewrites the files.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;
use terraform_provider_qbusiness::catalog::arguments as args;

use common::cases;
use terraform_provider_qbusiness::catalog::examples::{ACCOUNT_ID, REGION};
use terraform_provider_qbusiness::plugin::{Provider, Value};
use terraform_provider_qbusiness::provider::QBusinessProvider;

fn configured_provider() -> QBusinessProvider {
    let provider = QBusinessProvider::new();
    let diagnostics = provider.configure_provider(&Value::object([
        (args::REGION, Value::string(REGION)),
        (args::ACCOUNT_ID, Value::string(ACCOUNT_ID)),
        (args::PARTITION, Value::Null),
    ]));
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    provider
}

fn golden_dir() -> PathBuf {
    common::repo().join("tests/golden")
}

/// Produces every case's document, compares it with (or with UPDATE_GOLDEN, writes) its golden file.
fn produce_all() -> (Vec<PathBuf>, Vec<PathBuf>) {
    let provider = configured_provider();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let (mut permissions, mut trusts) = (Vec::new(), Vec::new());
    let mut mismatched = Vec::new();
    for case in cases::all() {
        let (state, diagnostics) = provider.data_source(case.data_source).unwrap().read(&case.config());
        assert!(!diagnostics.has_errors(), "{}: {diagnostics:?}", case.name);
        let json = state.as_ref().and_then(|s| s.attribute(args::JSON).as_str()).unwrap_or_else(|| panic!("{}: no json", case.name));
        let path = golden_dir().join(format!("{}.json", case.name));
        let text = format!("{json}\n");
        if update {
            common::write(&path, &text);
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            mismatched.push(case.name.clone());
        }
        if case.is_trust() {
            trusts.push(path);
        } else {
            permissions.push(path);
        }
    }
    assert!(mismatched.is_empty(), "documents differ from their golden files (UPDATE_GOLDEN=1 rewrites them): {mismatched:?}");
    (permissions, trusts)
}

#[test]
fn every_document_matches_its_golden_file_and_no_golden_file_is_stale() {
    let (permissions, trusts) = produce_all();
    let produced: BTreeSet<PathBuf> = permissions.into_iter().chain(trusts).collect();
    let on_disk: BTreeSet<PathBuf> = std::fs::read_dir(golden_dir()).unwrap().map(|e| e.unwrap().path()).collect();
    let stale: Vec<_> = on_disk.difference(&produced).collect();
    assert!(stale.is_empty(), "golden files no case produces: {stale:?}");
}

/// The breadth oracle over every golden document: a wildcard stands only where a role's fixed
/// pattern puts it (catalog::breadth::FIXED_WILDCARDS).
#[test]
fn no_golden_document_holds_a_wildcard_outside_the_fixed_patterns() {
    use terraform_provider_qbusiness::catalog::breadth::introduced_wildcards;
    use terraform_provider_qbusiness::policy::PolicyDocument;
    let mut found = Vec::new();
    // The user's own statements may hold any wildcard they want: only the roles' documents count.
    let additions = [args::STATEMENT, args::SOURCE_POLICY_DOCUMENTS, args::OVERRIDE_POLICY_DOCUMENTS];
    for case in cases::all().into_iter().filter(|c| !c.attributes.iter().any(|(k, _)| additions.contains(k))) {
        let text = std::fs::read_to_string(golden_dir().join(format!("{}.json", case.name))).unwrap();
        let wide = introduced_wildcards(&PolicyDocument::from_json(&text).unwrap());
        if !wide.is_empty() {
            found.push(format!("{}: {wide:?}", case.name));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The provider's own checker over every golden document: the form rules of its kind (trust
/// grammar included), and AWS's service data compiled in: every action exists, every resource is
/// one its actions act on, every condition key exists.
#[test]
fn the_providers_checker_accepts_every_document() {
    use terraform_provider_qbusiness::policy::lint::problems;
    use terraform_provider_qbusiness::policy::service_data::service_data;
    use terraform_provider_qbusiness::policy::PolicyDocument;
    let data = service_data().expect("compiled-in AWS data");
    let mut found = Vec::new();
    for case in cases::all() {
        let text = std::fs::read_to_string(golden_dir().join(format!("{}.json", case.name))).unwrap();
        let document = PolicyDocument::from_json(&text).unwrap();
        let kind = case.kind();
        found.extend(problems(&document, kind).into_iter().map(|p| format!("{}: {} {}", case.name, p.field, p.message)));
        for statement in document.statements {
            for finding in data.findings(&statement) {
                found.push(format!(
                    "{} {}: {} {:?}: {}",
                    case.name,
                    statement.sid.clone().unwrap_or_default(),
                    finding.field,
                    finding.value,
                    finding.message
                ));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Access Analyzer's checks (`policy::findings`) over every golden document: none may fire. The
/// cases with statements of the user's own are held to the same, as the docs' examples are.
#[test]
fn no_golden_document_has_a_finding() {
    use terraform_provider_qbusiness::policy::findings::{findings, BY_DESIGN};
    use terraform_provider_qbusiness::policy::PolicyDocument;
    let mut found = Vec::new();
    let mut checked = 0;
    for case in cases::all() {
        let text = std::fs::read_to_string(golden_dir().join(format!("{}.json", case.name))).unwrap();
        let document = PolicyDocument::from_json(&text).unwrap();
        found.extend(
            findings(&document, case.kind())
                .into_iter()
                .filter(|f| !BY_DESIGN.iter().any(|(code, prefix, _)| f.check.code == *code && case.name.starts_with(prefix)))
                .map(|f| format!("{}: statement {:?}: {}", case.name, f.statement, f.detail())),
        );
        checked += 1;
    }
    assert!(checked > 100, "only {checked} golden documents");
    assert!(found.is_empty(), "{} findings:\n{}", found.len(), found.join("\n"));
}

/// `qbusiness_policy_check`'s comparison of every golden document with itself: equivalent over
/// its universe (the built-in evaluator decides each request the same both times).
#[test]
fn every_golden_document_checked_against_itself_is_equivalent() {
    use terraform_provider_qbusiness::policy::compare::compare;
    use terraform_provider_qbusiness::policy::PolicyDocument;
    let mut wrong = Vec::new();
    let mut requests = 0;
    for case in cases::all() {
        let text = std::fs::read_to_string(golden_dir().join(format!("{}.json", case.name))).unwrap();
        let document = PolicyDocument::from_json(&text).unwrap();
        let comparison = compare(&document, &document, case.kind(), &[]).unwrap();
        requests += comparison.requests;
        if !comparison.equivalent() || comparison.truncated || comparison.requests == 0 {
            wrong.push(format!("{}: {comparison:?}", case.name));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    eprintln!("{requests} requests over the golden documents");
}

/// One `qbusiness_application_roles` read holding every golden case as an entry gives each case's
/// golden document, byte for byte: the permissions policies as `policy`, the trust policies as the
/// `trust` of an entry that passes the case's arguments as `trust`. (A bucket policy is no role's.)
#[test]
fn the_bundle_gives_every_golden_document_of_the_single_data_sources() {
    use terraform_provider_qbusiness::policy::DocumentKind;
    use terraform_provider_qbusiness::provider::descriptor::{descriptor, APPLICATION_POLICY, APPLICATION_ROLES};
    let provider = configured_provider();
    let short = |type_name: &str| type_name.trim_start_matches("qbusiness_").trim_end_matches("_policy").to_owned();
    let cases = cases::all();
    let mut roles = std::collections::BTreeMap::new();
    for case in &cases {
        let attributes = || case.attributes.iter().map(|(name, value)| (name.to_string(), value.clone()));
        let entry: std::collections::BTreeMap<String, Value> = match case.kind() {
            DocumentKind::Permissions => {
                let family = descriptor(case.data_source).and_then(|d| d.requests).unwrap();
                let mut entry: std::collections::BTreeMap<String, Value> = attributes().collect();
                if family.selector != Some(args::ROLE) {
                    entry.insert(args::ROLE.into(), Value::string(short(case.data_source)));
                }
                // Any trust that needs nothing more: the permissions policy is what is compared.
                entry.insert(args::TRUST.into(), Value::object([(args::KIND, Value::string("application"))]));
                entry
            }
            DocumentKind::Trust => [
                (args::ROLE.to_string(), Value::string(short(APPLICATION_POLICY.type_name))),
                (args::TRUST.to_string(), Value::Map(attributes().collect())),
            ]
            .into_iter()
            .collect(),
            DocumentKind::Resource => continue,
        };
        roles.insert(case.name.clone(), Value::Map(entry));
    }
    let config = Value::object([(args::ROLES, Value::Map(roles))]);
    let (state, diagnostics) = provider.data_source(APPLICATION_ROLES.type_name).unwrap().read(&config);
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    let documents = state.as_ref().unwrap().attribute(args::DOCUMENTS).clone();
    let mut compared = 0;
    for case in &cases {
        let which = match case.kind() {
            DocumentKind::Permissions => args::POLICY,
            DocumentKind::Trust => args::TRUST,
            DocumentKind::Resource => continue,
        };
        let produced = documents.attribute(&case.name).attribute(which).as_str().map(|d| format!("{d}\n"));
        let expected = std::fs::read_to_string(golden_dir().join(format!("{}.json", case.name))).unwrap();
        assert_eq!(produced.as_deref(), Some(expected.as_str()), "{}", case.name);
        compared += 1;
    }
    let resource_policies = cases.iter().filter(|c| c.kind() == DocumentKind::Resource).count();
    assert_eq!(compared + resource_policies, cases.len(), "{compared} of {} cases compared", cases.len());
}

/// `allows`: every golden case's requests (the proofs' rows, for its configuration), evaluated by
/// the built-in evaluator on its document, come out as its role needs them, and there are at least
/// three. The user's own statements widen a document on purpose, so those cases are left out.
#[test]
fn every_golden_documents_allows_output_matches_its_roles_needs() {
    let provider = configured_provider();
    let mut wrong = Vec::new();
    let mut total = 0;
    for case in cases::all().into_iter().filter(|c| !c.attributes.iter().any(|(k, _)| *k == args::STATEMENT)) {
        let (state, diagnostics) = provider.data_source(case.data_source).unwrap().read(&case.config());
        assert!(!diagnostics.has_errors(), "{}: {diagnostics:?}", case.name);
        let state = state.unwrap_or_else(|| panic!("{}: no state", case.name));
        let rows = state.attribute(args::ALLOWS).as_list().unwrap_or_else(|| panic!("{}: no allows", case.name));
        assert!(rows.len() >= 3, "{}: only {} rows in allows", case.name, rows.len());
        total += rows.len();
        for row in rows {
            let flag = |name| row.attribute(name).as_bool().unwrap_or_else(|| panic!("{}: {name} is not a bool", case.name));
            if flag(args::ALLOWED) != flag(args::EXPECTED) {
                let text = |name| row.attribute(name).as_str().unwrap_or("-").to_owned();
                wrong.push(format!(
                    "{}: {:?} ({} {} {}) expected={}",
                    case.name,
                    text(args::LABEL),
                    text(args::PRINCIPAL),
                    text(args::ACTION),
                    text(args::RESOURCE),
                    flag(args::EXPECTED)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{} of {total} rows of allows are not as the role needs:\n{}", wrong.len(), wrong.join("\n"));
}
