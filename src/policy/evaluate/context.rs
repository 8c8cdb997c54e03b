//! A request's context: condition keys and their values, looked up without regard to the key's
//! case (IAM's rule for key names; values keep theirs).

use std::collections::BTreeMap;

/// A context key's value: one text, or a set of them (`aws:TagKeys`, `aws:PrincipalOrgPaths`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContextValue {
    /// A single-valued key.
    Single(String),
    /// A multivalued key; it may be empty.
    Multi(Vec<String>),
}

impl ContextValue {
    /// One value of `key`: a set of one where AWS's data says the key is multivalued
    /// (`aws:TagKeys`), as AWS sends such keys.
    pub fn one(key: &str, value: impl Into<String>) -> ContextValue {
        let multivalued = crate::policy::service_data::key_type(key).is_some_and(|t| t.starts_with("ArrayOf"));
        if multivalued {
            ContextValue::Multi(vec![value.into()])
        } else {
            ContextValue::Single(value.into())
        }
    }

    /// The values either way.
    pub fn values(&self) -> &[String] {
        match self {
            ContextValue::Single(value) => std::slice::from_ref(value),
            ContextValue::Multi(values) => values,
        }
    }
}

/// The keys of a request and their values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// Lower-case key → (the key as written, its value).
    entries: BTreeMap<String, (String, ContextValue)>,
}

impl Context {
    /// Sets `key` to `value`.
    pub fn insert(&mut self, key: &str, value: ContextValue) {
        self.entries.insert(key.to_ascii_lowercase(), (key.to_owned(), value));
    }

    /// The value of `key`, in any case.
    pub fn get(&self, key: &str) -> Option<&ContextValue> {
        self.entries.get(&key.to_ascii_lowercase()).map(|(_, value)| value)
    }

    /// The value of a single-valued `key`; `None` when it is absent or multivalued.
    pub fn single(&self, key: &str) -> Option<&str> {
        match self.get(key)? {
            ContextValue::Single(value) => Some(value),
            ContextValue::Multi(_) => None,
        }
    }

    /// Every key as written, with its value.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ContextValue)> {
        self.entries.values().map(|(key, value)| (key.as_str(), value))
    }
}

impl<'a> FromIterator<(&'a str, ContextValue)> for Context {
    fn from_iter<I: IntoIterator<Item = (&'a str, ContextValue)>>(entries: I) -> Context {
        let mut context = Context::default();
        for (key, value) in entries {
            context.insert(key, value);
        }
        context
    }
}
