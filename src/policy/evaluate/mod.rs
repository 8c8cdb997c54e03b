//! An IAM policy evaluator, written from AWS's documented evaluation logic (IAM user guide:
//! policy evaluation logic, condition operators, policy variables): whether a request is allowed
//! by a permissions policy, a role's trust policy or a resource policy. No AWS call.
//!
//! A statement applies when its principal (trust and resource policies), action, resource and
//! every condition match the request. An applying Deny wins; otherwise an applying Allow allows;
//! otherwise the request is implicitly denied. A value an operator cannot read is an error.

mod context;
mod matching;
mod operators;

pub use context::{Context, ContextValue};
pub use operators::{ip_range, readable_value, shape, Shape, ValueKind};

use super::statement::{Actions, Effect, Principal, PrincipalKind, Resources, Statement};
use super::PolicyDocument;

/// Who makes a request: an AWS principal by ARN (`arn:aws:iam::111122223333:role/x`, an assumed
/// role's session, an account's root), a service (`qbusiness.amazonaws.com`), a federated identity
/// provider, or an S3 canonical user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    /// The kind of principal.
    pub kind: PrincipalKind,
    /// Its ARN or name.
    pub id: String,
}

impl Caller {
    /// The caller an ARN or a service's name stands for: a SAML or OIDC provider's ARN is a
    /// federated identity, any other ARN an AWS principal, a name without `arn:` a service.
    pub fn named(id: &str) -> Caller {
        let kind = if id.starts_with("arn:") && (id.contains(":saml-provider/") || id.contains(":oidc-provider/")) {
            PrincipalKind::Federated
        } else if id.starts_with("arn:") {
            PrincipalKind::Aws
        } else {
            PrincipalKind::Service
        };
        Caller { kind, id: id.to_owned() }
    }

    /// The account of an AWS principal's ARN.
    fn account(&self) -> Option<&str> {
        (self.kind == PrincipalKind::Aws).then(|| self.id.split(':').nth(4)).flatten().filter(|a| !a.is_empty())
    }
}

/// One request: who, which action, on which resource, in which context.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Request {
    /// The caller; trust and resource policies match it against their principals.
    pub caller: Option<Caller>,
    /// The action, e.g. `s3:GetObject`.
    pub action: String,
    /// The resource's ARN; `None` for a trust policy's `sts:AssumeRole` (the role is implied).
    pub resource: Option<String>,
    /// The condition keys of the request.
    pub context: Context,
}

/// What a policy decides for a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Decision {
    /// An Allow statement applies and no Deny does.
    Allowed,
    /// No statement applies.
    ImplicitlyDenied,
    /// A Deny statement applies.
    ExplicitlyDenied,
}

impl Decision {
    /// The decision as AWS names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Allowed => "Allowed",
            Decision::ImplicitlyDenied => "ImplicitlyDenied",
            Decision::ExplicitlyDenied => "ExplicitlyDenied",
        }
    }
}

/// A decision and the statement (by index) that made it, if one did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The decision.
    pub decision: Decision,
    /// The index of the deciding statement: the first applying Deny, else the first applying Allow.
    pub statement: Option<usize>,
}

/// Why a policy cannot be evaluated.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EvaluationError {
    /// An operator IAM does not have.
    #[error("{0:?} is not an IAM condition operator")]
    UnknownOperator(String),
    /// A condition value its operator cannot read.
    #[error("{operator} cannot read {value:?} for {key}")]
    MalformedValue {
        /// The operator.
        operator: String,
        /// The key.
        key: String,
        /// The value.
        value: String,
    },
}

/// How a statement's principal names the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Named {
    /// Not at all.
    No,
    /// Through its account (an account id or root ARN): the account's IAM policies must allow too.
    ThroughAccount,
    /// Itself, or everyone.
    Directly,
}

/// How the caller is one of `principal`'s: `*` is anyone; an account (its id or root ARN) is
/// every principal of that account; a role's ARN is also its sessions; others match as written.
fn principal_matches(principal: &Principal, caller: Option<&Caller>) -> Named {
    let named = match principal {
        Principal::Anyone => return Named::Directly,
        Principal::Named(named) => named,
    };
    // `{"AWS": "*"}` is `"*"`: everyone, anonymous callers too.
    if named.get(&PrincipalKind::Aws).is_some_and(|ids| ids.contains("*")) {
        return Named::Directly;
    }
    let Some(caller) = caller else { return Named::No };
    let each = named.iter().flat_map(|(kind, ids)| {
        ids.iter().map(move |id| match kind {
            PrincipalKind::Aws => aws_principal_matches(id, caller),
            _ if *kind == caller.kind && *id == caller.id => Named::Directly,
            _ => Named::No,
        })
    });
    each.max().unwrap_or(Named::No)
}

fn aws_principal_matches(id: &str, caller: &Caller) -> Named {
    let named = |yes: bool, how: Named| if yes { how } else { Named::No };
    if caller.kind != PrincipalKind::Aws {
        return Named::No;
    }
    if id == caller.id {
        return Named::Directly;
    }
    let parts: Vec<&str> = id.splitn(6, ':').collect();
    let account = match parts.as_slice() {
        [account] if account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit()) => {
            return named(caller.account() == Some(account), Named::ThroughAccount)
        }
        ["arn", _, "iam", "", account, "root"] => return named(caller.account() == Some(account), Named::ThroughAccount),
        ["arn", _, "iam", "", account, resource] => (account, resource),
        _ => return Named::No,
    };
    // A role's ARN also names its sessions: arn:PARTITION:sts::ACCOUNT:assumed-role/NAME/SESSION.
    let (account, resource) = account;
    let Some(role) = resource.strip_prefix("role/").map(|path| path.rsplit('/').next().unwrap_or(path)) else { return Named::No };
    let of_role = crate::policy::arn::Session::of(&caller.id).is_some_and(|s| s.account == *account && s.role == role);
    named(of_role, Named::Directly)
}

/// Whether the action pattern (`s3:Get*`) covers `action`, as IAM reads actions: without regard
/// to case, `*` and `?` as wildcards.
pub fn action_matches(pattern: &str, action: &str) -> bool {
    matching::glob_text(pattern, action, true, None)
}

/// Whether the `Resource` entry `pattern` covers the ARN (or pattern taken literally) `arn`.
pub fn resource_matches(pattern: &str, arn: &str) -> bool {
    matching::arn(pattern, arn, matching::ArnPattern::Resource, None)
}

fn action_applies(actions: &Actions, action: &str) -> bool {
    let any = |names: &std::collections::BTreeSet<String>| names.iter().any(|n| matching::glob_text(n, action, true, None));
    match actions {
        Actions::Action(names) => any(names),
        Actions::NotAction(names) => !any(names),
    }
}

fn resource_applies(resources: Option<&Resources>, resource: Option<&str>, context: &Context) -> bool {
    let Some(resources) = resources else { return true };
    let Some(resource) = resource else { return false };
    let any = |entries: &std::collections::BTreeSet<String>| {
        entries.iter().any(|e| matching::arn(e, resource, matching::ArnPattern::Resource, Some(context)))
    };
    match resources {
        Resources::Resource(entries) => any(entries),
        // An entry whose variable has no value matches no resource; in NotResource that would
        // widen the statement to every resource, and AWS's docs call such a statement invalid
        // instead: it applies to nothing.
        Resources::NotResource(entries) => entries.iter().all(|e| matching::resolvable(e, context)) && !any(entries),
    }
}

/// Whether `statement` applies to `request`.
pub fn applies(statement: &Statement, request: &Request) -> Result<bool, EvaluationError> {
    Ok(applies_as(statement, request)? != Named::No)
}

/// How `statement` applies to `request`: not, through the caller's account only, or directly.
fn applies_as(statement: &Statement, request: &Request) -> Result<Named, EvaluationError> {
    let mut how = Named::Directly;
    if let Some(principal) = &statement.principal {
        how = principal_matches(principal, request.caller.as_ref());
        if how == Named::No {
            return Ok(Named::No);
        }
    }
    if let Some(not_principal) = &statement.not_principal {
        if principal_matches(not_principal, request.caller.as_ref()) != Named::No {
            return Ok(Named::No);
        }
    }
    if !action_applies(&statement.actions, &request.action) {
        return Ok(Named::No);
    }
    if !resource_applies(statement.resources.as_ref(), request.resource.as_deref(), &request.context) {
        return Ok(Named::No);
    }
    for (operator, keys) in &statement.condition.0 {
        for (key, values) in keys {
            if !operators::holds(operator, key, values, &request.context)? {
                return Ok(Named::No);
            }
        }
    }
    Ok(how)
}

/// Every condition value of `document` its operator can read, or the first it cannot: checked
/// before evaluating, so a malformed value is an error even where its key is absent.
pub fn check(document: &PolicyDocument) -> Result<(), EvaluationError> {
    for statement in &document.statements {
        for (operator, keys) in &statement.condition.0 {
            for (key, values) in keys {
                operators::check(operator, key, values)?;
            }
        }
    }
    Ok(())
}

/// What `document` alone decides for `request`.
pub fn evaluate(document: &PolicyDocument, request: &Request) -> Result<Outcome, EvaluationError> {
    check(document)?;
    evaluate_checked(document, request)
}

/// [`evaluate`] for a document [`check`] has accepted.
pub fn evaluate_checked(document: &PolicyDocument, request: &Request) -> Result<Outcome, EvaluationError> {
    let mut allowed = None;
    for (i, statement) in document.statements.iter().enumerate() {
        if !applies(statement, request)? {
            continue;
        }
        match statement.effect {
            Effect::Deny => return Ok(Outcome { decision: Decision::ExplicitlyDenied, statement: Some(i) }),
            Effect::Allow => {
                allowed.get_or_insert(i);
            }
        }
    }
    Ok(match allowed {
        Some(i) => Outcome { decision: Decision::Allowed, statement: Some(i) },
        None => Outcome { decision: Decision::ImplicitlyDenied, statement: None },
    })
}

/// What the caller's permissions policies and the resource's policy decide together: any Deny
/// wins; within one account either may allow; across accounts both must. A resource policy that
/// names only the caller's account delegates to that account's IAM policies, which must allow.
pub fn decide(
    identity: &[&PolicyDocument],
    resource_policy: Option<&PolicyDocument>,
    resource_account: Option<&str>,
    request: &Request,
) -> Result<Decision, EvaluationError> {
    let mut outcomes = Vec::new();
    for document in identity {
        outcomes.push(evaluate(document, request)?.decision);
    }
    let mut resource_denies = false;
    let mut resource_allows = Named::No;
    if let Some(document) = resource_policy {
        check(document)?;
        for statement in &document.statements {
            let how = applies_as(statement, request)?;
            match statement.effect {
                Effect::Deny => resource_denies |= how != Named::No,
                Effect::Allow => resource_allows = resource_allows.max(how),
            }
        }
    }
    if outcomes.contains(&Decision::ExplicitlyDenied) || resource_denies {
        return Ok(Decision::ExplicitlyDenied);
    }
    let by_identity = outcomes.contains(&Decision::Allowed);
    if resource_allows == Named::ThroughAccount {
        return Ok(if by_identity { Decision::Allowed } else { Decision::ImplicitlyDenied });
    }
    let by_resource = resource_allows == Named::Directly;
    let caller_account = request.caller.as_ref().and_then(Caller::account);
    let same_account = resource_account.is_none() || caller_account.is_none() || caller_account == resource_account;
    let allowed = if same_account { by_identity || by_resource } else { by_identity && by_resource };
    Ok(if allowed { Decision::Allowed } else { Decision::ImplicitlyDenied })
}
