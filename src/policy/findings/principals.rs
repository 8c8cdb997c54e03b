//! Checks of who a trust or resource policy lets in: wildcards, NotPrincipal, service principals
//! without their source, identity providers and the actions they take.

use super::{Check, Finding, FindingType};
use crate::policy::evaluate::action_matches;
use crate::policy::statement::{DocumentKind, Effect, PolicyDocument, Principal, PrincipalKind, Statement};

const TRUST: DocumentKind = DocumentKind::Trust;
const RESOURCE: DocumentKind = DocumentKind::Resource;

pub(super) const WILDCARD_PRINCIPAL: Check = Check {
    code: "ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL",
    finding_type: FindingType::Error,
    meaning: "Anyone could assume the role: `\"Principal\": \"*\"`, or `{\"AWS\": \"*\"}` with no condition. A Q Business role is assumed by `qbusiness.amazonaws.com` (or `application.qbusiness.amazonaws.com`) only.",
    example: (TRUST, r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}"#),
};

pub(super) const NOT_PRINCIPAL_IN_TRUST: Check = Check {
    code: "ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL",
    finding_type: FindingType::Error,
    meaning: "IAM refuses NotPrincipal in a role's trust policy; name the service principal instead.",
    example: (
        TRUST,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":{"Service":"qbusiness.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
    ),
};

pub(super) const RESOURCE_IN_TRUST: Check = Check {
    code: "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE",
    finding_type: FindingType::Error,
    meaning: "IAM refuses Resource and NotResource in a role's trust policy: the resource is the role itself.",
    example: (
        TRUST,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"qbusiness.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}}]}"#,
    ),
};

pub(super) const ALLOW_WITH_NOT_PRINCIPAL: Check = Check {
    code: "ALLOW_WITH_NOT_PRINCIPAL",
    finding_type: FindingType::SecurityWarning,
    meaning: "Allow with NotPrincipal grants everyone but the principals named, anonymous callers included: a bucket policy for a data source grants the connector role by name instead.",
    example: (
        RESOURCE,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:role/other"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::docs/*"}]}"#,
    ),
};

pub(super) const RESTRICT_SERVICE_PRINCIPAL: Check = Check {
    code: "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL",
    finding_type: FindingType::SecurityWarning,
    meaning: "A service principal trusted with no `aws:SourceArn`, `aws:SourceAccount`, `aws:SourceOrgID` or `aws:SourceOrgPaths` condition: any Q Business application, of any account, can use the role (the confused deputy). Six of eight public Q Business configurations read do this.",
    example: (TRUST, r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"qbusiness.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#),
};

pub(super) const MISMATCHED_ACTION: Check = Check {
    code: "MISMATCHED_ACTION_FOR_PRINCIPAL",
    finding_type: FindingType::Error,
    meaning: "A SAML provider is assumed with `sts:AssumeRoleWithSAML`, an OIDC provider with `sts:AssumeRoleWithWebIdentity`; any other action never applies to it (the web experience's SAML and OIDC trusts).",
    example: (
        TRUST,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/idp"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]}"#,
    ),
};

pub(super) const OIDC_WITHOUT_AUDIENCE: Check = Check {
    code: "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL",
    finding_type: FindingType::SecurityWarning,
    meaning: "An OIDC provider trusted without a condition on its `aud` key: a token the provider issued to any client can assume the role. The web experience's OIDC trust conditions `HOST:aud` on the client ids.",
    example: (
        TRUST,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/login.example.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}"#,
    ),
};

pub(super) const GITHUB_WITHOUT_REPOSITORY: Check = Check {
    code: "MISSING_GITHUB_REPO_CONDITION_KEY",
    finding_type: FindingType::SecurityWarning,
    meaning: "GitHub's OIDC provider trusted without `token.actions.githubusercontent.com:sub`: any repository's workflow can assume the role (a pipeline that deploys the estate's roles, for example).",
    example: (
        TRUST,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}]}"#,
    ),
};

pub(super) const FEDERATED_OUTSIDE_TRUST: Check = Check {
    code: "FEDERATED_PRINCIPAL_NOT_SUPPORTED",
    finding_type: FindingType::Error,
    meaning: "Identity providers are principals of role trust policies only; a bucket or key policy names the role they assume.",
    example: (
        RESOURCE,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"accounts.google.com"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::docs/*"}]}"#,
    ),
};

pub(super) const FEDERATED_SYNTAX: Check = Check {
    code: "INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY",
    finding_type: FindingType::Error,
    meaning: "A federated principal is a SAML or OIDC provider's ARN or an identity provider's domain name (`accounts.google.com`).",
    example: (
        TRUST,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:role/idp"},"Action":"sts:AssumeRoleWithWebIdentity"}]}"#,
    ),
};

pub(super) const ROLES_ANYWHERE_ACTIONS: Check = Check {
    code: "MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY",
    finding_type: FindingType::Error,
    meaning: "IAM Roles Anywhere needs `sts:AssumeRole`, `sts:SetSourceIdentity` and `sts:TagSession` together (a role also used from outside AWS).",
    example: (
        TRUST,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/a"}}}]}"#,
    ),
};

pub(super) const SERVICE_PRINCIPAL_FORMAT: Check = Check {
    code: "INVALID_SERVICE_PRINCIPAL_FORMAT",
    finding_type: FindingType::Error,
    meaning: "A service principal is the service's DNS name, e.g. `qbusiness.amazonaws.com` (`.amazonaws.com.cn` in China); `qbusiness` alone names nothing.",
    example: (
        TRUST,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"qbusiness"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}}]}"#,
    ),
};

pub(super) const UNIQUE_ID_REFERENCE: Check = Check {
    code: "INVALID_ROLE_REFERENCE",
    finding_type: FindingType::Warning,
    meaning: "A principal written as a role's unique id (`AROA…`): IAM shows that when the role was deleted, so the statement trusts no one; name the role by ARN.",
    example: (
        TRUST,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"AROA1234567890EXAMPLE"},"Action":"sts:AssumeRole"}]}"#,
    ),
};

pub(super) const USER_ID_REFERENCE: Check = Check {
    code: "INVALID_USER_REFERENCE",
    finding_type: FindingType::Warning,
    meaning: "A principal written as a user's unique id (`AIDA…`): the user was deleted; name the principal by ARN.",
    example: (
        TRUST,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"AIDA1234567890EXAMPLE"},"Action":"sts:AssumeRole"}]}"#,
    ),
};

pub(super) const REDUNDANT_SESSION: Check = Check {
    code: "REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY",
    finding_type: FindingType::Suggestion,
    meaning: "A role and one of its sessions are both trusted; the role's ARN already covers its sessions.",
    example: (
        TRUST,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:role/admin","arn:aws:sts::111122223333:assumed-role/admin/ana"]},"Action":"sts:AssumeRole"}]}"#,
    ),
};

pub(super) const EMPTY_PRINCIPAL: Check = Check {
    code: "EMPTY_OBJECT_PRINCIPAL",
    finding_type: FindingType::Suggestion,
    meaning: "`\"Principal\": {}` names no one: the statement applies to no request.",
    example: (TRUST, r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{},"Action":"sts:AssumeRole"}]}"#),
};

pub(super) const CHECKS: [&Check; 16] = [
    &WILDCARD_PRINCIPAL,
    &NOT_PRINCIPAL_IN_TRUST,
    &RESOURCE_IN_TRUST,
    &ALLOW_WITH_NOT_PRINCIPAL,
    &RESTRICT_SERVICE_PRINCIPAL,
    &MISMATCHED_ACTION,
    &OIDC_WITHOUT_AUDIENCE,
    &GITHUB_WITHOUT_REPOSITORY,
    &FEDERATED_OUTSIDE_TRUST,
    &FEDERATED_SYNTAX,
    &ROLES_ANYWHERE_ACTIONS,
    &SERVICE_PRINCIPAL_FORMAT,
    &UNIQUE_ID_REFERENCE,
    &USER_ID_REFERENCE,
    &REDUNDANT_SESSION,
    &EMPTY_PRINCIPAL,
];

/// The condition keys that tie a service principal to the caller's own resources.
const SOURCE_KEYS: [&str; 4] = ["aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID", "aws:SourceOrgPaths"];

/// The well-known OIDC identity providers IAM accepts by domain name.
const OIDC_DOMAINS: [&str; 4] = ["accounts.google.com", "graph.facebook.com", "www.amazon.com", "cognito-identity.amazonaws.com"];

/// A federated principal's kind: a SAML provider, or an OIDC provider and its host.
enum Provider<'a> {
    Saml,
    Oidc(&'a str),
    Invalid,
}

fn provider(id: &str) -> Provider<'_> {
    let resource = id.splitn(6, ':').nth(5).unwrap_or("");
    if id.starts_with("arn:") && resource.starts_with("saml-provider/") {
        Provider::Saml
    } else if let Some(host) = id.starts_with("arn:").then(|| resource.strip_prefix("oidc-provider/")).flatten() {
        Provider::Oidc(host)
    } else if OIDC_DOMAINS.contains(&id) {
        Provider::Oidc(id)
    } else {
        Provider::Invalid
    }
}

fn has_key(statement: &Statement, key: &str) -> bool {
    statement.condition.keys().any(|k| k.as_str().eq_ignore_ascii_case(key))
}

/// Whether one of the statement's actions covers `action`, as IAM matches actions.
fn actions_match(statement: &Statement, action: &str) -> bool {
    statement.actions.names().iter().any(|pattern| action_matches(pattern, action))
}

/// Whether the statement names an assume action other than `right` (the session-tagging actions
/// that go with it are no assume actions).
fn wrong_assume(statement: &Statement, right: &str) -> bool {
    let assume = ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"];
    statement.actions.names().iter().any(|a| assume.iter().any(|x| x.eq_ignore_ascii_case(a)) && !a.eq_ignore_ascii_case(right))
}

fn is_service_principal(id: &str) -> bool {
    let labels: Vec<&str> = id.split('.').collect();
    let suffix = id.ends_with(".amazonaws.com") || id.ends_with(".amazonaws.com.cn") || id.ends_with(".amazon.com");
    suffix && labels.len() >= 3 && labels.iter().all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

pub(super) fn run(document: &PolicyDocument, kind: DocumentKind, found: &mut Vec<Finding>) {
    for (i, statement) in document.statements.iter().enumerate() {
        let at = Some(i);
        let allow = statement.effect == Effect::Allow;
        if kind == TRUST {
            if statement.not_principal.is_some() {
                found.push(NOT_PRINCIPAL_IN_TRUST.at(
                    at,
                    "NotPrincipal",
                    None,
                    "a role's trust policy cannot use NotPrincipal; name the principals in Principal".into(),
                ));
            }
            if let Some(resources) = &statement.resources {
                found.push(RESOURCE_IN_TRUST.at(
                    at,
                    resources.field(),
                    None,
                    format!("a trust policy statement must not name a {}: the resource is the role itself", resources.field()),
                ));
            }
        }
        if kind == RESOURCE && allow && statement.not_principal.is_some() {
            found.push(ALLOW_WITH_NOT_PRINCIPAL.at(
                at,
                "NotPrincipal",
                None,
                "Allow with NotPrincipal grants everyone not listed, anonymous callers too; name the principals in Principal".into(),
            ));
        }
        let named = match &statement.principal {
            Some(Principal::Anyone) => {
                if kind == TRUST && allow {
                    found.push(WILDCARD_PRINCIPAL.at(
                        at,
                        "Principal",
                        Some("*"),
                        "\"Principal\": \"*\" lets anyone assume the role; name the service or account that assumes it".into(),
                    ));
                }
                continue;
            }
            Some(Principal::Named(named)) if named.is_empty() => {
                found.push(EMPTY_PRINCIPAL.at(at, "Principal", None, "Principal is an empty object and names no one".into()));
                continue;
            }
            Some(Principal::Named(named)) => named,
            None => continue,
        };
        for (principal_kind, ids) in named {
            for id in ids {
                let value = Some(id.as_str());
                match principal_kind {
                    PrincipalKind::Aws if id == "*" && kind == TRUST && allow && statement.condition.is_empty() => {
                        found.push(WILDCARD_PRINCIPAL.at(
                            at,
                            "Principal",
                            value,
                            "{\"AWS\": \"*\"} with no condition lets any AWS principal assume the role; name the account or role".into(),
                        ));
                    }
                    PrincipalKind::Aws if id.starts_with("AROA") && !id.contains(':') => {
                        found.push(UNIQUE_ID_REFERENCE.at(
                            at,
                            "Principal",
                            value,
                            format!("{id:?} is a role's unique id, what IAM shows once the role is deleted; name the role by ARN"),
                        ));
                    }
                    PrincipalKind::Aws if id.starts_with("AIDA") && !id.contains(':') => {
                        found.push(USER_ID_REFERENCE.at(
                            at,
                            "Principal",
                            value,
                            format!("{id:?} is a user's unique id, what IAM shows once the user is deleted; name the principal by ARN"),
                        ));
                    }
                    PrincipalKind::Service if id != "*" && !is_service_principal(id) => {
                        found.push(SERVICE_PRINCIPAL_FORMAT.at(
                            at,
                            "Principal",
                            value,
                            format!("{id:?} is not a service principal; write the service's DNS name, e.g. qbusiness.amazonaws.com"),
                        ));
                    }
                    PrincipalKind::Service if allow && !SOURCE_KEYS.iter().any(|k| has_key(statement, k)) => {
                        found.push(RESTRICT_SERVICE_PRINCIPAL.at(at, "Principal", value, format!(
                            "{id} is trusted with no aws:SourceArn or aws:SourceAccount condition, so the service can act here for any of its customers; add e.g. \"ArnEquals\": {{\"aws:SourceArn\": \"arn:aws:qbusiness:REGION:ACCOUNT:application/ID\"}}"
                        )));
                    }
                    PrincipalKind::Service if id == "rolesanywhere.amazonaws.com" && kind == TRUST && allow => {
                        let missing: Vec<&str> = ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"]
                            .into_iter()
                            .filter(|a| !actions_match(statement, a))
                            .collect();
                        if !missing.is_empty() {
                            found.push(ROLES_ANYWHERE_ACTIONS.at(
                                at,
                                "Action",
                                value,
                                format!("IAM Roles Anywhere also needs {}", missing.join(", ")),
                            ));
                        }
                    }
                    PrincipalKind::Federated if kind == RESOURCE => {
                        found.push(FEDERATED_OUTSIDE_TRUST.at(
                            at,
                            "Principal",
                            value,
                            format!("{id:?} is an identity provider; only a role's trust policy can name one"),
                        ));
                    }
                    PrincipalKind::Federated if kind == TRUST => match provider(id) {
                        Provider::Invalid => found.push(FEDERATED_SYNTAX.at(
                            at,
                            "Principal",
                            value,
                            format!("{id:?} is neither a SAML or OIDC provider's ARN nor an identity provider's domain name"),
                        )),
                        Provider::Saml if allow && wrong_assume(statement, "sts:AssumeRoleWithSAML") => found.push(MISMATCHED_ACTION.at(
                            at,
                            "Action",
                            value,
                            "a SAML provider assumes a role with sts:AssumeRoleWithSAML".into(),
                        )),
                        Provider::Oidc(_) if allow && wrong_assume(statement, "sts:AssumeRoleWithWebIdentity") => {
                            found.push(MISMATCHED_ACTION.at(
                                at,
                                "Action",
                                value,
                                "an OIDC provider assumes a role with sts:AssumeRoleWithWebIdentity".into(),
                            ))
                        }
                        // Only the statement that lets the token assume the role needs its audience.
                        Provider::Oidc(host) if allow && actions_match(statement, "sts:AssumeRoleWithWebIdentity") => {
                            let audience = format!("{host}:aud");
                            if !has_key(statement, &audience)
                                && !(host == "token.actions.githubusercontent.com" && has_key(statement, &format!("{host}:sub")))
                            {
                                found.push(OIDC_WITHOUT_AUDIENCE.at(at, "Condition", value, format!("no condition on {audience}: a token issued to any client of {host} can assume the role; add \"StringEquals\": {{\"{audience}\": [CLIENT_IDS]}}")));
                            }
                            if host == "token.actions.githubusercontent.com" && !has_key(statement, &format!("{host}:sub")) {
                                found.push(GITHUB_WITHOUT_REPOSITORY.at(at, "Condition", value, format!("no condition on {host}:sub: any repository's workflow can assume the role; add \"StringLike\": {{\"{host}:sub\": \"repo:ORG/REPO:*\"}}")));
                            }
                        }
                        _ => {}
                    },
                    _ => {}
                }
            }
        }
        if kind == TRUST {
            if let Some(ids) = named.get(&PrincipalKind::Aws) {
                for id in ids {
                    let Some(session) = crate::policy::arn::Session::of(id) else { continue };
                    let role_arn = format!("arn:{}:iam::{}:role/{}", session.partition, session.account, session.role);
                    if ids.contains(&role_arn) {
                        found.push(REDUNDANT_SESSION.at(at, "Principal", Some(id), format!("{role_arn} already covers its session {id}")));
                    }
                }
            }
        }
    }
}
