//! One value per data source from which everything about it derives: its registration, schema,
//! function twin, docs pages, the proofs' request table, the emulator's pairing with a trust and
//! the tests' counts. Adding a role family is five hand-written files: its catalog module (kinds,
//! statements, request rows, golden configurations, trust kinds) and its line in `catalog/mod.rs`;
//! one data-source file holding its descriptor and its two lines in the provider module (its `mod`
//! and its place in [`DESCRIPTORS`]); its example, `examples/data-sources/<type>/data-source.tf`,
//! whose outputs are golden documents. Its goldens and docs are generated; its function's example
//! is made from its first golden configuration. A new argument name adds a line to
//! `catalog/arguments.rs`, a new wildcard pattern one to `catalog/breadth.rs`, each reviewed there.

use crate::catalog::arguments::Name;
use crate::catalog::requests::Family;
use crate::plugin::{Attribute, Block};
use crate::policy::{DocumentKind, PolicyDocument};

use super::inputs::Inputs;
use super::{Outcome, Phase};

/// Everything about one data source.
pub struct Descriptor {
    /// The data source's type name, e.g. `qbusiness_trust_policy`.
    pub type_name: &'static str,
    /// The data source's description, the first paragraph of its docs page.
    pub description: &'static str,
    /// Its function twin.
    pub function: FunctionTwin,
    /// The request table the proofs run its documents through, and its docs' "What this role
    /// allows" section; `None` for a data source that makes no document.
    pub requests: Option<Family>,
    pub(crate) body: Body,
}

/// The function that gives the same result as the data source.
#[derive(Clone, Copy, Debug)]
pub struct FunctionTwin {
    /// The function's name, as in `provider::qbusiness::NAME(…)`.
    pub name: &'static str,
    /// The data-source argument passed as the function's first parameter, if any.
    pub selector: Option<Name>,
    /// The data-source attribute the function returns.
    pub output: Name,
    /// The function's summary.
    pub summary: &'static str,
}

/// What a data source computes.
pub(crate) enum Body {
    /// A policy document, through the one document path ([`super::document`]).
    Document(DocumentSpec),
    /// Something else, with its own schema and reader (the connector catalog).
    Other { schema: fn() -> Vec<Attribute>, read: fn(&mut Inputs<'_>, Phase<'_>) -> Outcome },
}

/// What a document data source adds to the shared document path.
pub(crate) struct DocumentSpec {
    /// A permissions, trust or resource policy.
    pub(crate) kind: DocumentKind,
    /// The role's own arguments (the shared ones are added by the document path).
    pub(crate) arguments: fn() -> Vec<Attribute>,
    /// Which roles the scope arguments apply to, for their description ("in this policy (…)");
    /// `None` for a document that takes its scope from the ARNs it is given.
    pub(crate) scope_note: Option<fn() -> String>,
    /// Reads the role's own arguments and builds its document: `None` when an argument is wrong
    /// or unknown, or when validating and the scope is not known yet.
    pub(crate) build: fn(&mut Inputs<'_>, Phase<'_>) -> Option<PolicyDocument>,
}

// The data sources the tests and the bench name.
pub use super::application_policy::DESCRIPTOR as APPLICATION_POLICY;
pub use super::application_roles::DESCRIPTOR as APPLICATION_ROLES;
pub use super::bucket_policy::DESCRIPTOR as BUCKET_POLICY;
pub use super::connector_policy::DESCRIPTOR as CONNECTOR_POLICY;
pub use super::connectors::DESCRIPTOR as CONNECTORS;
pub use super::data_accessor_policy::DESCRIPTOR as DATA_ACCESSOR_POLICY;
pub use super::identity_center_application_policy::DESCRIPTOR as IDENTITY_CENTER_APPLICATION_POLICY;
pub use super::integration_policy::DESCRIPTOR as INTEGRATION_POLICY;
pub use super::policy_check::DESCRIPTOR as POLICY_CHECK;
pub use super::role_policy::DESCRIPTOR as ROLE_POLICY;
pub use super::trust_policy::DESCRIPTOR as TRUST_POLICY;
pub use super::web_experience_policy::DESCRIPTOR as WEB_EXPERIENCE_POLICY;
pub use super::DESCRIPTORS;

/// The descriptor of the data source `type_name`.
pub fn descriptor(type_name: &str) -> Option<&'static Descriptor> {
    DESCRIPTORS.iter().copied().find(|d| d.type_name == type_name)
}

impl Descriptor {
    /// The data source's schema.
    pub(crate) fn schema(&self) -> Block {
        match &self.body {
            Body::Document(spec) => super::document::schema(self.description, spec),
            Body::Other { schema, .. } => Block { description: self.description.to_owned(), attributes: schema(), blocks: vec![] },
        }
    }

    /// The document it makes, if it makes one.
    pub fn document_kind(&self) -> Option<DocumentKind> {
        match &self.body {
            Body::Document(spec) => Some(spec.kind),
            Body::Other { .. } => None,
        }
    }

    /// Its example's path under `examples/`.
    pub fn example(&self) -> String {
        format!("data-sources/{}/data-source.tf", self.type_name)
    }

    /// Its function twin's example's path under `examples/`.
    pub fn function_example(&self) -> String {
        format!("functions/{}/function.tf", self.function.name)
    }

    /// Reads `inputs` in `phase`; a document data source's `allows` is computed when reading a
    /// data source, not for a function, whose result is the document alone.
    pub(crate) fn read(&self, inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Outcome {
        let requests = if matches!(phase, Phase::Read(_)) { self.requests.as_ref() } else { None };
        self.read_with(inputs, phase, requests)
    }

    /// Reads `inputs` in `phase` for the document alone, with an empty `allows`: a bundle returns
    /// only its roles' documents.
    pub(crate) fn read_document(&self, inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Outcome {
        self.read_with(inputs, phase, None)
    }

    fn read_with(&self, inputs: &mut Inputs<'_>, phase: Phase<'_>, requests: Option<&Family>) -> Outcome {
        match &self.body {
            Body::Document(spec) => super::document::read(spec, requests, inputs, phase),
            Body::Other { read, .. } => read(inputs, phase),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_each_twin_returns_an_attribute_of_its_data_source() {
        let mut types: Vec<&str> = DESCRIPTORS.iter().map(|d| d.type_name).collect();
        let mut functions: Vec<&str> = DESCRIPTORS.iter().map(|d| d.function.name).collect();
        types.sort_unstable();
        types.dedup();
        functions.sort_unstable();
        functions.dedup();
        assert_eq!((types.len(), functions.len()), (DESCRIPTORS.len(), DESCRIPTORS.len()));
        for d in DESCRIPTORS {
            let schema = d.schema();
            assert!(schema.attribute(d.function.output).is_some(), "{}: no attribute {}", d.type_name, d.function.output);
            if let Some(selector) = d.function.selector {
                assert!(schema.attribute(selector).is_some(), "{}: no selector {selector}", d.type_name);
            }
            assert_eq!(d.requests.is_some(), d.document_kind().is_some(), "{}: every document has a request table", d.type_name);
        }
    }

    /// Every role names the page it was read from (the connectors, each in its catalog row).
    #[test]
    fn every_kind_of_every_family_names_its_source_page() {
        for d in DESCRIPTORS {
            let Some(family) = &d.requests else { continue };
            let kinds = (family.kinds)();
            let missing: Vec<_> = if kinds.is_empty() {
                (family.source)(None).is_none().then_some("(the family)").into_iter().collect()
            } else {
                kinds.into_iter().filter(|k| (family.source)(Some(k)).is_none()).collect()
            };
            let connectors = d.type_name == CONNECTOR_POLICY.type_name;
            assert_eq!(missing.is_empty(), !connectors, "{}: no source for {missing:?}", d.type_name);
        }
    }

    /// A request row that names a kind names one of its family's: a misspelt kind would make the
    /// row apply to no configuration, and the proofs and `allows` would lose it without a word.
    #[test]
    fn every_kind_a_request_row_names_is_a_kind_of_its_family() {
        for d in DESCRIPTORS {
            let Some(family) = &d.requests else { continue };
            let kinds = (family.kinds)();
            let strangers: Vec<(&str, &str)> = family
                .expectations
                .iter()
                .flat_map(|row| row.when.kinds().into_iter().map(move |kind| (row.label, kind)))
                .filter(|(_, kind)| !kinds.contains(kind))
                .collect();
            assert_eq!(strangers, [], "{}: rows naming kinds it does not have (kinds: {kinds:?})", d.type_name);
        }
    }
}
