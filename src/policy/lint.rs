//! Structural rules every document must meet before it is handed out: IAM's character set, Sids,
//! action and resource shapes, principals where they belong. Each document piece (built, user
//! statement, source or override document) is checked here once.

use std::collections::{BTreeSet, HashSet};

use super::findings::{findings, Check, FindingType};
use super::size::first_disallowed_char;
use super::statement::{DocumentKind, PolicyDocument, Principal, PrincipalKind, Resources, Statement};
use super::text::{widens, WIDENS};

/// Which rule a problem breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// A character outside what IAM accepts.
    Character,
    /// The form of a statement or document.
    Form,
    /// AWS's service data: actions, the resources they act on, condition keys.
    ServiceData,
    /// One of Access Analyzer's checks (`policy::findings`).
    Check(&'static Check),
}

/// One rule a document breaks, located by statement index and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The statement's index, or `None` for the document as a whole.
    pub statement: Option<usize>,
    /// The JSON field concerned: `Sid`, `Action`, `NotAction`, `Resource`, `NotResource`,
    /// `Principal`, `Condition` or `Statement`.
    pub field: &'static str,
    /// Which rule.
    pub rule: Rule,
    /// The element of the field concerned (an action, a resource), when it is one.
    pub value: Option<String>,
    /// Only a warning: the document may still be right (AWS's data can lag AWS).
    pub warning: bool,
    /// What is wrong, and what is valid.
    pub message: String,
}

/// The summary of a diagnostic for a character IAM does not accept.
pub const CHARACTER_SUMMARY: &str = "Character not allowed in IAM policies";

/// The message for a character IAM does not accept, the one wording of that rule.
pub fn character_message(c: char) -> String {
    format!(
        "{c:?} (U+{:04X}) is not allowed in IAM policies, which accept only tab, newline, carriage return and U+0020 to U+00FF",
        c as u32
    )
}

/// Every string of a statement with the field it stands in.
fn texts(statement: &Statement) -> Vec<(&'static str, &str)> {
    let mut texts: Vec<(&'static str, &str)> = statement.sid.iter().map(|s| ("Sid", s.as_str())).collect();
    let action_field = statement.actions.field();
    texts.extend(statement.actions.names().iter().map(|a| (action_field, a.as_str())));
    if let Some(resources) = &statement.resources {
        let field = resources.field();
        texts.extend(resources.entries().iter().map(|r| (field, r.as_str())));
    }
    for (field, principal) in [("Principal", &statement.principal), ("NotPrincipal", &statement.not_principal)] {
        if let Some(Principal::Named(named)) = principal {
            texts.extend(named.values().flatten().map(|p| (field, p.as_str())));
        }
    }
    for keys in statement.condition.0.values() {
        for (key, values) in keys {
            texts.push(("Condition", key.as_str()));
            texts.extend(values.iter().map(|v| ("Condition", v.as_str())));
        }
    }
    texts
}

fn is_action(text: &str) -> bool {
    if text == "*" {
        return true;
    }
    match text.split_once(':') {
        Some((service, name)) => {
            !service.is_empty()
                // IAM reads the service prefix without regard to case (`S3:GetObject` is `s3:GetObject`).
                && service.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !name.is_empty()
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'*' || b == b'?')
        }
        None => false,
    }
}

fn is_resource(text: &str) -> bool {
    text == "*" || (text.starts_with("arn:") && text.splitn(6, ':').count() == 6 && !text.contains(char::is_whitespace))
}

/// Every rule `document` breaks, as a `kind` of document.
pub fn problems(document: &PolicyDocument, kind: DocumentKind) -> Vec<Problem> {
    let mut found = Vec::new();
    let mut found_characters = Vec::new();
    let mut report = |statement: Option<usize>, field: &'static str, message: String| {
        found.push(Problem { statement, field, rule: Rule::Form, value: None, warning: false, message });
    };
    if let Some(c) = document.id.as_deref().and_then(first_disallowed_char) {
        found_characters.push(Problem {
            statement: None,
            field: "Id",
            rule: Rule::Character,
            value: None,
            warning: false,
            message: character_message(c),
        });
    }
    if document.statements.is_empty() {
        report(None, "Statement", "a policy needs at least one statement".into());
    }
    let mut sids = BTreeSet::new();
    let mut found_principals = Vec::new();
    for (i, statement) in document.statements.iter().enumerate() {
        let at = Some(i);
        for (field, text) in texts(statement) {
            if let Some(c) = first_disallowed_char(text) {
                found_characters.push(Problem {
                    statement: at,
                    field,
                    rule: Rule::Character,
                    value: Some(text.to_owned()),
                    warning: false,
                    message: character_message(c),
                });
            }
        }
        if let Some(sid) = &statement.sid {
            if !sid.bytes().all(|b| b.is_ascii_alphanumeric()) {
                report(at, "Sid", format!("Sid {sid:?} may contain only letters and digits"));
            }
            if !sids.insert(sid.as_str()) {
                report(at, "Sid", format!("Sid {sid:?} is used by more than one statement; Sids must be unique"));
            }
        }
        if statement.actions.names().is_empty() {
            report(at, "Action", "a statement needs at least one action".into());
        }
        for action in statement.actions.names() {
            if !is_action(action) {
                report(at, "Action", format!("{action:?} is not an action: expected service:ActionName, e.g. s3:GetObject"));
            }
        }
        match (kind, &statement.resources) {
            (DocumentKind::Permissions | DocumentKind::Resource, None) => {
                report(at, "Resource", format!("a {kind} statement needs Resource or NotResource"))
            }
            // A Resource in a trust policy is Access Analyzer's ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE.
            (DocumentKind::Trust, Some(_)) => {}
            (DocumentKind::Permissions | DocumentKind::Resource, Some(Resources::Resource(r) | Resources::NotResource(r))) => {
                for resource in r {
                    if !is_resource(resource) {
                        report(
                            at,
                            "Resource",
                            format!("{resource:?} is not \"*\" or an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)"),
                        );
                    }
                }
            }
            (DocumentKind::Trust, None) => {}
        }
        if kind == DocumentKind::Trust {
            for action in statement.actions.names().iter().filter(|a| !a.to_ascii_lowercase().starts_with("sts:")) {
                report(
                    at,
                    "Action",
                    format!("{action:?} is not an sts action; a trust policy allows only sts actions, e.g. sts:AssumeRole"),
                );
            }
        }
        if let Some(Principal::Named(named)) = &statement.principal {
            for (principal_kind, identifiers) in named {
                for identifier in identifiers {
                    // IAM takes a wildcard only as the whole principal `"AWS": "*"`, and no policy variable.
                    let whole_wildcard = *principal_kind == PrincipalKind::Aws && identifier == "*";
                    if widens(identifier) && !whole_wildcard {
                        found_principals.push(Problem {
                            statement: at,
                            field: "Principal",
                            rule: Rule::Form,
                            value: Some(identifier.clone()),
                            warning: false,
                            message: format!(
                                "{identifier:?} is not a principal IAM accepts: a principal names one account, role, user, service or identity provider, and {WIDENS}; only \"AWS\": \"*\" (or \"Principal\": \"*\") may be a wildcard"
                            ),
                        });
                    }
                }
            }
        }
        match (kind, &statement.principal) {
            (DocumentKind::Permissions, Some(_)) => {
                report(at, "Principal", "a permissions policy must not name a Principal; that belongs in the trust policy".into())
            }
            (DocumentKind::Permissions, None) if statement.not_principal.is_some() => report(
                at,
                "NotPrincipal",
                "a permissions policy must not name a NotPrincipal; principals belong in the trust policy".into(),
            ),
            (DocumentKind::Trust | DocumentKind::Resource, None) => {
                report(at, "Principal", format!("a {kind} statement needs a Principal"))
            }
            _ => {}
        }
    }
    found.extend(found_principals);
    // A character IAM refuses is the one thing to say of its field: the form rules would only
    // repeat it in other words.
    let with_characters: HashSet<(Option<usize>, &str)> = found_characters.iter().map(|c| (c.statement, c.field)).collect();
    found.retain(|p| !with_characters.contains(&(p.statement, p.field)));
    found_characters.extend(found);
    found_characters
}

/// [`problems`], and for a document of the user's own what AWS's service data says against it
/// (unknown actions and condition keys, resources its actions do not act on) and Access
/// Analyzer's checks (`policy::findings`). The roles' own documents are checked against the same
/// data and checks by the tests, so reading them never inflates the data.
pub fn user_problems(document: &PolicyDocument, kind: DocumentKind) -> Vec<Problem> {
    let mut found = problems(document, kind);
    if !found.is_empty() {
        return found;
    }
    found.extend(findings(document, kind).into_iter().map(|f| Problem {
        statement: f.statement,
        field: f.field,
        rule: Rule::Check(f.check),
        warning: f.check.finding_type != FindingType::Error,
        message: f.detail(),
        value: f.value,
    }));
    if let Some(data) = super::service_data::service_data() {
        for (i, statement) in document.statements.iter().enumerate() {
            found.extend(data.findings(statement).into_iter().map(|f| Problem {
                statement: Some(i),
                field: f.field,
                rule: Rule::ServiceData,
                value: Some(f.value),
                warning: f.warning,
                message: f.message,
            }));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::statement::{Principal, Statement};

    #[test]
    fn finds_each_broken_rule() {
        let doc = PolicyDocument::new(vec![
            Statement::allow("Ok1").actions(["s3:GetObject"]).any_resource(),
            Statement::allow("Ok1").actions(["s3 GetObject"]).any_resource(),
            Statement::allow("Bad-Sid").actions(["s3:*"]).principal(Principal::Anyone),
        ]);
        let found: Vec<_> = problems(&doc, DocumentKind::Permissions).into_iter().map(|p| (p.statement, p.field)).collect();
        assert_eq!(found, [(Some(1), "Sid"), (Some(1), "Action"), (Some(2), "Sid"), (Some(2), "Resource"), (Some(2), "Principal")]);
    }

    #[test]
    fn characters_outside_latin1_are_found_in_every_field() {
        let doc = PolicyDocument::new(vec![Statement::allow("Ok").actions(["s3:GetObject"]).any_resource().condition(
            crate::policy::Operator::STRING_EQUALS,
            crate::policy::ConditionKey::SOURCE_ACCOUNT,
            ["caf\u{e9}\u{2013}"],
        )]);
        let found = problems(&doc, DocumentKind::Permissions);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].field, found[0].rule), ("Condition", Rule::Character));
        assert_eq!(
            found[0].message,
            "'–' (U+2013) is not allowed in IAM policies, which accept only tab, newline, carriage return and U+0020 to U+00FF"
        );
    }

    #[test]
    fn service_prefixes_are_read_without_regard_to_case() {
        let doc = PolicyDocument::new(vec![Statement::allow("Up").actions(["S3:GetObject", "STS:AssumeRole"]).any_resource()]);
        assert_eq!(problems(&doc, DocumentKind::Permissions), []);
    }

    #[test]
    fn wildcards_inside_principals_are_refused_but_the_whole_wildcard_is_not() {
        let principal = |kind: PrincipalKind, id: &str| Principal::Named([(kind, [id.to_owned()].into())].into());
        let trust = |p: Principal| PolicyDocument::new(vec![Statement::allow("T").actions(["sts:AssumeRole"]).principal(p)]);
        let refused = |p: Principal| -> Vec<Option<String>> {
            problems(&trust(p), DocumentKind::Trust).into_iter().filter(|p| p.field == "Principal").map(|p| p.value).collect()
        };
        let rows = [
            ("account wildcard", principal(PrincipalKind::Aws, "arn:aws:iam::*:root"), true),
            ("role name wildcard", principal(PrincipalKind::Aws, "arn:aws:iam::123456789012:role/team-*"), true),
            ("question mark", principal(PrincipalKind::Aws, "arn:aws:iam::12345678901?:root"), true),
            ("policy variable", principal(PrincipalKind::Aws, "arn:aws:iam::123456789012:user/${aws:username}"), true),
            ("service wildcard", principal(PrincipalKind::Service, "*.amazonaws.com"), true),
            ("whole service wildcard", principal(PrincipalKind::Service, "*"), true),
            ("whole AWS wildcard", principal(PrincipalKind::Aws, "*"), false),
            ("one role", principal(PrincipalKind::Aws, "arn:aws:iam::123456789012:role/team"), false),
            ("anyone", Principal::Anyone, false),
        ];
        for (name, p, wrong) in rows {
            let found = refused(p);
            assert_eq!(found.len(), usize::from(wrong), "{name}: {found:?}");
        }
    }

    #[test]
    fn trust_rules() {
        let doc = PolicyDocument::new(vec![Statement::allow("T").actions(["sts:AssumeRole"]).any_resource()]);
        let fields: Vec<_> = problems(&doc, DocumentKind::Trust).into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["Principal"]);
        let found = user_problems(&doc, DocumentKind::Trust);
        assert_eq!(found.iter().map(|p| p.field).collect::<Vec<_>>(), ["Principal"]);
        let with_principal = PolicyDocument::new(vec![Statement::allow("T")
            .actions(["sts:AssumeRole"])
            .any_resource()
            .principal(Principal::service("qbusiness.amazonaws.com"))
            .condition(crate::policy::Operator::STRING_EQUALS, crate::policy::ConditionKey::SOURCE_ACCOUNT, ["111122223333"])]);
        let found = user_problems(&with_principal, DocumentKind::Trust);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(matches!(found[0].rule, Rule::Check(c) if c.code == "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE"));
        assert!(!found[0].warning);
        assert_eq!(problems(&PolicyDocument::new(vec![]), DocumentKind::Trust)[0].field, "Statement");
    }
}
