//! Typed role kinds: each kind is an enum variant that lists the arguments it takes, so argument
//! lists, "valid values" messages and the accepted/required checks all derive from one place.

use std::fmt;

use thiserror::Error;

use super::arguments::{self as args, Name};

/// An argument a kind takes, and whether that kind requires it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Argument {
    /// The argument's name in Terraform.
    pub name: Name,
    /// The kind cannot build its document without it.
    pub required: bool,
}

/// An argument the kind cannot do without.
pub const fn required(name: Name) -> Argument {
    Argument { name, required: true }
}

/// An argument the kind may take.
pub const fn optional(name: Name) -> Argument {
    Argument { name, required: false }
}

/// The scope arguments, for kinds whose document names the account and region.
pub const SCOPE: [Argument; 3] = [optional(args::PARTITION), optional(args::REGION), optional(args::ACCOUNT_ID)];

/// Whether `name` is one of the scope arguments.
pub fn is_scope(name: Name) -> bool {
    SCOPE.iter().any(|a| a.name == name)
}

/// A closed set of role kinds selected by one argument (`kind`, `role`, a connector's template).
pub trait Kind: Copy + Eq + fmt::Debug + 'static {
    /// Every kind, in the order documentation and messages list them.
    const ALL: &'static [Self];

    /// The value users write to select this kind.
    fn name(self) -> &'static str;

    /// The arguments this kind takes beyond the selector, in the order messages list them.
    fn arguments(self) -> Vec<Argument>;

    /// The names of every kind, joined for messages: `a, b, c`.
    fn names() -> String {
        Self::ALL.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ")
    }

    /// The kind named `name`, if any.
    fn named(name: Option<&str>) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| Some(k.name()) == name)
    }

    /// The kind named `text`.
    fn parse(selector: Name, text: &str) -> Result<Self, UnknownKind> {
        Self::named(Some(text)).ok_or_else(|| UnknownKind { selector, value: text.to_owned(), valid: Self::names() })
    }

    /// Every argument some kind takes, each once, in first-seen order.
    fn all_arguments() -> Vec<Name> {
        let mut names: Vec<Name> = Vec::new();
        for argument in Self::ALL.iter().flat_map(|k| k.arguments()) {
            if !names.contains(&argument.name) {
                names.push(argument.name);
            }
        }
        names
    }
}

/// A selector value that names no kind.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{value:?} is not a valid {selector}; valid values are {valid}.")]
pub struct UnknownKind {
    /// The selecting argument (`kind`, `role`, `connector`, `template`).
    pub selector: Name,
    /// What was written.
    pub value: String,
    /// The valid values, joined.
    pub valid: String,
}

/// Why an argument set does not fit a kind: the argument concerned and the rule it breaks.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ArgumentProblem {
    /// Set, but the kind does not take it.
    #[error("{who} does not take {argument}; it takes {takes}. Leave {argument} out or set it to null (false or an empty list are accepted too).")]
    NotAccepted {
        /// The kind, as messages name it (`kind "application"`).
        who: String,
        /// The argument set.
        argument: Name,
        /// What the kind takes, joined.
        takes: String,
    },
    /// Required by the kind, but not set.
    #[error("{who} needs {argument}.")]
    Missing {
        /// The kind, as messages name it.
        who: String,
        /// The missing argument.
        argument: Name,
    },
    /// A rule of the kind's own beyond accepted and required (for example, a key without its secret).
    #[error("{detail}")]
    Rule {
        /// Short title of the rule.
        summary: &'static str,
        /// The argument it blames.
        argument: Name,
        /// What is wrong and how to fix it.
        detail: String,
    },
}

impl ArgumentProblem {
    /// The argument whose path the diagnostic points at.
    pub fn argument(&self) -> Name {
        match self {
            ArgumentProblem::NotAccepted { argument, .. }
            | ArgumentProblem::Missing { argument, .. }
            | ArgumentProblem::Rule { argument, .. } => *argument,
        }
    }

    /// The diagnostic's summary.
    pub fn summary(&self) -> &'static str {
        match self {
            ArgumentProblem::NotAccepted { .. } => "Argument not accepted here",
            ArgumentProblem::Missing { .. } => "Missing required argument",
            ArgumentProblem::Rule { summary, .. } => summary,
        }
    }
}

/// How a configuration gives an argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Given {
    /// Null, or left out.
    Absent,
    /// Known only at apply: a module's `cond ? x : null` at validation.
    Unknown,
    /// A value that changes no document: `false`, an empty list, or the argument's default (a
    /// module's `optional(bool, false)` passed through).
    Inert,
    /// A value that would change the document.
    Value,
}

/// Checks `candidates` as `given` says they are given against what `takes` allows: every argument
/// outside `takes` given a value that would change the document, and every required one absent, is
/// a problem. An unknown value waits for its known one, and an inert one is accepted anywhere, so
/// that a module can pass its variables through to every kind. `who` names the kind in messages.
pub fn check_arguments(who: &str, takes: &[Argument], candidates: &[Name], given: &dyn Fn(Name) -> Given) -> Vec<ArgumentProblem> {
    let list = takes.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ");
    let mut problems: Vec<ArgumentProblem> = candidates
        .iter()
        .filter(|name| given(**name) == Given::Value && !takes.iter().any(|a| a.name == **name))
        .map(|&argument| ArgumentProblem::NotAccepted { who: who.to_owned(), argument, takes: list.clone() })
        .collect();
    problems.extend(
        takes
            .iter()
            .filter(|a| a.required && given(a.name) == Given::Absent)
            .map(|a| ArgumentProblem::Missing { who: who.to_owned(), argument: a.name }),
    );
    problems
}

/// The arguments of `candidates` that `takes` does not take: a reader treats them as absent once
/// [`check_arguments`] has accepted them (they can only be absent, unknown or inert).
pub fn not_taken(takes: &[Argument], candidates: &[Name]) -> Vec<Name> {
    candidates.iter().copied().filter(|name| !takes.iter().any(|a| a.name == *name)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::arguments as args;

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Sample {
        One,
        Two,
    }

    impl Kind for Sample {
        const ALL: &'static [Sample] = &[Sample::One, Sample::Two];

        fn name(self) -> &'static str {
            match self {
                Sample::One => "one",
                Sample::Two => "two",
            }
        }

        fn arguments(self) -> Vec<Argument> {
            match self {
                Sample::One => vec![required(args::BUCKET), optional(args::SECRET_ARN)],
                Sample::Two => vec![optional(args::SECRET_ARN), optional(args::VPC)],
            }
        }
    }

    #[test]
    fn names_parse_and_argument_union_derive_from_the_kinds() {
        assert_eq!(Sample::names(), "one, two");
        assert_eq!(Sample::parse(args::KIND, "two"), Ok(Sample::Two));
        assert_eq!(
            Sample::parse(args::KIND, "three").unwrap_err().to_string(),
            "\"three\" is not a valid kind; valid values are one, two."
        );
        assert_eq!(Sample::all_arguments(), [args::BUCKET, args::SECRET_ARN, args::VPC]);
    }

    #[test]
    fn accepted_and_required() {
        let given = |name: Name| if name == args::VPC { Given::Value } else { Given::Absent };
        let problems = check_arguments("kind \"one\"", &Sample::One.arguments(), &Sample::all_arguments(), &given);
        let texts: Vec<_> = problems.iter().map(|p| (p.argument(), p.summary(), p.to_string())).collect();
        assert_eq!(
            texts,
            [
                (
                    args::VPC,
                    "Argument not accepted here",
                    "kind \"one\" does not take vpc; it takes bucket, secret_arn. Leave vpc out or set it to null (false or an empty list are accepted too).".to_owned()
                ),
                (args::BUCKET, "Missing required argument", "kind \"one\" needs bucket.".to_owned()),
            ]
        );
    }

    #[test]
    fn unknown_and_inert_values_of_arguments_not_taken_are_no_problem() {
        let rows = [("unknown", Given::Unknown, 0), ("inert", Given::Inert, 0), ("a value", Given::Value, 1)];
        for (name, vpc, expected) in rows {
            let given = |n: Name| {
                if n == args::VPC {
                    vpc
                } else if n == args::BUCKET {
                    Given::Value
                } else {
                    Given::Absent
                }
            };
            let problems = check_arguments("kind \"one\"", &Sample::One.arguments(), &Sample::all_arguments(), &given);
            assert_eq!(problems.len(), expected, "{name}: {problems:?}");
        }
        // A required argument known only at apply is not missing.
        let given = |n: Name| if n == args::BUCKET { Given::Unknown } else { Given::Absent };
        assert_eq!(check_arguments("kind \"one\"", &Sample::One.arguments(), &Sample::all_arguments(), &given), []);
    }
}
