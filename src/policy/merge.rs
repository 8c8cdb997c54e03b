//! Combining a computed document with the user's own statements, like `aws_iam_policy_document`:
//! source documents and extra statements are appended, override documents replace statements by Sid.

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

fn ensure_unique_sid(statements: &[Statement], sid: &Option<String>, origin: Origin) -> Result<(), MergeError> {
    match sid {
        Some(sid) if statements.iter().any(|s| s.sid.as_ref() == Some(sid)) => Err(MergeError::DuplicateSid { sid: sid.clone(), origin }),
        _ => Ok(()),
    }
}

/// Appends sources then statements (a Sid already present is an error), then applies each override
/// document: a statement whose Sid is present replaces it in place, any other is appended.
pub fn merge(base: PolicyDocument, additions: &Additions) -> Result<PolicyDocument, MergeError> {
    let PolicyDocument { id: base_id, mut statements } = base;
    let sources = additions.sources.iter().enumerate().flat_map(|(i, d)| d.statements.iter().map(move |s| (Origin::Source(i), s)));
    let extra = additions.statements.iter().enumerate().map(|(i, s)| (Origin::Statement(i), s));
    for (origin, statement) in sources.chain(extra) {
        ensure_unique_sid(&statements, &statement.sid, origin)?;
        statements.push(statement.clone());
    }
    for document in &additions.overrides {
        for statement in &document.statements {
            let position = statement.sid.as_ref().and_then(|sid| statements.iter().position(|s| s.sid.as_ref() == Some(sid)));
            match position {
                Some(i) => statements[i] = statement.clone(),
                None => statements.push(statement.clone()),
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
    fn duplicate_sid_in_appended_statements_is_an_error() {
        let base = PolicyDocument::new(vec![stmt("A", "s3:GetObject")]);
        let additions = Additions { statements: vec![stmt("A", "s3:PutObject")], ..Default::default() };
        assert_eq!(merge(base, &additions), Err(MergeError::DuplicateSid { sid: "A".into(), origin: Origin::Statement(0) }));
    }
}
