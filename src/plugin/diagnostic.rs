//! Diagnostics (errors and warnings) with the attribute path Terraform uses to point at the configuration.

use std::fmt;

use super::proto::tfplugin6 as pb;

/// One step of an attribute path: an attribute name, a map key or a list index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathStep {
    /// An attribute or nested block, by name.
    Attribute(String),
    /// A map element, by key.
    Key(String),
    /// A list element, by index.
    Index(i64),
}

/// Where in a configuration object a diagnostic applies, e.g. `statement[0].actions`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttributePath(pub Vec<PathStep>);

impl AttributePath {
    /// The empty path: the whole object.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// The path of one top-level attribute.
    pub fn attribute(name: impl AsRef<str>) -> Self {
        let name = name.as_ref();
        Self(vec![PathStep::Attribute(name.to_owned())])
    }

    /// Whether the path is empty.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    #[must_use]
    /// This path, then the attribute `name`.
    pub fn then_attribute(&self, name: impl AsRef<str>) -> Self {
        let name = name.as_ref();
        self.then(PathStep::Attribute(name.to_owned()))
    }

    #[must_use]
    /// This path, then the map element `key`.
    pub fn then_key(&self, key: &str) -> Self {
        self.then(PathStep::Key(key.to_owned()))
    }

    #[must_use]
    /// This path, then the list element `index`.
    pub fn then_index(&self, index: usize) -> Self {
        self.then(PathStep::Index(index as i64))
    }

    fn then(&self, step: PathStep) -> Self {
        let mut steps = self.0.clone();
        steps.push(step);
        Self(steps)
    }

    fn to_proto(&self) -> pb::AttributePath {
        use pb::attribute_path::step::Selector;
        let steps = self
            .0
            .iter()
            .map(|step| pb::attribute_path::Step {
                selector: Some(match step {
                    PathStep::Attribute(name) => Selector::AttributeName(name.clone()),
                    PathStep::Key(key) => Selector::ElementKeyString(key.clone()),
                    PathStep::Index(index) => Selector::ElementKeyInt(*index),
                }),
            })
            .collect();
        pb::AttributePath { steps }
    }
}

impl fmt::Display for AttributePath {
    /// HCL-like form, as Terraform prints it: `statement[0].actions`, `tags["team"]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                PathStep::Attribute(name) if i == 0 => write!(f, "{name}")?,
                PathStep::Attribute(name) => write!(f, ".{name}")?,
                PathStep::Key(key) => write!(f, "[{key:?}]")?,
                PathStep::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
/// How serious a diagnostic is.
pub enum Severity {
    /// Stops the operation.
    Error,
    /// Shown, and the operation goes on.
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
/// A message for the user, optionally pointing at an attribute.
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A short summary.
    pub summary: String,
    /// What is wrong and what is valid.
    pub detail: String,
    /// The attribute it concerns, if any.
    pub attribute: Option<AttributePath>,
}

impl Diagnostic {
    /// An error.
    pub fn error(summary: impl Into<String>, detail: impl Into<String>) -> Self {
        Self { severity: Severity::Error, summary: summary.into(), detail: detail.into(), attribute: None }
    }

    /// A warning.
    pub fn warning(summary: impl Into<String>, detail: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, summary: summary.into(), detail: detail.into(), attribute: None }
    }

    #[must_use]
    /// The same diagnostic, pointing at `path`.
    pub fn at(mut self, path: AttributePath) -> Self {
        self.attribute = (!path.is_root()).then_some(path);
        self
    }

    /// Whether it is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub(crate) fn to_proto(&self) -> pb::Diagnostic {
        pb::Diagnostic {
            severity: match self.severity {
                Severity::Error => pb::diagnostic::Severity::Error,
                Severity::Warning => pb::diagnostic::Severity::Warning,
            } as i32,
            summary: self.summary.clone(),
            detail: self.detail.clone(),
            attribute: self.attribute.as_ref().map(AttributePath::to_proto),
        }
    }
}

/// The diagnostics one operation collected, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Adds all of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// Whether any is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each diagnostic in order.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    pub(crate) fn to_proto(&self) -> Vec<pb::Diagnostic> {
        self.0.iter().map(Diagnostic::to_proto).collect()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Self(vec![diagnostic])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_displays_like_hcl() {
        let path = AttributePath::attribute("statement").then_index(2).then_attribute("condition").then_key("aws:SourceArn");
        assert_eq!(path.to_string(), r#"statement[2].condition["aws:SourceArn"]"#);
    }

    #[test]
    fn root_path_is_no_attribute() {
        let diagnostic = Diagnostic::error("x", "y").at(AttributePath::root());
        assert_eq!(diagnostic.to_proto().attribute, None);
    }
}
