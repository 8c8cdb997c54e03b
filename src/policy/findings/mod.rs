//! Access Analyzer's policy checks that can be decided offline, as one findings engine: each
//! check carries Access Analyzer's issue code, its finding type and a link to AWS's check
//! reference, and runs on a document of a known kind (permissions, trust or resource policy).
//! `coverage` lists every check of AWS's reference and what this engine does with it.

mod conditions;
pub mod coverage;
mod grants;
mod principals;

use std::fmt;

use super::statement::{DocumentKind, PolicyDocument};

/// AWS's check reference, the page every finding links to.
pub const REFERENCE: &str = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";

/// Access Analyzer's finding types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingType {
    /// The policy does not work as written, or IAM refuses it.
    Error,
    /// The policy grants more than it seems to.
    SecurityWarning,
    /// A general warning: the policy may not do what is meant.
    Warning,
    /// A suggestion: the policy can be simpler.
    Suggestion,
}

impl FindingType {
    /// The type as Access Analyzer's reference names it.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingType::Error => "error",
            FindingType::SecurityWarning => "security warning",
            FindingType::Warning => "warning",
            FindingType::Suggestion => "suggestion",
        }
    }

    /// The type's part of an anchor on AWS's reference page.
    fn anchor(self) -> &'static str {
        match self {
            FindingType::Error => "error",
            FindingType::SecurityWarning => "security-warning",
            FindingType::Warning => "general-warning",
            FindingType::Suggestion => "suggestion",
        }
    }
}

impl fmt::Display for FindingType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One of Access Analyzer's checks as this engine implements it.
#[derive(Debug, PartialEq, Eq)]
pub struct Check {
    /// Access Analyzer's issue code, e.g. `PASS_ROLE_WITH_STAR_IN_RESOURCE`.
    pub code: &'static str,
    /// Its finding type.
    pub finding_type: FindingType,
    /// What the finding means for a Q Business role.
    pub meaning: &'static str,
    /// A document that triggers the check, and its kind: the docs show it and a test runs it.
    pub example: (DocumentKind, &'static str),
}

impl Check {
    /// The check's section of AWS's reference.
    pub fn link(&self) -> String {
        format!(
            "{REFERENCE}#access-analyzer-reference-policy-checks-{}-{}",
            self.finding_type.anchor(),
            self.code.to_ascii_lowercase().replace('_', "-")
        )
    }

    fn at(&'static self, statement: Option<usize>, field: &'static str, value: Option<&str>, message: String) -> Finding {
        Finding { check: self, statement, field, value: value.map(str::to_owned), message }
    }
}

/// One check a document fails, located by statement and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The check.
    pub check: &'static Check,
    /// The statement's index, or `None` for the document as a whole.
    pub statement: Option<usize>,
    /// The JSON field concerned: `Principal`, `Action`, `Resource`, `Condition`, …
    pub field: &'static str,
    /// The element concerned (a principal, an action, a condition key), when it is one.
    pub value: Option<String>,
    /// What is wrong, and what to write instead.
    pub message: String,
}

impl Finding {
    /// The finding as a diagnostic's detail: code and type first, so users can search for them,
    /// then what is wrong, then AWS's reference.
    pub fn detail(&self) -> String {
        format!("{} ({}): {} See {}", self.check.code, self.check.finding_type, self.message, self.check.link())
    }
}

/// Findings the roles' own documents carry on purpose: (code, golden documents whose name starts
/// with this, why). The golden test allows exactly these; the check table shows them.
pub const BY_DESIGN: &[(&str, &str, &str)] = &[(
    "REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION",
    "trust-web-experience-",
    "AWS's web experience pages publish `\"StringLike\": {\"aws:RequestTag/Email\": \"*\"}` on `sts:TagSession`: the session must carry the user's e-mail tag, whatever it is. It is kept as published; `Null` would say the same in other words.",
)];

/// Every implemented check, in the order the docs list them.
pub fn checks() -> Vec<&'static Check> {
    let mut all = Vec::new();
    all.extend(principals::CHECKS);
    all.extend(grants::CHECKS);
    all.extend(conditions::CHECKS);
    all
}

/// Every finding of `document` read as a `kind` of policy, in statement order.
pub fn findings(document: &PolicyDocument, kind: DocumentKind) -> Vec<Finding> {
    let mut found = Vec::new();
    principals::run(document, kind, &mut found);
    grants::run(document, kind, &mut found);
    conditions::run(document, kind, &mut found);
    found.sort_by_key(|f| (f.statement, f.check.finding_type));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_is_found_in_its_example_and_codes_are_unique() {
        let mut codes = std::collections::BTreeSet::new();
        for check in checks() {
            assert!(codes.insert(check.code), "{} is implemented twice", check.code);
            let (kind, text) = check.example;
            let document = PolicyDocument::from_json(text).unwrap_or_else(|e| panic!("{}: the example does not parse: {e}", check.code));
            let found = findings(&document, kind);
            assert!(found.iter().any(|f| f.check.code == check.code), "{}: its example gives {found:#?}", check.code);
        }
    }

    #[test]
    fn links_point_at_the_checks_section() {
        let check = checks().into_iter().find(|c| c.code == "PASS_ROLE_WITH_STAR_IN_RESOURCE").unwrap();
        assert_eq!(
            check.link(),
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource"
        );
    }
}
