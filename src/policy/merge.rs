//! Combining a computed document with the user's own statements, like `aws_iam_policy_document`:
//! source documents and extra statements are appended, override documents replace statements by Sid.

use std::collections::HashMap;

use thiserror::Error;

use super::statement::{PolicyDocument, Statement};

/// Which addition a statement came from: the n-th source document or the n-th extra statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The n-th source document.
    Source(usize),
    /// The n-th extra statement.
    Statement(usize),
}

/// Why the additions cannot be merged.
#[allow(missing_docs)] // the variants' fields are named for what they hold
#[derive(Debug, Error, PartialEq, Eq)]
pub enum MergeError {
    #[error("Sid {sid:?} is already used by another statement; appended statements need distinct Sids (use override_policy_documents to replace a statement)")]
    DuplicateSid { sid: String, origin: Origin },
}

/// The user's additions, in the order they are applied.
#[derive(Clone, Debug, Default)]
pub struct Additions {
    /// Documents whose statements are appended.
    pub sources: Vec<PolicyDocument>,
    /// Statements appended after them.
    pub statements: Vec<Statement>,
    /// Documents applied last, replacing statements by Sid.
    pub overrides: Vec<PolicyDocument>,
}

impl Additions {
    /// Nothing to add.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty() && self.statements.is_empty() && self.overrides.is_empty()
    }
}

/// Appends sources then statements (a Sid already present is an error), then applies each override
/// document: a statement whose Sid is present replaces it in place, any other is appended. Sids are
/// looked up in a map, so merging is linear in the number of statements.
pub fn merge(base: PolicyDocument, additions: &Additions) -> Result<PolicyDocument, MergeError> {
    let PolicyDocument { id: base_id, mut statements } = base;
    // Where each Sid stands; the base's own Sids are unique (the lint checks them).
    let mut positions: HashMap<String, usize> = statements.iter().enumerate().filter_map(|(i, s)| Some((s.sid.clone()?, i))).collect();
    let sources = additions.sources.iter().enumerate().flat_map(|(i, d)| d.statements.iter().map(move |s| (Origin::Source(i), s)));
    let extra = additions.statements.iter().enumerate().map(|(i, s)| (Origin::Statement(i), s));
    for (origin, statement) in sources.chain(extra) {
        if let Some(sid) = &statement.sid {
            if positions.insert(sid.clone(), statements.len()).is_some() {
                return Err(MergeError::DuplicateSid { sid: sid.clone(), origin });
            }
        }
        statements.push(statement.clone());
    }
    for document in &additions.overrides {
        for statement in &document.statements {
            match statement.sid.as_ref().and_then(|sid| positions.get(sid)) {
                Some(&i) => statements[i] = statement.clone(),
                None => {
                    if let Some(sid) = &statement.sid {
                        positions.insert(sid.clone(), statements.len());
                    }
                    statements.push(statement.clone());
                }
            }
        }
    }
    // The Id of the last document that has one, as `aws_iam_policy_document` merges them.
    let id = additions.overrides.iter().rev().chain(additions.sources.iter().rev()).find_map(|d| d.id.clone()).or(base_id);
    Ok(PolicyDocument { id, statements })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stmt(sid: &str, action: &str) -> Statement {
        Statement::allow(sid).actions([action]).any_resource()
    }

    #[test]
    fn appends_then_overrides_in_place() {
        let base = PolicyDocument::new(vec![stmt("A", "s3:GetObject"), stmt("B", "s3:ListBucket")]);
        let additions = Additions {
            sources: vec![PolicyDocument::new(vec![stmt("C", "kms:Decrypt")])],
            statements: vec![stmt("D", "sqs:SendMessage")],
            overrides: vec![PolicyDocument::new(vec![stmt("B", "s3:ListAllMyBuckets"), stmt("E", "sns:Publish")])],
        };
        let merged = merge(base, &additions).unwrap();
        let summary: Vec<_> =
            merged.statements.iter().map(|s| (s.sid.clone().unwrap(), s.actions.names().iter().next().unwrap().clone())).collect();
        let expected =
            [("A", "s3:GetObject"), ("B", "s3:ListAllMyBuckets"), ("C", "kms:Decrypt"), ("D", "sqs:SendMessage"), ("E", "sns:Publish")];
        assert_eq!(summary, expected.map(|(a, b)| (a.to_owned(), b.to_owned())));
    }

    #[test]
    fn an_override_replaces_the_statement_an_earlier_override_appended() {
        let base = PolicyDocument::new(vec![stmt("A", "s3:GetObject")]);
        let additions = Additions {
            overrides: vec![PolicyDocument::new(vec![stmt("B", "s3:PutObject")]), PolicyDocument::new(vec![stmt("B", "s3:DeleteObject")])],
            ..Default::default()
        };
        let merged = merge(base, &additions).unwrap();
        let actions: Vec<_> = merged.statements.iter().map(|s| s.actions.names().iter().next().unwrap().clone()).collect();
        assert_eq!(actions, ["s3:GetObject", "s3:DeleteObject"]);
    }

    #[test]
    fn duplicate_sid_in_appended_statements_is_an_error() {
        let base = PolicyDocument::new(vec![stmt("A", "s3:GetObject")]);
        let additions = Additions { statements: vec![stmt("A", "s3:PutObject")], ..Default::default() };
        assert_eq!(merge(base, &additions), Err(MergeError::DuplicateSid { sid: "A".into(), origin: Origin::Statement(0) }));
    }
}
