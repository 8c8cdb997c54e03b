//! Policy statements and documents as values, with a small builder for the catalog.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::arn::Arn;
use super::condition::{Condition, ConditionKey, Operator};

/// The only policy language version IAM documents use now.
pub const POLICY_VERSION: &str = "2012-10-17";

/// Whether a statement allows or denies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Allows.
    Allow,
    /// Denies.
    Deny,
}

impl Effect {
    /// `Allow` or `Deny`.
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }

    /// The effect IAM writes as `text` (exactly: IAM's effects are case-sensitive).
    pub fn parse(text: &str) -> Result<Effect, UnknownEffect> {
        [Effect::Allow, Effect::Deny].into_iter().find(|e| e.as_str() == text).ok_or_else(|| UnknownEffect(text.to_owned()))
    }
}

/// A text that is no effect.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0:?} is not an effect; valid are \"Allow\" and \"Deny\"")]
pub struct UnknownEffect(pub String);

/// `Action` or `NotAction`, sorted and deduplicated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actions {
    /// The actions the statement applies to.
    Action(BTreeSet<String>),
    /// The actions it does not apply to.
    NotAction(BTreeSet<String>),
}

impl Actions {
    /// The JSON field the actions stand in: `Action` or `NotAction`.
    pub fn field(&self) -> &'static str {
        match self {
            Actions::Action(_) => "Action",
            Actions::NotAction(_) => "NotAction",
        }
    }

    /// The action names either way.
    pub fn names(&self) -> &BTreeSet<String> {
        match self {
            Actions::Action(names) | Actions::NotAction(names) => names,
        }
    }
}

/// `Resource` or `NotResource`, sorted and deduplicated. Trust policies have neither.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resources {
    /// The resources the statement applies to.
    Resource(BTreeSet<String>),
    /// The resources it does not apply to.
    NotResource(BTreeSet<String>),
}

impl Resources {
    /// The JSON field the entries stand in: `Resource` or `NotResource`.
    pub fn field(&self) -> &'static str {
        match self {
            Resources::Resource(_) => "Resource",
            Resources::NotResource(_) => "NotResource",
        }
    }

    /// The entries either way.
    pub fn entries(&self) -> &BTreeSet<String> {
        match self {
            Resources::Resource(entries) | Resources::NotResource(entries) => entries,
        }
    }
}

/// The kinds of principal a trust policy names, in the order IAM documents sort them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PrincipalKind {
    /// An AWS account or IAM principal.
    Aws,
    /// An S3 canonical user.
    CanonicalUser,
    /// A SAML or OIDC identity provider.
    Federated,
    /// An AWS service.
    Service,
}

impl PrincipalKind {
    /// The kind as IAM writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            PrincipalKind::Aws => "AWS",
            PrincipalKind::CanonicalUser => "CanonicalUser",
            PrincipalKind::Federated => "Federated",
            PrincipalKind::Service => "Service",
        }
    }

    /// Every kind, in IAM's order.
    pub const ALL: [PrincipalKind; 4] =
        [PrincipalKind::Aws, PrincipalKind::CanonicalUser, PrincipalKind::Federated, PrincipalKind::Service];

    /// The kind IAM writes as `text`.
    pub fn parse(text: &str) -> Result<PrincipalKind, UnknownPrincipalKind> {
        PrincipalKind::ALL.into_iter().find(|kind| kind.as_str() == text).ok_or_else(|| UnknownPrincipalKind(text.to_owned()))
    }
}

/// A text that is no principal kind.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0:?} is not a principal type; valid are {valid}", valid = PrincipalKind::ALL.map(PrincipalKind::as_str).join(", "))]
pub struct UnknownPrincipalKind(pub String);

/// Who a trust policy statement lets in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Principal {
    /// `"Principal": "*"`
    Anyone,
    /// Principals by kind.
    Named(BTreeMap<PrincipalKind, BTreeSet<String>>),
}

impl Principal {
    /// One service principal.
    pub fn service(name: impl Into<String>) -> Principal {
        Principal::Named([(PrincipalKind::Service, [name.into()].into())].into())
    }

    /// One AWS principal: an account, a user or a role.
    pub fn aws(arn: &Arn) -> Principal {
        Principal::Named([(PrincipalKind::Aws, [arn.to_string()].into())].into())
    }

    /// One federated identity provider.
    pub fn federated(arn: &Arn) -> Principal {
        Principal::Named([(PrincipalKind::Federated, [arn.to_string()].into())].into())
    }

    /// AWS principals, one or more; none when `arns` is empty.
    pub fn aws_each<'a>(arns: impl IntoIterator<Item = &'a Arn>) -> Option<Principal> {
        let named: BTreeSet<String> = arns.into_iter().map(Arn::to_string).collect();
        (!named.is_empty()).then(|| Principal::Named([(PrincipalKind::Aws, named)].into()))
    }
}

/// One statement of a policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The statement id.
    pub sid: Option<String>,
    /// Allow or Deny.
    pub effect: Effect,
    /// The principal (trust and resource policies only).
    pub principal: Option<Principal>,
    /// `NotPrincipal`: everyone but these. Parsed so that checks and evaluation can judge
    /// documents written by hand; IAM refuses it in role trust policies.
    pub not_principal: Option<Principal>,
    /// Action or NotAction.
    pub actions: Actions,
    /// Resource or NotResource (permissions policies only).
    pub resources: Option<Resources>,
    /// The condition block.
    pub condition: Condition,
}

impl Statement {
    /// An Allow statement with a Sid; add actions, resources and conditions with the builder methods.
    pub fn allow(sid: &str) -> Statement {
        Statement {
            sid: Some(sid.to_owned()),
            effect: Effect::Allow,
            principal: None,
            not_principal: None,
            actions: Actions::Action(BTreeSet::new()),
            resources: None,
            condition: Condition::default(),
        }
    }

    /// Adds actions.
    #[must_use]
    pub fn actions<I: IntoIterator<Item = S>, S: Into<String>>(mut self, actions: I) -> Statement {
        let names = match &mut self.actions {
            Actions::Action(names) | Actions::NotAction(names) => names,
        };
        names.extend(actions.into_iter().map(Into::into));
        self
    }

    /// Adds resources.
    #[must_use]
    pub fn resources<'a, I: IntoIterator<Item = &'a Arn>>(self, arns: I) -> Statement {
        self.resource_patterns(arns.into_iter().map(ToString::to_string))
    }

    /// Adds one resource.
    #[must_use]
    pub fn resource(self, arn: &Arn) -> Statement {
        self.resources([arn])
    }

    /// `"Resource": "*"`, for actions that have no resource types.
    #[must_use]
    pub fn any_resource(self) -> Statement {
        self.resource_patterns(["*".to_owned()])
    }

    fn resource_patterns(mut self, patterns: impl IntoIterator<Item = String>) -> Statement {
        match &mut self.resources {
            Some(Resources::Resource(entries) | Resources::NotResource(entries)) => entries.extend(patterns),
            None => self.resources = Some(Resources::Resource(patterns.into_iter().collect())),
        }
        self
    }

    /// Sets the principal.
    #[must_use]
    pub fn principal(mut self, principal: Principal) -> Statement {
        self.principal = Some(principal);
        self
    }

    /// Adds a condition.
    #[must_use]
    pub fn condition<I: IntoIterator<Item = S>, S: Into<String>>(mut self, operator: Operator, key: ConditionKey, values: I) -> Statement {
        self.condition.add(operator, key, values);
        self
    }
}

/// Whether a document is a role's permissions policy, its trust (assume-role) policy, or a
/// resource's policy (an S3 bucket policy).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// A permissions policy.
    Permissions,
    /// A trust (assume-role) policy.
    Trust,
    /// A resource policy: principals and resources both.
    Resource,
}

impl DocumentKind {
    /// Every kind.
    pub const ALL: [DocumentKind; 3] = [DocumentKind::Permissions, DocumentKind::Trust, DocumentKind::Resource];

    /// The kind's short name: `permissions`, `trust` or `resource`.
    pub fn name(self) -> &'static str {
        match self {
            DocumentKind::Permissions => "permissions",
            DocumentKind::Trust => "trust",
            DocumentKind::Resource => "resource",
        }
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DocumentKind::Permissions => "permissions policy",
            DocumentKind::Trust => "trust policy",
            DocumentKind::Resource => "resource policy",
        })
    }
}

/// A policy document: its optional `Id` and its statements in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyDocument {
    /// The document's `Id`, if it has one.
    pub id: Option<String>,
    /// The statements.
    pub statements: Vec<Statement>,
}

impl PolicyDocument {
    /// A document of `statements`, without an `Id`.
    pub fn new(statements: Vec<Statement>) -> PolicyDocument {
        PolicyDocument { id: None, statements }
    }
}
