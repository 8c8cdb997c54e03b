//! Checks of what a statement grants: `iam:PassRole` and `iam:CreateServiceLinkedRole` on every
//! role, resources written wrong, and actions, resources or statements that repeat others.

use super::{Check, Finding, FindingType};
use crate::policy::evaluate::{action_matches, resource_matches};
use crate::policy::statement::{Actions, DocumentKind, Effect, PolicyDocument, Resources, Statement};

const PERMISSIONS: DocumentKind = DocumentKind::Permissions;

/// The six ways a statement can grant a sensitive IAM action on every role, each its own check.
struct Sensitive {
    action: &'static str,
    /// Action named, `*` in Resource; wildcard action, `*` in Resource; NotAction, `*` in Resource;
    /// action named, NotResource; wildcard action, NotResource; NotAction, NotResource.
    checks: [&'static Check; 6],
}

macro_rules! sensitive_check {
    ($name:ident, $code:literal, $type:expr, $meaning:literal, $statement:literal) => {
        pub(super) const $name: Check = Check {
            code: $code,
            finding_type: $type,
            meaning: $meaning,
            example: (PERMISSIONS, concat!(r#"{"Version":"2012-10-17","Statement":["#, $statement, "]}")),
        };
    };
}

const SW: FindingType = FindingType::SecurityWarning;
const W: FindingType = FindingType::Warning;

sensitive_check!(PASS_ROLE_STAR_RESOURCE, "PASS_ROLE_WITH_STAR_IN_RESOURCE", SW,
    "`iam:PassRole` on every role: whoever holds it can hand any role, an administrator's too, to a service. The S3 connector's role passes `role/QBusiness-DataSource-*` or the ARNs in `pass_role_arns` only.",
    r#"{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}"#);
sensitive_check!(
    PASS_ROLE_STAR_ACTION_RESOURCE,
    "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
    SW,
    "A wildcard action (`iam:*`, `*`) that covers `iam:PassRole`, on every role.",
    r#"{"Effect":"Allow","Action":"iam:*","Resource":"*"}"#
);
sensitive_check!(
    PASS_ROLE_STAR_RESOURCE_NOT_ACTION,
    "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION",
    SW,
    "NotAction leaves `iam:PassRole` granted, on every role.",
    r#"{"Effect":"Allow","NotAction":"s3:DeleteBucket","Resource":"*"}"#
);
sensitive_check!(
    PASS_ROLE_NOT_RESOURCE,
    "PASS_ROLE_WITH_NOT_RESOURCE",
    SW,
    "`iam:PassRole` on every role but those listed.",
    r#"{"Effect":"Allow","Action":"iam:PassRole","NotResource":"arn:aws:iam::111122223333:role/admin"}"#
);
sensitive_check!(
    PASS_ROLE_STAR_ACTION_NOT_RESOURCE,
    "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
    SW,
    "A wildcard action covering `iam:PassRole`, on every role but those listed.",
    r#"{"Effect":"Allow","Action":"iam:Pass*","NotResource":"arn:aws:iam::111122223333:role/admin"}"#
);
sensitive_check!(
    PASS_ROLE_NOT_ACTION_NOT_RESOURCE,
    "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE",
    SW,
    "NotAction and NotResource together leave `iam:PassRole` granted on almost every role.",
    r#"{"Effect":"Allow","NotAction":"s3:DeleteBucket","NotResource":"arn:aws:iam::111122223333:role/admin"}"#
);
sensitive_check!(SLR_STAR_RESOURCE, "CREATE_SLR_WITH_STAR_IN_RESOURCE", W,
    "`iam:CreateServiceLinkedRole` for every service: no Q Business role needs it (the application's service-linked role is created by whoever creates the application).",
    r#"{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*"}"#);
sensitive_check!(
    SLR_STAR_ACTION_RESOURCE,
    "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE",
    W,
    "A wildcard action covering `iam:CreateServiceLinkedRole`, for every service.",
    r#"{"Effect":"Allow","Action":"iam:Create*","Resource":"*"}"#
);
sensitive_check!(
    SLR_STAR_RESOURCE_NOT_ACTION,
    "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION",
    W,
    "NotAction leaves `iam:CreateServiceLinkedRole` granted, for every service.",
    r#"{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}"#
);
sensitive_check!(
    SLR_NOT_RESOURCE,
    "CREATE_SLR_WITH_NOT_RESOURCE",
    W,
    "`iam:CreateServiceLinkedRole` for every service but those listed.",
    r#"{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","NotResource":"arn:aws:iam::111122223333:role/x"}"#
);
sensitive_check!(
    SLR_STAR_ACTION_NOT_RESOURCE,
    "CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
    W,
    "A wildcard action covering `iam:CreateServiceLinkedRole`, with NotResource.",
    r#"{"Effect":"Allow","Action":"iam:*","NotResource":"arn:aws:iam::111122223333:role/x"}"#
);
sensitive_check!(
    SLR_NOT_ACTION_NOT_RESOURCE,
    "CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE",
    W,
    "NotAction and NotResource together leave `iam:CreateServiceLinkedRole` granted.",
    r#"{"Effect":"Allow","NotAction":"s3:*","NotResource":"arn:aws:iam::111122223333:role/x"}"#
);

pub(super) const REDUNDANT_ACTION: Check = Check {
    code: "REDUNDANT_ACTION",
    finding_type: FindingType::Suggestion,
    meaning: "An action another entry of the same list already covers (`s3:GetObject` beside `s3:Get*`).",
    example: (
        PERMISSIONS,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:GetObject"],"Resource":"arn:aws:s3:::docs/*"}]}"#,
    ),
};

pub(super) const REDUNDANT_RESOURCE: Check = Check {
    code: "REDUNDANT_RESOURCE",
    finding_type: FindingType::Suggestion,
    meaning: "A resource another entry of the same list already covers (`…:index/i-1` beside `…:index/*`).",
    example: (
        PERMISSIONS,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::docs/*","arn:aws:s3:::docs/a.txt"]}]}"#,
    ),
};

pub(super) const REDUNDANT_STATEMENT: Check = Check {
    code: "REDUNDANT_STATEMENT",
    finding_type: FindingType::Suggestion,
    meaning: "Two statements that differ only in their Sid: one is enough (common after copying a page's policy twice).",
    example: (
        PERMISSIONS,
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::docs/*"},{"Sid":"B","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::docs/*"}]}"#,
    ),
};

pub(super) const WILDCARD_IN_SERVICE: Check = Check {
    code: "WILDCARD_IN_SERVICE_NAME",
    finding_type: FindingType::Suggestion,
    meaning: "A wildcard in a resource ARN's service: name the service (`qbusiness`, `s3`).",
    example: (
        PERMISSIONS,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"qbusiness:Chat","Resource":"arn:aws:q*:us-east-1:111122223333:application/a"}]}"#,
    ),
};

pub(super) const SERVICE_CASE: Check = Check {
    code: "INVALID_ARN_SERVICE_CASE",
    finding_type: FindingType::Error,
    meaning: "A resource ARN's service is written in lower case (`qbusiness`, not `QBusiness`); otherwise the ARN names nothing.",
    example: (
        PERMISSIONS,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"qbusiness:Chat","Resource":"arn:aws:QBusiness:us-east-1:111122223333:application/a"}]}"#,
    ),
};

pub(super) const ARN_ACCOUNT: Check = Check {
    code: "INVALID_ARN_ACCOUNT",
    finding_type: FindingType::Error,
    meaning: "A resource ARN's account is twelve digits (or empty, or a wildcard); anything else names nothing, e.g. an account id that lost its leading zero.",
    example: (PERMISSIONS, r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"qbusiness:Chat","Resource":"arn:aws:qbusiness:us-east-1:11112222333:application/a"}]}"#),
};

pub(super) const EMPTY_SID: Check = Check {
    code: "EMPTY_SID_VALUE",
    finding_type: FindingType::Suggestion,
    meaning: "An empty Sid: leave it out, or name the statement.",
    example: (
        PERMISSIONS,
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::docs/*"}]}"#,
    ),
};

pub(super) const CHECKS: [&Check; 19] = [
    &PASS_ROLE_STAR_RESOURCE,
    &PASS_ROLE_STAR_ACTION_RESOURCE,
    &PASS_ROLE_STAR_RESOURCE_NOT_ACTION,
    &PASS_ROLE_NOT_RESOURCE,
    &PASS_ROLE_STAR_ACTION_NOT_RESOURCE,
    &PASS_ROLE_NOT_ACTION_NOT_RESOURCE,
    &SLR_STAR_RESOURCE,
    &SLR_STAR_ACTION_RESOURCE,
    &SLR_STAR_RESOURCE_NOT_ACTION,
    &SLR_NOT_RESOURCE,
    &SLR_STAR_ACTION_NOT_RESOURCE,
    &SLR_NOT_ACTION_NOT_RESOURCE,
    &REDUNDANT_ACTION,
    &REDUNDANT_RESOURCE,
    &REDUNDANT_STATEMENT,
    &WILDCARD_IN_SERVICE,
    &SERVICE_CASE,
    &ARN_ACCOUNT,
    &EMPTY_SID,
];

const SENSITIVE: [Sensitive; 2] = [
    Sensitive {
        action: "iam:PassRole",
        checks: [
            &PASS_ROLE_STAR_RESOURCE,
            &PASS_ROLE_STAR_ACTION_RESOURCE,
            &PASS_ROLE_STAR_RESOURCE_NOT_ACTION,
            &PASS_ROLE_NOT_RESOURCE,
            &PASS_ROLE_STAR_ACTION_NOT_RESOURCE,
            &PASS_ROLE_NOT_ACTION_NOT_RESOURCE,
        ],
    },
    Sensitive {
        action: "iam:CreateServiceLinkedRole",
        checks: [
            &SLR_STAR_RESOURCE,
            &SLR_STAR_ACTION_RESOURCE,
            &SLR_STAR_RESOURCE_NOT_ACTION,
            &SLR_NOT_RESOURCE,
            &SLR_STAR_ACTION_NOT_RESOURCE,
            &SLR_NOT_ACTION_NOT_RESOURCE,
        ],
    },
];

/// A Resource entry that names every role: `*`, or an IAM ARN whose resource is all wildcard.
fn every_role(entry: &str) -> bool {
    let resource = entry.splitn(6, ':').nth(5);
    entry == "*" || matches!(resource, Some("*" | "role/*" | "role*" | "*/*"))
}

fn sensitive(statement: &Statement, at: Option<usize>, found: &mut Vec<Finding>) {
    if statement.effect != Effect::Allow {
        return;
    }
    for sensitive in &SENSITIVE {
        // Which way the action is granted: named, through a wildcard, or left over by NotAction.
        let how = match &statement.actions {
            Actions::Action(names) if names.iter().any(|n| n.eq_ignore_ascii_case(sensitive.action)) => Some(0),
            Actions::Action(names) if names.iter().any(|n| action_matches(n, sensitive.action)) => Some(1),
            Actions::NotAction(names) if !names.iter().any(|n| action_matches(n, sensitive.action)) => Some(2),
            Actions::Action(_) | Actions::NotAction(_) => None,
        };
        let Some(how) = how else { continue };
        let (offset, field) = match &statement.resources {
            Some(Resources::Resource(entries)) if entries.iter().any(|e| every_role(e)) => (0, "Resource"),
            Some(Resources::NotResource(_)) => (3, "NotResource"),
            _ => continue,
        };
        let check = sensitive.checks[offset + how];
        let granted = ["named", "through a wildcard action", "through NotAction"][how];
        let scope = if offset == 0 { "on every role" } else { "on every role but those NotResource lists" };
        found.push(check.at(
            at,
            field,
            Some(sensitive.action),
            format!("{} is granted {granted}, {scope}; name the roles it may act on", sensitive.action),
        ));
    }
}

fn redundant_entries(statement: &Statement, at: Option<usize>, found: &mut Vec<Finding>) {
    let literal = |s: &str| !s.contains(['*', '?']) && !s.contains("${");
    let names = statement.actions.names();
    for name in names.iter().filter(|n| literal(n)) {
        if let Some(other) = names.iter().find(|o| *o != name && action_matches(o, name)) {
            found.push(REDUNDANT_ACTION.at(at, statement.actions.field(), Some(name), format!("{name} is already covered by {other}")));
        }
    }
    if let Some(resources) = &statement.resources {
        let entries = resources.entries();
        for entry in entries.iter().filter(|e| literal(e)) {
            if let Some(other) = entries.iter().find(|o| *o != entry && resource_matches(o, entry)) {
                found.push(REDUNDANT_RESOURCE.at(at, resources.field(), Some(entry), format!("{entry} is already covered by {other}")));
            }
        }
        for entry in entries.iter().filter(|e| *e != "*") {
            let parts: Vec<&str> = entry.splitn(6, ':').collect();
            if parts.len() < 6 {
                continue;
            }
            let (service, account) = (parts[2], parts[4]);
            if service.contains(['*', '?']) {
                found.push(WILDCARD_IN_SERVICE.at(
                    at,
                    resources.field(),
                    Some(entry),
                    format!("{entry} has a wildcard in its service; name the service"),
                ));
            } else if service.bytes().any(|b| b.is_ascii_uppercase()) {
                found.push(SERVICE_CASE.at(
                    at,
                    resources.field(),
                    Some(entry),
                    format!("{entry}: the service is written in lower case, {}", service.to_ascii_lowercase()),
                ));
            }
            let twelve_digits = account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit());
            if !(account.is_empty() || twelve_digits || account.contains(['*', '?']) || account.contains("${")) {
                found.push(ARN_ACCOUNT.at(
                    at,
                    resources.field(),
                    Some(entry),
                    format!("{entry}: the account {account:?} is not twelve digits"),
                ));
            }
        }
    }
}

pub(super) fn run(document: &PolicyDocument, kind: DocumentKind, found: &mut Vec<Finding>) {
    for (i, statement) in document.statements.iter().enumerate() {
        let at = Some(i);
        if kind != DocumentKind::Trust {
            sensitive(statement, at, found);
        }
        redundant_entries(statement, at, found);
        if statement.sid.as_deref() == Some("") {
            found.push(EMPTY_SID.at(at, "Sid", None, "the Sid is empty; leave it out or name the statement".into()));
        }
        let same = |other: &Statement| Statement { sid: None, ..other.clone() } == Statement { sid: None, ..statement.clone() };
        if let Some(j) = document.statements[..i].iter().position(same) {
            found.push(REDUNDANT_STATEMENT.at(
                at,
                "Statement",
                None,
                format!("statement {i} grants what statement {j} grants; remove one"),
            ));
        }
    }
}
