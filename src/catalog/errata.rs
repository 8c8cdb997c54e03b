//! The errata a hand-written Q Business role commonly repeats, recognised in a policy checked
//! against the provider's document: each names its row of the errata guide and why.

use crate::policy::compare::Difference;
use crate::policy::PolicyDocument;

/// One errata row a checked policy matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Erratum {
    /// The row of the errata guide, e.g. `C3`.
    pub row: &'static str,
    /// The statement of the policy concerned, when one is.
    pub statement: Option<usize>,
    /// What the policy does and why it is wrong.
    pub message: String,
}

/// Q Apps actions AWS deprecated on 05/22/2025 and no longer lists (errata W3).
const DEPRECATED_QAPPS: [&str; 3] = ["qapps:ImportDocumentToQApp", "qapps:ImportDocumentToQAppSession", "qapps:CreatePresignedUrl"];

/// The errata rows `policy` matches, given what it misses against the provider's document.
pub fn matches(policy: &PolicyDocument, missing: &[Difference]) -> Vec<Erratum> {
    let mut found = Vec::new();
    for (i, statement) in policy.statements.iter().enumerate() {
        if let Some(resources) = &statement.resources {
            if resources.entries().iter().any(|r| r.contains(":qbusiness:") && r.contains("/data-source/")) {
                found.push(Erratum {
                    row: "C3",
                    statement: Some(i),
                    message:
                        "grants on …/index/ID/data-source/*, which no principal-mapping or ingest action accepts: that ARN grants nothing"
                            .into(),
                });
            }
        }
        for action in statement.actions.names() {
            if let Some(deprecated) = DEPRECATED_QAPPS.iter().find(|d| d.eq_ignore_ascii_case(action)) {
                found.push(Erratum {
                    row: "W3",
                    statement: Some(i),
                    message: format!(
                        "{deprecated} was deprecated on 05/22/2025 and no longer exists; qapps:ImportDocument covers document import"
                    ),
                });
            }
        }
    }
    let misses = |action: &str, resource: &dyn Fn(&str) -> bool| {
        missing.iter().any(|d| d.request.action.eq_ignore_ascii_case(action) && d.request.resource.as_deref().is_some_and(resource))
    };
    let application_only = |r: &str| r.contains(":application/") && !r.contains("/index/");
    if misses("qbusiness:BatchPutDocument", &application_only) || misses("qbusiness:BatchDeleteDocument", &application_only) {
        found.push(Erratum {
            row: "C2",
            statement: None,
            message: "ingests on the index ARN only; BatchPutDocument and BatchDeleteDocument need the application ARN too".into(),
        });
    }
    if misses("qbusiness:GetWebExperience", &|r| r.contains("/web-experience/")) {
        found.push(Erratum {
            row: "W2",
            statement: None,
            message: "grants GetWebExperience on the application ARN only; it acts on the web experience, so it is never granted".into(),
        });
    }
    found
}
