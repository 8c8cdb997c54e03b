//! Whether two documents of one kind allow the same requests, over a universe of requests built
//! from both: every action either names (wildcards expanded through AWS's service data, within the
//! services the documents name, plus a few sensitive probes), each resource instantiated and its
//! neighbours (another account, region, id or bucket), each context the conditions read and its
//! neighbours, each principal and its neighbours. An equivalence over this universe, not a proof
//! over all requests.

use std::collections::{BTreeMap, BTreeSet};

use super::evaluate::{Caller, Context, ContextValue, Decision, EvaluationError, Request};
use super::service_data::service_data;
use super::statement::{DocumentKind, PolicyDocument, Principal, PrincipalKind};
use super::text::{key_and_default, pieces, Piece};

/// Actions every comparison also asks about: what a wildcard grant may reach by mistake.
const PROBES: [&str; 6] =
    ["iam:PassRole", "iam:CreateRole", "s3:DeleteBucket", "kms:ScheduleKeyDeletion", "qbusiness:DeleteApplication", "sts:AssumeRole"];
/// The assume-role family, for trust policies.
const TRUST_PROBES: [&str; 5] =
    ["sts:AssumeRole", "sts:TagSession", "sts:SetContext", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"];
/// What a wildcard or variable stands for when a pattern is made a request.
const FILLER: &str = "example";
const NEIGHBOUR: &str = "neighbour";
const NEIGHBOUR_ACCOUNT: &str = "444455556666";
const NEIGHBOUR_REGION: &str = "eu-west-3";
/// Past this many requests the universe is cut (and the comparison says so).
const MOST_REQUESTS: usize = 200_000;

/// One request decided differently, and the statement of the policy in place that decided it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The request.
    pub request: Request,
    /// The index of the statement of the policy in place that allowed (excess) or explicitly
    /// denied (missing) it; `None` when nothing in it applies.
    pub statement: Option<usize>,
}

/// The outcome of a comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Requests the expected document allows and the policy denies: what breaks at run time.
    pub missing: Vec<Difference>,
    /// Requests the policy allows and the expected document denies: what is wider than needed.
    pub excess: Vec<Difference>,
    /// How many requests were decided.
    pub requests: usize,
    /// Whether the universe was cut at its limit.
    pub truncated: bool,
}

impl Comparison {
    /// No request is decided differently.
    pub fn equivalent(&self) -> bool {
        self.missing.is_empty() && self.excess.is_empty()
    }
}

/// A pattern made a request's text: `*` and `?` filled, variables by their default or a filler.
fn instantiate(pattern: &str) -> String {
    let mut out = String::new();
    for piece in pieces(pattern) {
        match piece {
            Piece::Text(text) | Piece::Unclosed(text) => out.push_str(text),
            Piece::Variable(inside @ ("*" | "?" | "$")) => out.push_str(inside),
            Piece::Variable(inside) => {
                out.push_str(key_and_default(inside).1.map_or(FILLER, |default| default.trim_matches('\'')));
            }
        }
    }
    out.replace('*', FILLER).replace('?', "x")
}

/// An ARN's neighbours: the same in another account and region, and with each id of its resource
/// part (every other `/` segment, or a bucket's name) replaced.
fn neighbours(arn: &str) -> Vec<String> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let [a, partition, service, region, account, resource] = parts.as_slice() else { return Vec::new() };
    let join = |region: &str, account: &str, resource: &str| format!("{a}:{partition}:{service}:{region}:{account}:{resource}");
    let mut out = Vec::new();
    if !account.is_empty() {
        out.push(join(region, NEIGHBOUR_ACCOUNT, resource));
    }
    if !region.is_empty() {
        out.push(join(NEIGHBOUR_REGION, account, resource));
    }
    let segments: Vec<&str> = resource.split('/').collect();
    if segments.len() == 1 {
        out.push(join(region, account, &format!("{NEIGHBOUR}-{resource}")));
    }
    for i in (1..segments.len()).step_by(2) {
        let mut changed = segments.clone();
        changed[i] = NEIGHBOUR;
        out.push(join(region, account, &changed.join("/")));
    }
    // An S3 object's bucket.
    if *service == "s3" && segments.len() > 1 {
        let mut changed = segments.clone();
        changed[0] = "neighbour-bucket";
        out.push(join(region, account, &changed.join("/")));
    }
    out
}

fn actions(documents: [&PolicyDocument; 2], kind: DocumentKind) -> BTreeSet<String> {
    let names: Vec<&String> = documents.iter().flat_map(|d| d.statements.iter().flat_map(|s| s.actions.names())).collect();
    let literal = |n: &&&String| !n.contains(['*', '?']);
    let mut actions: BTreeSet<String> = names.iter().filter(literal).map(|n| n.to_string()).collect();
    let services: BTreeSet<String> = actions.iter().filter_map(|a| a.split_once(':')).map(|(s, _)| s.to_ascii_lowercase()).collect();
    if let Some(data) = service_data() {
        for pattern in names.iter().filter(|n| n.contains(['*', '?'])) {
            let prefix = pattern.split_once(':').map(|(p, _)| p);
            match prefix {
                Some(prefix) if !prefix.contains(['*', '?']) => actions.extend(data.expand(pattern)),
                // `*`, or a wildcard in the service: within the services the documents name.
                _ => {
                    for service in &services {
                        actions.extend(
                            data.expand(&format!("{service}:*")).into_iter().filter(|a| super::evaluate::action_matches(pattern, a)),
                        );
                    }
                }
            }
        }
    }
    let probes: &[&str] = if kind == DocumentKind::Trust { &TRUST_PROBES } else { &PROBES };
    actions.extend(probes.iter().map(|p| (*p).to_owned()));
    actions
}

fn resources(documents: [&PolicyDocument; 2]) -> BTreeSet<String> {
    let mut out = BTreeSet::from(["*".to_owned()]);
    for statement in documents.iter().flat_map(|d| &d.statements) {
        for entry in statement.resources.iter().flat_map(|r| r.entries()).filter(|e| *e != "*") {
            let concrete = instantiate(entry);
            out.extend(neighbours(&concrete));
            out.insert(concrete);
        }
    }
    out
}

/// The contexts: every key either document tests set to the expected document's first value (the
/// base), and each key changed to every other value either names, to a neighbour, and left out.
fn contexts(policy: &PolicyDocument, expected: &PolicyDocument) -> Vec<Context> {
    let mut values: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    let mut base_values: BTreeMap<String, String> = BTreeMap::new();
    for (document, is_expected) in [(expected, true), (policy, false)] {
        for statement in &document.statements {
            for (operator, keys) in &statement.condition.0 {
                if operator.as_str().starts_with("Null") {
                    continue;
                }
                for (key, given) in keys {
                    let lower = key.as_str().to_ascii_lowercase();
                    let entry = values.entry(lower.clone()).or_insert_with(|| (key.as_str().to_owned(), Vec::new()));
                    let ip = super::evaluate::shape(operator).is_ok_and(|s| s.kind == super::evaluate::ValueKind::IpRange);
                    for value in given {
                        // A range's own address stands for it; other values are patterns to fill.
                        let concrete = if ip { value.split('/').next().unwrap_or(value).to_owned() } else { instantiate(value) };
                        if !entry.1.contains(&concrete) {
                            entry.1.push(concrete.clone());
                        }
                        if is_expected {
                            base_values.entry(lower.clone()).or_insert(concrete);
                        }
                    }
                }
            }
        }
    }
    let mut base = Context::default();
    for (lower, (key, candidates)) in &values {
        if let Some(value) = base_values.get(lower).or(candidates.first()) {
            base.insert(key, ContextValue::one(key, value.as_str()));
        }
    }
    let mut out = vec![base.clone()];
    for (lower, (key, candidates)) in &values {
        let neighbour = match candidates.first() {
            Some(v) if v.starts_with("arn:") => neighbours(v).into_iter().next().unwrap_or_else(|| NEIGHBOUR.to_owned()),
            Some(v) if v == "true" || v == "false" => if v == "true" { "false" } else { "true" }.to_owned(),
            Some(v) if v.bytes().all(|b| b.is_ascii_digit()) && !v.is_empty() => "999999999".to_owned(),
            Some(v) if v.parse::<std::net::IpAddr>().is_ok() => "198.51.100.77".to_owned(),
            _ => NEIGHBOUR.to_owned(),
        };
        for value in candidates.iter().chain([&neighbour]) {
            if base_values.get(lower) == Some(value) {
                continue;
            }
            let mut changed = base.clone();
            changed.insert(key, ContextValue::one(key, value.as_str()));
            out.push(changed);
        }
        let mut without = Context::default();
        for (k, v) in base.iter().filter(|(k, _)| !k.eq_ignore_ascii_case(key)) {
            without.insert(k, v.clone());
        }
        out.push(without);
    }
    out
}

/// The callers of a trust or resource policy: each principal either names (an account's as a
/// role of it), and neighbours in another account or service.
fn callers(documents: [&PolicyDocument; 2], kind: DocumentKind) -> Vec<Option<Caller>> {
    if kind == DocumentKind::Permissions {
        return vec![None];
    }
    let mut out: BTreeSet<(PrincipalKind, String)> = BTreeSet::new();
    for statement in documents.iter().flat_map(|d| &d.statements) {
        for principal in statement.principal.iter().chain(&statement.not_principal) {
            let Principal::Named(named) = principal else { continue };
            for (principal_kind, ids) in named {
                for id in ids.iter().filter(|id| *id != "*") {
                    let id = if id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit()) {
                        format!("arn:aws:iam::{id}:role/{FILLER}")
                    } else if let Some(account) = id.strip_suffix(":root") {
                        format!("{account}:role/{FILLER}")
                    } else {
                        id.clone()
                    };
                    out.insert((*principal_kind, id));
                }
            }
        }
    }
    let mut all: Vec<(PrincipalKind, String)> = out.iter().cloned().collect();
    all.push((PrincipalKind::Aws, format!("arn:aws:iam::{NEIGHBOUR_ACCOUNT}:role/{FILLER}")));
    all.push((PrincipalKind::Service, format!("{NEIGHBOUR}.amazonaws.com")));
    all.push((PrincipalKind::Federated, format!("arn:aws:iam::{NEIGHBOUR_ACCOUNT}:saml-provider/{NEIGHBOUR}")));
    all.into_iter().map(|(kind, id)| Some(Caller { kind, id })).collect()
}

/// Every request of the universe for `policy` and `expected`, and `extra` (a role's own table).
pub fn universe(policy: &PolicyDocument, expected: &PolicyDocument, kind: DocumentKind, extra: &[Request]) -> (Vec<Request>, bool) {
    let documents = [policy, expected];
    let actions = actions(documents, kind);
    let resources: Vec<Option<String>> =
        if kind == DocumentKind::Trust { vec![None] } else { resources(documents).into_iter().map(Some).collect() };
    let contexts = contexts(policy, expected);
    let callers = callers(documents, kind);
    let data = service_data();
    let mut requests: Vec<Request> = extra.to_vec();
    let mut truncated = false;
    'all: for action in &actions {
        for resource in &resources {
            // Only resources the action acts on (any, for an action the data does not know), and
            // `*`, which a resource policy's statements name for the resource they are on.
            if let Some(resource) = resource.as_deref().filter(|r| *r != "*") {
                if data.and_then(|d| d.acts_on(action, resource)) == Some(false) {
                    continue;
                }
            }
            for caller in &callers {
                for context in &contexts {
                    if requests.len() >= MOST_REQUESTS {
                        truncated = true;
                        break 'all;
                    }
                    requests.push(Request {
                        caller: caller.clone(),
                        action: action.clone(),
                        resource: resource.clone(),
                        context: context.clone(),
                    });
                }
            }
        }
    }
    (requests, truncated)
}

/// Which requests of the universe `policy` and `expected` decide differently.
pub fn compare(
    policy: &PolicyDocument,
    expected: &PolicyDocument,
    kind: DocumentKind,
    extra: &[Request],
) -> Result<Comparison, EvaluationError> {
    super::evaluate::check(policy)?;
    super::evaluate::check(expected)?;
    let (requests, truncated) = universe(policy, expected, kind, extra);
    let mut comparison = Comparison { requests: requests.len(), truncated, ..Comparison::default() };
    for request in requests {
        let theirs = super::evaluate::evaluate_checked(policy, &request)?;
        let ours = super::evaluate::evaluate_checked(expected, &request)?;
        match (ours.decision == Decision::Allowed, theirs.decision == Decision::Allowed) {
            (true, false) => comparison.missing.push(Difference { request, statement: theirs.statement }),
            (false, true) => comparison.excess.push(Difference { request, statement: theirs.statement }),
            _ => {}
        }
    }
    Ok(comparison)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(text: &str) -> PolicyDocument {
        PolicyDocument::from_json(text).unwrap()
    }

    #[test]
    fn a_document_is_equivalent_to_itself() {
        let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-1:111122223333:key/k","Condition":{"StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com"}}}]}"#;
        let comparison = compare(&document(text), &document(text), DocumentKind::Permissions, &[]).unwrap();
        assert!(comparison.equivalent(), "{comparison:?}");
        assert!(comparison.requests > 10);
    }

    #[test]
    fn a_wider_and_a_narrower_document() {
        let expected = document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-1:111122223333:key/k","Condition":{"StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com"}}}]}"#,
        );
        let wide = document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}"#);
        let comparison = compare(&wide, &expected, DocumentKind::Permissions, &[]).unwrap();
        assert!(comparison.missing.is_empty());
        let excess: BTreeSet<(&str, &str)> =
            comparison.excess.iter().map(|d| (d.request.action.as_str(), d.request.resource.as_deref().unwrap_or(""))).collect();
        assert!(excess.contains(&("kms:Decrypt", "arn:aws:kms:us-east-1:444455556666:key/k")), "{excess:?}");
        assert!(excess.contains(&("kms:ScheduleKeyDeletion", "arn:aws:kms:us-east-1:111122223333:key/k")), "{excess:?}");
        let narrow = document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-1:111122223333:key/other"}]}"#,
        );
        let comparison = compare(&narrow, &expected, DocumentKind::Permissions, &[]).unwrap();
        assert!(comparison.missing.iter().any(|d| d.request.resource.as_deref() == Some("arn:aws:kms:us-east-1:111122223333:key/k")));
    }

    #[test]
    fn a_trust_without_its_source_is_wider() {
        let expected = document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"qbusiness.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"},"ArnEquals":{"aws:SourceArn":"arn:aws:qbusiness:us-east-1:111122223333:application/a"}}}]}"#,
        );
        let loose = document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"qbusiness.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
        );
        let comparison = compare(&loose, &expected, DocumentKind::Trust, &[]).unwrap();
        assert!(comparison.missing.is_empty());
        assert!(comparison
            .excess
            .iter()
            .any(|d| d.request.context.single("aws:SourceArn") == Some("arn:aws:qbusiness:us-east-1:444455556666:application/a")));
        assert_eq!(comparison.excess[0].statement, Some(0));
    }
}
