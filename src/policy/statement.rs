//! Policy statements and documents as values, with a small builder for the catalog.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::arn::Arn;
use super::condition::{Condition, ConditionKey, Operator};

pub const POLICY_VERSION: &str = "2012-10-17";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

impl Effect {
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }
}

/// `Action` or `NotAction`, sorted and deduplicated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actions {
    Action(BTreeSet<String>),
    NotAction(BTreeSet<String>),
}

impl Actions {
    pub fn names(&self) -> &BTreeSet<String> {
        match self {
            Actions::Action(names) | Actions::NotAction(names) => names,
        }
    }
}

/// `Resource` or `NotResource`, sorted and deduplicated. Trust policies have neither.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resources {
    Resource(BTreeSet<String>),
    NotResource(BTreeSet<String>),
}

impl Resources {
    pub fn entries(&self) -> &BTreeSet<String> {
        match self {
            Resources::Resource(entries) | Resources::NotResource(entries) => entries,
        }
    }
}

/// The kinds of principal a trust policy names, in the order IAM documents sort them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PrincipalKind {
    Aws,
    CanonicalUser,
    Federated,
    Service,
}

impl PrincipalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PrincipalKind::Aws => "AWS",
            PrincipalKind::CanonicalUser => "CanonicalUser",
            PrincipalKind::Federated => "Federated",
            PrincipalKind::Service => "Service",
        }
    }

    pub fn parse(text: &str) -> Option<PrincipalKind> {
        [PrincipalKind::Aws, PrincipalKind::CanonicalUser, PrincipalKind::Federated, PrincipalKind::Service]
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Principal {
    /// `"Principal": "*"`
    Anyone,
    Named(BTreeMap<PrincipalKind, BTreeSet<String>>),
}

impl Principal {
    pub fn service(name: impl Into<String>) -> Principal {
        Principal::Named([(PrincipalKind::Service, [name.into()].into())].into())
    }

    pub fn federated(arn: &Arn) -> Principal {
        Principal::Named([(PrincipalKind::Federated, [arn.to_string()].into())].into())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    pub sid: Option<String>,
    pub effect: Effect,
    pub principal: Option<Principal>,
    pub actions: Actions,
    pub resources: Option<Resources>,
    pub condition: Condition,
}

impl Statement {
    /// An Allow statement with a Sid; add actions, resources and conditions with the builder methods.
    pub fn allow(sid: &str) -> Statement {
        Statement {
            sid: Some(sid.to_owned()),
            effect: Effect::Allow,
            principal: None,
            actions: Actions::Action(BTreeSet::new()),
            resources: None,
            condition: Condition::default(),
        }
    }

    #[must_use]
    pub fn actions<I: IntoIterator<Item = S>, S: Into<String>>(mut self, actions: I) -> Statement {
        let names = match &mut self.actions {
            Actions::Action(names) | Actions::NotAction(names) => names,
        };
        names.extend(actions.into_iter().map(Into::into));
        self
    }

    #[must_use]
    pub fn resources<'a, I: IntoIterator<Item = &'a Arn>>(self, arns: I) -> Statement {
        self.resource_patterns(arns.into_iter().map(ToString::to_string))
    }

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

    #[must_use]
    pub fn principal(mut self, principal: Principal) -> Statement {
        self.principal = Some(principal);
        self
    }

    #[must_use]
    pub fn condition<I: IntoIterator<Item = S>, S: Into<String>>(mut self, operator: Operator, key: ConditionKey, values: I) -> Statement {
        self.condition.add(operator, key, values);
        self
    }
}

/// Whether a document is a role's permissions policy or its trust (assume-role) policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    Permissions,
    Trust,
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DocumentKind::Permissions => "permissions policy",
            DocumentKind::Trust => "trust policy",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyDocument {
    pub statements: Vec<Statement>,
}

impl PolicyDocument {
    pub fn new(statements: Vec<Statement>) -> PolicyDocument {
        PolicyDocument { statements }
    }
}
