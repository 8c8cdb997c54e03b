//! Reading a configuration object: typed getters that turn a bad value into an error diagnostic at
//! the attribute's path, and that note (rather than reject) values unknown until apply.

use std::fmt::Display;
use std::str::FromStr;

use crate::catalog::arguments::{self as args, Name, DEFAULT_TRUE};
use crate::catalog::arns::{ArnKind, TypedArn};
use crate::catalog::availability::{check_partition, qbusiness_partitions};
use crate::catalog::kinds::{check_arguments, not_taken, Given};
use crate::catalog::placeholders::ArgumentTexts;
use crate::catalog::{Argument, ArgumentProblem, Kind, Scope};
use crate::plugin::{AttributePath, Block, Diagnostic, Diagnostics, Value};
use crate::policy::lint::{character_message, CHARACTER_SUMMARY};
use crate::policy::size::first_disallowed_char;

/// Rejected values longer than this many characters are shortened in messages.
const ECHO_LIMIT: usize = 120;
/// How many characters of a shortened value a message keeps.
const ECHO_KEEP: usize = 60;

/// A value as a message may echo it: whole when short, else its head and its length.
fn shortened(text: &str) -> String {
    let count = text.chars().count();
    if count <= ECHO_LIMIT {
        return text.to_owned();
    }
    let head: String = text.chars().take(ECHO_KEEP).collect();
    format!("{head}… ({count} characters)")
}

/// A parse error's text with the rejected text shortened wherever the message echoes it whole; a
/// long part of it (a secret's name inside its ARN) is quoted, and quoted parts are shortened as
/// the diagnostics leave the provider ([`Inputs::into_diagnostics`]).
fn describe(text: &str, error: &impl Display) -> String {
    let message = error.to_string();
    if text.chars().count() <= ECHO_LIMIT {
        return message;
    }
    message.replace(text, &shortened(text))
}

/// `message` with each `"…"` part (as Rust's `{:?}` writes a string) longer than the limit shortened.
fn shorten_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(4 * ECHO_LIMIT));
    let mut rest = message;
    while let Some(open) = rest.find('"') {
        out.push_str(&rest[..=open]);
        let body = &rest[open + 1..];
        // The closing quote is the first one not escaped by a backslash.
        let mut escaped = false;
        let close = body.char_indices().find(|&(_, c)| {
            let end = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            end
        });
        let Some((close, _)) = close else {
            out.push_str(body);
            return out;
        };
        out.push_str(&shortened(&body[..close]));
        out.push('"');
        rest = &body[close + 1..];
    }
    out.push_str(rest);
    out
}

pub(crate) struct Inputs<'a> {
    config: &'a Value,
    /// The schema `config` follows: every name read must be in it (checked in debug builds, so a
    /// typo in a name fails the tests instead of silently reading null).
    block: &'a Block,
    path: AttributePath,
    pub(crate) diagnostics: Diagnostics,
    /// Some value read was unknown (plan time): checks that need it, and the document, wait for apply.
    pub(crate) incomplete: bool,
    /// Arguments the chosen kind does not take, given no value that would change the document:
    /// read as absent, so that a module's `false` or `[]` passed to every kind is accepted.
    ignored: Vec<Name>,
    /// The scope the data source resolved, if it resolved one: its requests are made in it.
    pub(crate) scope: Option<Scope>,
}

/// What an ignored argument reads as.
static ABSENT: Value = Value::Null;

impl<'a> Inputs<'a> {
    pub(crate) fn new(config: &'a Value, block: &'a Block) -> Inputs<'a> {
        Inputs::nested(config, block, AttributePath::root())
    }

    /// Reads a nested block's object, with paths under `path`.
    pub(crate) fn nested(config: &'a Value, block: &'a Block, path: AttributePath) -> Inputs<'a> {
        Inputs { config, block, path, diagnostics: Diagnostics::default(), incomplete: false, ignored: Vec::new(), scope: None }
    }

    /// The configuration object being read.
    pub(crate) fn config(&self) -> &'a Value {
        self.config
    }

    /// The schema of the object being read.
    pub(crate) fn block(&self) -> &'a Block {
        self.block
    }

    pub(crate) fn path_of(&self, name: Name) -> AttributePath {
        self.path.then_attribute(name)
    }

    pub(crate) fn raw(&self, name: Name) -> &'a Value {
        if cfg!(any(debug_assertions, test)) {
            assert!(
                self.block.attribute(name).is_some() || self.block.blocks.iter().any(|b| name == b.type_name.as_str()),
                "{:?} is not in the schema being read",
                name.as_str()
            );
        }
        if self.ignored.contains(&name) {
            return &ABSENT;
        }
        self.config.attribute(name)
    }

    /// The configuration's arguments as text, for the request rows' conditions and placeholders:
    /// a list's items joined by commas, a boolean as `true` or `false`; what reads as absent (an
    /// argument the kind does not take) and empty lists are left out.
    pub(crate) fn texts(&self) -> ArgumentTexts {
        argument_texts(args::ALL.iter().filter(|&&name| self.block.attribute(name).is_some()).map(|&name| (name, self.raw(name))))
    }

    /// How the configuration gives `name`: absent, unknown until apply, a value that changes no
    /// document (`false`, an empty list, the default of a boolean that defaults to true), or a value.
    pub(crate) fn given(&self, name: Name) -> Given {
        match self.raw(name) {
            Value::Null => Given::Absent,
            Value::Unknown => Given::Unknown,
            Value::Bool(false) => Given::Inert,
            Value::Bool(true) if DEFAULT_TRUE.contains(&name) => Given::Inert,
            Value::List(items) if items.is_empty() => Given::Inert,
            _ => Given::Value,
        }
    }

    /// Checks the arguments some kind of a family takes (`candidates`) against what the chosen kind
    /// takes (`takes`, named `who` in messages), with `rules` of the kind's own; then reads every
    /// argument the kind does not take as absent (those can only be absent, unknown or inert now).
    pub(crate) fn check_kind(
        &mut self,
        takes: &[Argument],
        candidates: &[Name],
        check: impl FnOnce(&dyn Fn(Name) -> Given) -> Vec<ArgumentProblem>,
    ) {
        let problems = check(&|name| self.given(name));
        self.report(problems);
        self.ignored.extend(not_taken(takes, candidates));
    }

    /// Set in the configuration (an unknown value counts as set).
    pub(crate) fn is_set(&self, name: Name) -> bool {
        !self.raw(name).is_null()
    }

    pub(crate) fn error(&mut self, name: Name, summary: &str, detail: impl Into<String>) {
        let path = self.path_of(name);
        self.diagnostics.push(Diagnostic::error(summary, detail).at(path));
    }

    /// Refuses an empty list where leaving the argument out is no way out (one of a pair is needed,
    /// or the argument is required), with `example`, a list that would do; whether it refused.
    pub(crate) fn refuse_empty_list(&mut self, name: Name, example: &str) -> bool {
        let empty = self.raw(name).as_list().is_some_and(|items| items.is_empty());
        if empty {
            self.error(name, &format!("Empty {name}"), format!("{name} must list at least one value, e.g. {name} = {example}."));
        }
        empty
    }

    pub(crate) fn warning(&mut self, name: Name, summary: &str, detail: impl Into<String>) {
        let path = self.path_of(name);
        self.diagnostics.push(Diagnostic::warning(summary, detail).at(path));
    }

    fn known(&mut self, value: &'a Value) -> Option<&'a Value> {
        match value {
            Value::Null => None,
            Value::Unknown => {
                self.incomplete = true;
                None
            }
            known => Some(known),
        }
    }

    /// A string attribute; empty strings are an error (an omitted argument is written by leaving it out),
    /// and so is a character IAM does not accept, at this argument, before anything reads the value.
    pub(crate) fn string(&mut self, name: Name) -> Option<&'a str> {
        let text = self.known(self.raw(name))?.as_str()?;
        if text.is_empty() {
            self.error(name, &format!("Empty {name}"), format!("{name} must not be empty; leave the argument out instead."));
            return None;
        }
        if let Some(c) = first_disallowed_char(text) {
            self.error(name, CHARACTER_SUMMARY, character_message(c));
            return None;
        }
        Some(text)
    }

    /// A string attribute parsed into `T`; the parse error's text is the diagnostic's detail.
    pub(crate) fn parsed<T>(&mut self, name: Name) -> Option<T>
    where
        T: FromStr,
        T::Err: Display,
    {
        self.parsed_with(name, str::parse::<T>)
    }

    /// Like `parsed` with a parse function for types that need context (expected service, ...).
    pub(crate) fn parsed_with<T, E: Display>(&mut self, name: Name, parse: impl FnOnce(&str) -> Result<T, E>) -> Option<T> {
        let text = self.string(name)?;
        match parse(text) {
            Ok(value) => Some(value),
            Err(error) => {
                self.error(name, &format!("Invalid {name}"), describe(text, &error));
                None
            }
        }
    }

    /// An ARN of kind `K`: an error unless it names exactly one resource of that kind, and a
    /// warning where it may still not match (a secret ARN without its suffix).
    /// An ARN in a partition without Amazon Q Business is an error too: no role of it lives there.
    pub(crate) fn arn<K: ArnKind>(&mut self, name: Name) -> Option<TypedArn<K>> {
        let arn = self.parsed::<TypedArn<K>>(name)?;
        let partition = arn.arn().partition;
        if check_partition(partition).is_err() {
            let detail = format!(
                "{arn} is in partition {partition}, but this policy is for partition {}, where Amazon Q Business runs.",
                qbusiness_partitions()
            );
            self.error(name, "ARN in another partition", detail);
            return None;
        }
        if let Some(why) = arn.warning() {
            self.warning(name, &format!("{name} may not match"), why);
        }
        Some(arn)
    }

    pub(crate) fn bool(&mut self, name: Name) -> Option<bool> {
        self.known(self.raw(name))?.as_bool()
    }

    pub(crate) fn number(&mut self, name: Name) -> Option<f64> {
        match self.known(self.raw(name))? {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A list of strings; an empty list is an error, as is any empty, invalid or unknown element
    /// (an unknown element makes the whole list wait for apply).
    pub(crate) fn parsed_list<T>(&mut self, name: Name) -> Option<Vec<T>>
    where
        T: FromStr,
        T::Err: Display,
    {
        self.list_of(name, true)
    }

    /// The policy documents of a list argument, as text: their characters are judged where the
    /// document's statements are, so that the message can say which statement and field.
    pub(crate) fn documents(&mut self, name: Name) -> Option<Vec<String>> {
        self.list_of(name, false)
    }

    fn list_of<T>(&mut self, name: Name, check_characters: bool) -> Option<Vec<T>>
    where
        T: FromStr,
        T::Err: Display,
    {
        let items = self.known(self.raw(name))?.as_list()?;
        if items.is_empty() {
            self.error(name, &format!("Empty {name}"), format!("{name} must list at least one value; leave the argument out instead."));
            return None;
        }
        let mut parsed = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = self.path_of(name).then_index(i);
            match item {
                Value::Unknown => {
                    self.incomplete = true;
                    ok = false;
                }
                Value::String(text) if text.is_empty() => {
                    self.diagnostics.push(Diagnostic::error(format!("Empty value in {name}"), "List entries must not be empty.").at(path));
                    ok = false;
                }
                Value::String(text) => {
                    let refused = if check_characters { first_disallowed_char(text) } else { None };
                    let error = match refused {
                        Some(c) => Diagnostic::error(CHARACTER_SUMMARY, character_message(c)),
                        None => match text.parse::<T>() {
                            Ok(value) => {
                                parsed.push(value);
                                continue;
                            }
                            Err(error) => Diagnostic::error(format!("Invalid {name}"), describe(text, &error)),
                        },
                    };
                    self.diagnostics.push(error.at(path));
                    ok = false;
                }
                _ => {
                    self.diagnostics.push(Diagnostic::error(format!("Null value in {name}"), "List entries must not be null.").at(path));
                    ok = false;
                }
            }
        }
        ok.then_some(parsed)
    }

    /// Reads the selector `name` as a kind of `K` (`default` when left out), then checks every
    /// argument some kind takes against what the chosen kind takes and requires.
    pub(crate) fn kind<K: Kind>(&mut self, name: Name, default: Option<K>) -> Option<K> {
        let chosen = match self.string(name) {
            Some(text) => match K::parse(name, text) {
                Ok(kind) => Some(kind),
                Err(unknown) => {
                    self.error(name, &format!("Unknown {name}"), unknown.to_string());
                    None
                }
            },
            None if self.incomplete => None,
            None => default,
        }?;
        let who = format!("{name} {:?}", chosen.name());
        let (takes, candidates) = (chosen.arguments(), K::all_arguments());
        self.check_kind(&takes, &candidates, |given| check_arguments(&who, &takes, &candidates, given));
        Some(chosen)
    }

    /// Each problem as an error at the argument it concerns.
    pub(crate) fn report(&mut self, problems: Vec<ArgumentProblem>) {
        for problem in problems {
            self.error(problem.argument(), problem.summary(), problem.to_string());
        }
    }

    /// Takes over what a nested reader found: its diagnostics and whether it met unknown values.
    pub(crate) fn absorb(&mut self, nested: Inputs<'_>) {
        self.incomplete |= nested.incomplete;
        self.diagnostics.extend(nested.diagnostics);
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.diagnostics.has_errors()
    }

    /// The diagnostics, as they leave the provider: every value a message quotes is shortened, so
    /// that no rule's message can echo megabytes back, whichever rule wrote it.
    pub(crate) fn into_diagnostics(self) -> Diagnostics {
        let mut diagnostics = self.diagnostics;
        for diagnostic in &mut diagnostics.0 {
            diagnostic.detail = shorten_quoted(&diagnostic.detail);
        }
        diagnostics
    }
}

/// Arguments as the request tables read them: a string as it is, a boolean as `true`/`false`, a
/// non-empty list joined by commas; null, unknown and an empty list are not given.
pub fn argument_texts<'v>(attributes: impl IntoIterator<Item = (Name, &'v Value)>) -> ArgumentTexts {
    attributes
        .into_iter()
        .filter_map(|(name, value)| {
            let text = match value {
                Value::String(text) => text.clone(),
                Value::Bool(flag) => flag.to_string(),
                Value::List(items) if !items.is_empty() => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(","),
                _ => return None,
            };
            Some((name, text))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::arguments as args;
    use crate::plugin::{Attribute, Type};
    use crate::policy::AccountId;

    fn block(names: &[Name]) -> Block {
        let attributes = names.iter().map(|n| Attribute::optional(n, Type::String, "")).collect();
        Block { attributes, ..Default::default() }
    }

    #[test]
    fn strings_nulls_unknowns_and_empties() {
        let config = Value::object([
            (args::BUCKET, Value::string("x")),
            (args::SECRET_ARN, Value::Null),
            (args::VPC, Value::Unknown),
            (args::REGION, Value::string("")),
        ]);
        let schema = block(&[args::BUCKET, args::SECRET_ARN, args::VPC, args::REGION]);
        let mut inputs = Inputs::new(&config, &schema);
        assert_eq!(inputs.string(args::BUCKET), Some("x"));
        assert_eq!(inputs.string(args::SECRET_ARN), None);
        assert!(!inputs.incomplete);
        assert_eq!(inputs.string(args::VPC), None);
        assert!(inputs.incomplete);
        assert_eq!(inputs.string(args::REGION), None);
        let diagnostic = &inputs.diagnostics.0[0];
        assert_eq!(diagnostic.attribute, Some(AttributePath::attribute(args::REGION)));
        assert_eq!(diagnostic.detail, "region must not be empty; leave the argument out instead.");
    }

    #[test]
    fn long_rejected_values_are_shortened_in_messages() {
        let long = "a".repeat(10_000);
        let config = Value::object([(args::ACCOUNT_ID, Value::string(long))]);
        let schema = block(&[args::ACCOUNT_ID]);
        let mut inputs = Inputs::new(&config, &schema);
        assert_eq!(inputs.parsed::<AccountId>(args::ACCOUNT_ID), None);
        let detail = &inputs.diagnostics.0[0].detail;
        let head = "a".repeat(60);
        assert_eq!(
            detail,
            &format!("\"{head}… (10000 characters)\" is not an AWS account id: it must be exactly 12 digits, e.g. \"123456789012\"")
        );
    }

    #[test]
    fn a_long_part_of_a_rejected_value_is_shortened_too() {
        use crate::catalog::arns::SecretArn;
        let name = "n".repeat(1 << 20);
        let arn = format!("arn:aws:secretsmanager:us-east-1:123456789012:secret:{name}");
        let config = Value::object([(args::SECRET_ARN, Value::string(arn))]);
        let schema = block(&[args::SECRET_ARN]);
        let mut inputs = Inputs::new(&config, &schema);
        assert!(inputs.parsed::<SecretArn>(args::SECRET_ARN).is_none());
        let detail = &inputs.into_diagnostics().0[0].detail;
        let head = "n".repeat(60);
        assert_eq!(
            detail,
            &format!("\"arn:aws:secretsmanager:us-east-1:123456789012:secret:nnnnnnn… (1048629 characters)\" has \"{head}… (1048576 characters)\" where a secret name belongs; expected arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-SUFFIX, e.g. arn:aws:secretsmanager:us-east-1:123456789012:secret:qbusiness-AbCdEf")
        );
    }

    #[test]
    fn quoted_parts_keep_their_escapes() {
        let long = "x".repeat(200);
        assert_eq!(shorten_quoted("a \"b\\\"c\" d"), "a \"b\\\"c\" d");
        assert_eq!(shorten_quoted(&format!("\"{long}\" and \"short\"")), format!("\"{}… (200 characters)\" and \"short\"", "x".repeat(60)));
        assert_eq!(shorten_quoted("unclosed \"quote"), "unclosed \"quote");
    }

    #[test]
    fn parse_errors_carry_the_path_and_reason() {
        let config = Value::object([
            (args::ACCOUNT_ID, Value::string("12345678901")),
            (args::IDS, Value::List(vec![Value::string("123456789012"), Value::string("x")])),
        ]);
        let schema = block(&[args::ACCOUNT_ID, args::IDS]);
        let mut inputs = Inputs::nested(&config, &schema, AttributePath::attribute("config"));
        assert_eq!(inputs.parsed::<AccountId>(args::ACCOUNT_ID), None);
        assert_eq!(inputs.parsed_list::<AccountId>(args::IDS), None);
        let found: Vec<_> = inputs.diagnostics.iter().map(|d| (d.attribute.as_ref().unwrap().to_string(), d.detail.clone())).collect();
        assert_eq!(
            found,
            [
                (
                    "config.account_id".to_owned(),
                    "\"12345678901\" is not an AWS account id: it must be exactly 12 digits, e.g. \"123456789012\"".to_owned()
                ),
                (
                    "config.ids[1]".to_owned(),
                    "\"x\" is not an AWS account id: it must be exactly 12 digits, e.g. \"123456789012\"".to_owned()
                ),
            ]
        );
    }

    #[test]
    #[should_panic(expected = "\"bucket\" is not in the schema being read")]
    fn a_name_outside_the_schema_fails_in_tests() {
        let config = Value::object([(args::ACCOUNT_ID, Value::string("123456789012"))]);
        let schema = block(&[args::ACCOUNT_ID]);
        Inputs::new(&config, &schema).string(args::BUCKET);
    }
}
