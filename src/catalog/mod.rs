//! The Amazon Q Business roles as data: where the service runs, the statement building blocks,
//! the typed role kinds, the connector templates and table, and the trust shapes. Knows nothing of
//! Terraform.

#![warn(missing_docs)]

pub mod administrator;
pub mod application;
pub mod arguments;
pub mod arns;
pub mod availability;
pub mod blocks;
pub mod breadth;
pub mod bucket_policy;
pub mod connectors;
pub mod data_accessor;
pub mod errata;
pub mod examples;
pub mod integration;
pub mod key_policy;
pub mod kinds;
pub mod names;
pub mod placeholders;
pub mod requests;
pub mod scope;
pub mod service_roles;
pub mod sources;
pub mod token_exchange;
pub mod trust;
pub mod web_experience;

pub use application::ApplicationRole;
pub use connectors::{connector, Connector, ConnectorOptions, ConnectorRole, ConnectorTemplate, CONNECTORS};
pub use kinds::{Argument, ArgumentProblem, Kind, UnknownKind};
pub use scope::{ResourceId, Scope};
pub use service_roles::{ServiceRole, ServiceRoleKind};
pub use trust::{ServiceTrust, TrustKind, TrustPolicy};
pub use web_experience::{WebExperienceKind, WebExperienceOptions, WebExperienceRole};
