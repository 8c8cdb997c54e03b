//! Structural rules every document must meet before it is handed out: Sids, action and resource
//! shapes, principals where they belong. (The IAM oracle checks the service data; this checks form.)

use std::collections::BTreeSet;

use super::statement::{DocumentKind, PolicyDocument, Resources};

/// One rule a document breaks, located by statement index and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub statement: Option<usize>,
    pub field: &'static str,
    pub message: String,
}

fn is_action(text: &str) -> bool {
    if text == "*" {
        return true;
    }
    match text.split_once(':') {
        Some((service, name)) => {
            !service.is_empty()
                && service.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !name.is_empty()
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'*' || b == b'?')
        }
        None => false,
    }
}

fn is_resource(text: &str) -> bool {
    text == "*" || (text.starts_with("arn:") && text.splitn(6, ':').count() == 6 && !text.contains(char::is_whitespace))
}

pub fn problems(document: &PolicyDocument, kind: DocumentKind) -> Vec<Problem> {
    let mut found = Vec::new();
    let mut report = |statement: Option<usize>, field: &'static str, message: String| {
        found.push(Problem { statement, field, message });
    };
    if document.statements.is_empty() {
        report(None, "Statement", "a policy needs at least one statement".into());
    }
    let mut sids = BTreeSet::new();
    for (i, statement) in document.statements.iter().enumerate() {
        let at = Some(i);
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
            (DocumentKind::Permissions, None) => report(at, "Resource", "a permissions statement needs Resource or NotResource".into()),
            (DocumentKind::Trust, Some(_)) => report(at, "Resource", "a trust policy statement must not name a Resource".into()),
            (DocumentKind::Permissions, Some(Resources::Resource(r) | Resources::NotResource(r))) => {
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
        match (kind, &statement.principal) {
            (DocumentKind::Permissions, Some(_)) => {
                report(at, "Principal", "a permissions policy must not name a Principal; that belongs in the trust policy".into())
            }
            (DocumentKind::Trust, None) => report(at, "Principal", "a trust policy statement needs a Principal".into()),
            _ => {}
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
    fn trust_rules() {
        let doc = PolicyDocument::new(vec![Statement::allow("T").actions(["sts:AssumeRole"]).any_resource()]);
        let fields: Vec<_> = problems(&doc, DocumentKind::Trust).into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["Resource", "Principal"]);
        assert_eq!(problems(&PolicyDocument::new(vec![]), DocumentKind::Trust)[0].field, "Statement");
    }
}
