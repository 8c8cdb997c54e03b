//! Schemas a provider declares (provider block, data sources, functions) and their protobuf form.

use std::collections::BTreeMap;

use super::cty::Type;
use super::diagnostic::{AttributePath, Diagnostic, Diagnostics};
use super::proto::tfplugin6 as pb;
use super::value::Value;

/// Whether the user sets an attribute, may set it, or only reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// The configuration must set it.
    Required,
    /// The configuration may set it.
    Optional,
    /// The provider sets it.
    Computed,
}

#[derive(Clone, Debug)]
/// One attribute of a block.
pub struct Attribute {
    /// Its name.
    pub name: String,
    /// Its type.
    pub ty: Type,
    /// Who sets it.
    pub presence: Presence,
    /// Its description (Markdown).
    pub description: String,
    /// Whether Terraform hides its value.
    pub sensitive: bool,
}

impl Attribute {
    /// An attribute.
    pub fn new(name: impl AsRef<str>, ty: Type, presence: Presence, description: &str) -> Self {
        Self { name: name.as_ref().to_owned(), ty, presence, description: description.to_owned(), sensitive: false }
    }

    /// A required attribute.
    pub fn required(name: impl AsRef<str>, ty: Type, description: &str) -> Self {
        Self::new(name, ty, Presence::Required, description)
    }

    /// An optional attribute.
    pub fn optional(name: impl AsRef<str>, ty: Type, description: &str) -> Self {
        Self::new(name, ty, Presence::Optional, description)
    }

    /// A computed attribute.
    pub fn computed(name: impl AsRef<str>, ty: Type, description: &str) -> Self {
        Self::new(name, ty, Presence::Computed, description)
    }
}

/// How repeated nested blocks collect into a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nesting {
    /// Repeated blocks collect into a list.
    List,
}

#[derive(Clone, Debug)]
/// A nested block type.
pub struct NestedBlock {
    /// Its name.
    pub type_name: String,
    /// How repeated blocks collect.
    pub nesting: Nesting,
    /// Its schema.
    pub block: Block,
}

#[derive(Clone, Debug, Default)]
/// A block's schema: attributes and nested blocks.
pub struct Block {
    /// Its description (Markdown).
    pub description: String,
    /// Its attributes.
    pub attributes: Vec<Attribute>,
    /// Its nested block types.
    pub blocks: Vec<NestedBlock>,
}

impl Block {
    /// The object type a configuration of this block decodes to.
    pub fn value_type(&self) -> Type {
        let attributes = self.attributes.iter().map(|a| (a.name.clone(), a.ty.clone()));
        let blocks = self.blocks.iter().map(|b| {
            let object = b.block.value_type();
            let ty = match b.nesting {
                Nesting::List => Type::list(object),
            };
            (b.type_name.clone(), ty)
        });
        Type::object(attributes.chain(blocks))
    }

    /// The object type of what a user sets: the value type without computed attributes.
    pub fn input_type(&self) -> Type {
        let attributes = self.attributes.iter().filter(|a| a.presence != Presence::Computed).map(|a| (a.name.clone(), a.ty.clone()));
        let blocks = self.blocks.iter().map(|b| {
            let ty = match b.nesting {
                Nesting::List => Type::list(b.block.input_type()),
            };
            (b.type_name.clone(), ty)
        });
        Type::object(attributes.chain(blocks))
    }

    /// Required attributes set to null, here and in nested blocks. Terraform lets `x = null` through
    /// for a required attribute; like the plugin frameworks, the server rejects it.
    pub fn missing_required(&self, value: &Value, path: &AttributePath) -> Diagnostics {
        let mut found = Diagnostics::default();
        for attribute in self.attributes.iter().filter(|a| a.presence == Presence::Required) {
            if value.attribute(&attribute.name).is_null() {
                found.push(
                    Diagnostic::error(
                        "Missing required argument",
                        format!("The argument {:?} is required, but it is null.", attribute.name),
                    )
                    .at(path.then_attribute(&attribute.name)),
                );
            }
        }
        for nested in &self.blocks {
            for (i, item) in value.attribute(&nested.type_name).as_list().unwrap_or_default().iter().enumerate() {
                found.extend(nested.block.missing_required(item, &path.then_attribute(&nested.type_name).then_index(i)));
            }
        }
        found
    }

    /// The attribute `name`, if the block has it.
    pub fn attribute(&self, name: impl AsRef<str>) -> Option<&Attribute> {
        let name = name.as_ref();
        self.attributes.iter().find(|a| a.name == name)
    }

    pub(crate) fn to_proto(&self, version: i64) -> pb::Schema {
        pb::Schema { version, block: Some(self.block_proto()) }
    }

    fn block_proto(&self) -> pb::schema::Block {
        pb::schema::Block {
            version: 0,
            attributes: self
                .attributes
                .iter()
                .map(|a| pb::schema::Attribute {
                    name: a.name.clone(),
                    r#type: a.ty.to_json_bytes(),
                    nested_type: None,
                    description: a.description.clone(),
                    required: a.presence == Presence::Required,
                    optional: a.presence == Presence::Optional,
                    computed: a.presence == Presence::Computed,
                    sensitive: a.sensitive,
                    description_kind: pb::StringKind::Markdown as i32,
                    deprecated: false,
                    write_only: false,
                    deprecation_message: String::new(),
                })
                .collect(),
            block_types: self
                .blocks
                .iter()
                .map(|b| pb::schema::NestedBlock {
                    type_name: b.type_name.clone(),
                    block: Some(b.block.block_proto()),
                    nesting: match b.nesting {
                        Nesting::List => pb::schema::nested_block::NestingMode::List,
                    } as i32,
                    min_items: 0,
                    max_items: 0,
                })
                .collect(),
            description: self.description.clone(),
            description_kind: pb::StringKind::Markdown as i32,
            deprecated: false,
            computed: false,
            deprecation_message: String::new(),
        }
    }
}

#[derive(Clone, Debug)]
/// A function parameter.
pub struct Parameter {
    /// Its name.
    pub name: String,
    /// Its type.
    pub ty: Type,
    /// Its description.
    pub description: String,
}

impl Parameter {
    /// A parameter.
    pub fn new(name: &str, ty: Type, description: &str) -> Self {
        Self { name: name.to_owned(), ty, description: description.to_owned() }
    }
}

#[derive(Clone, Debug)]
/// A provider function.
pub struct Function {
    /// A one-line summary.
    pub summary: String,
    /// Its description.
    pub description: String,
    /// Its parameters, in order.
    pub parameters: Vec<Parameter>,
    /// What it returns.
    pub return_type: Type,
}

impl Function {
    pub(crate) fn to_proto(&self) -> pb::Function {
        pb::Function {
            parameters: self
                .parameters
                .iter()
                .map(|p| pb::function::Parameter {
                    name: p.name.clone(),
                    r#type: p.ty.to_json_bytes(),
                    allow_null_value: false,
                    allow_unknown_values: false,
                    description: p.description.clone(),
                    description_kind: pb::StringKind::Markdown as i32,
                })
                .collect(),
            variadic_parameter: None,
            r#return: Some(pb::function::Return { r#type: self.return_type.to_json_bytes() }),
            summary: self.summary.clone(),
            description: self.description.clone(),
            description_kind: pb::StringKind::Markdown as i32,
            deprecation_message: String::new(),
        }
    }
}

/// Everything a provider declares, keyed by the full type name (`qbusiness_trust_policy`).
#[derive(Clone, Debug, Default)]
pub struct ProviderSchema {
    /// The provider block.
    pub provider: Block,
    /// Each data source's schema, by type name.
    pub data_sources: BTreeMap<String, Block>,
    /// Each function, by name.
    pub functions: BTreeMap<String, Function>,
}
