//! Reading a configuration object: typed getters that turn a bad value into an error diagnostic at
//! the attribute's path, and that note (rather than reject) values unknown until apply.

use std::fmt::Display;
use std::str::FromStr;

use crate::plugin::{AttributePath, Diagnostic, Diagnostics, Value};

/// A parse error's text with the rejected value shortened when it is long: the message must say
/// what is wrong without echoing megabytes back.
fn describe(text: &str, error: &impl Display) -> String {
    const KEEP: usize = 60;
    let message = error.to_string();
    if text.chars().count() <= 2 * KEEP {
        return message;
    }
    let head: String = text.chars().take(KEEP).collect();
    let short = format!("{head}… ({} characters)", text.chars().count());
    message.replace(&format!("{text:?}"), &format!("{short:?}")).replace(text, &short)
}

pub struct Inputs<'a> {
    config: &'a Value,
    path: AttributePath,
    pub diagnostics: Diagnostics,
    /// Some value read was unknown (plan time): checks that need it, and the document, wait for apply.
    pub incomplete: bool,
}

impl<'a> Inputs<'a> {
    pub fn new(config: &'a Value) -> Inputs<'a> {
        Inputs { config, path: AttributePath::root(), diagnostics: Diagnostics::default(), incomplete: false }
    }

    /// Reads a nested object (a block or an object argument) with paths under `path`.
    pub fn nested(config: &'a Value, path: AttributePath) -> Inputs<'a> {
        Inputs { config, path, diagnostics: Diagnostics::default(), incomplete: false }
    }

    pub fn path_of(&self, name: &str) -> AttributePath {
        self.path.then_attribute(name)
    }

    pub fn raw(&self, name: &str) -> &'a Value {
        self.config.attribute(name)
    }

    /// Set in the configuration (an unknown value counts as set).
    pub fn is_set(&self, name: &str) -> bool {
        !self.raw(name).is_null()
    }

    pub fn error(&mut self, name: &str, summary: &str, detail: impl Into<String>) {
        let path = self.path_of(name);
        self.diagnostics.push(Diagnostic::error(summary, detail).at(path));
    }

    pub fn warning(&mut self, name: &str, summary: &str, detail: impl Into<String>) {
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

    /// A string attribute; empty strings are an error (an omitted argument is written by leaving it out).
    pub fn string(&mut self, name: &str) -> Option<&'a str> {
        let text = self.known(self.raw(name))?.as_str()?;
        if text.is_empty() {
            self.error(name, &format!("Empty {name}"), format!("{name} must not be empty; leave the argument out instead."));
            return None;
        }
        Some(text)
    }

    /// A string attribute parsed into `T`; the parse error's text is the diagnostic's detail.
    pub fn parsed<T>(&mut self, name: &str) -> Option<T>
    where
        T: FromStr,
        T::Err: Display,
    {
        self.parsed_with(name, str::parse::<T>)
    }

    /// Like `parsed` with a parse function for types that need context (expected service, ...).
    pub fn parsed_with<T, E: Display>(&mut self, name: &str, parse: impl FnOnce(&str) -> Result<T, E>) -> Option<T> {
        let text = self.string(name)?;
        match parse(text) {
            Ok(value) => Some(value),
            Err(error) => {
                self.error(name, &format!("Invalid {name}"), describe(text, &error));
                None
            }
        }
    }

    pub fn bool(&mut self, name: &str) -> Option<bool> {
        self.known(self.raw(name))?.as_bool()
    }

    pub fn number(&mut self, name: &str) -> Option<f64> {
        match self.known(self.raw(name))? {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A list of strings; an empty list is an error, as is any empty, invalid or unknown element
    /// (an unknown element makes the whole list wait for apply).
    pub fn parsed_list<T>(&mut self, name: &str) -> Option<Vec<T>>
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
                Value::String(text) => match text.parse::<T>() {
                    Ok(value) => parsed.push(value),
                    Err(error) => {
                        self.diagnostics.push(Diagnostic::error(format!("Invalid {name}"), describe(text, &error)).at(path));
                        ok = false;
                    }
                },
                _ => {
                    self.diagnostics.push(Diagnostic::error(format!("Null value in {name}"), "List entries must not be null.").at(path));
                    ok = false;
                }
            }
        }
        ok.then_some(parsed)
    }

    /// Fails every attribute of `names` that is set, naming what would be valid instead.
    pub fn reject_unless_allowed(&mut self, names: &[&str], allowed: impl Fn(&str) -> bool, why: impl Fn(&str) -> String) {
        for name in names {
            if self.is_set(name) && !allowed(name) {
                let detail = why(name);
                self.error(name, "Argument not accepted here", detail);
            }
        }
    }

    /// Reads a `kind`-like selector from `kinds` (name, the arguments that kind takes), `default`
    /// when omitted, and rejects each argument of `all_arguments` the chosen kind does not take.
    pub fn choose_kind<'k>(
        &mut self,
        name: &str,
        kinds: &'k [(&'k str, &'k [&'k str])],
        default: Option<&'k str>,
        all_arguments: &[&str],
    ) -> Option<(&'k str, &'k [&'k str])> {
        let names = || kinds.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ");
        let chosen = match (self.string(name), default) {
            (Some(text), _) => kinds.iter().find(|(k, _)| *k == text).copied().or_else(|| {
                let detail = format!("{text:?} is not a valid {name}; valid values are {}.", names());
                self.error(name, &format!("Unknown {name}"), detail);
                None
            }),
            (None, Some(default)) if !self.incomplete => kinds.iter().find(|(k, _)| *k == default).copied(),
            _ => None,
        }?;
        let (kind, takes) = chosen;
        self.reject_unless_allowed(
            all_arguments,
            |argument| takes.contains(&argument),
            |argument| format!("{name} {kind:?} does not take {argument}; it takes {}.", takes.join(", ")),
        );
        Some(chosen)
    }

    /// Reports each of `names` that is not set, saying who needs it.
    pub fn require(&mut self, names: &[&str], who: &str) {
        for name in names {
            if !self.is_set(name) {
                self.error(name, "Missing required argument", format!("{who} needs {name}."));
            }
        }
    }

    /// Takes over what a nested reader found: its diagnostics and whether it met unknown values.
    pub fn absorb(&mut self, nested: Inputs<'_>) {
        self.incomplete |= nested.incomplete;
        self.diagnostics.extend(nested.diagnostics);
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.has_errors()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::AccountId;

    #[test]
    fn strings_nulls_unknowns_and_empties() {
        let config = Value::object([("a", Value::string("x")), ("b", Value::Null), ("c", Value::Unknown), ("d", Value::string(""))]);
        let mut inputs = Inputs::new(&config);
        assert_eq!(inputs.string("a"), Some("x"));
        assert_eq!(inputs.string("b"), None);
        assert!(!inputs.incomplete);
        assert_eq!(inputs.string("c"), None);
        assert!(inputs.incomplete);
        assert_eq!(inputs.string("d"), None);
        let diagnostic = &inputs.diagnostics.0[0];
        assert_eq!(diagnostic.attribute.as_ref().unwrap().to_string(), "d");
        assert_eq!(diagnostic.detail, "d must not be empty; leave the argument out instead.");
    }

    #[test]
    fn long_rejected_values_are_shortened_in_messages() {
        let long = "a".repeat(10_000);
        let config = Value::object([("account_id", Value::string(long))]);
        let mut inputs = Inputs::new(&config);
        assert_eq!(inputs.parsed::<AccountId>("account_id"), None);
        let detail = &inputs.diagnostics.0[0].detail;
        let head = "a".repeat(60);
        assert_eq!(
            detail,
            &format!("\"{head}… (10000 characters)\" is not an AWS account id: it must be exactly 12 digits, e.g. \"123456789012\"")
        );
    }

    #[test]
    fn parse_errors_carry_the_path_and_reason() {
        let config = Value::object([
            ("account_id", Value::string("12345678901")),
            ("ids", Value::List(vec![Value::string("123456789012"), Value::string("x")])),
        ]);
        let mut inputs = Inputs::nested(&config, AttributePath::attribute("config"));
        assert_eq!(inputs.parsed::<AccountId>("account_id"), None);
        assert_eq!(inputs.parsed_list::<AccountId>("ids"), None);
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
}
