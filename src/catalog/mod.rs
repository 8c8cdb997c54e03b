//! The Amazon Q Business roles as data: where the service runs, the statement building blocks,
//! the connector templates and table, and the trust shapes. Knows nothing of Terraform.

pub mod application;
pub mod availability;
pub mod blocks;
pub mod connectors;
pub mod names;
pub mod scope;
pub mod service_roles;
pub mod trust;
pub mod web_experience;

pub use application::ApplicationRole;
pub use connectors::{connector, Connector, ConnectorOptions, ConnectorRole, ConnectorTemplate, CONNECTORS};
pub use scope::{ResourceId, Scope};
pub use service_roles::ServiceRole;
pub use trust::{ServiceTrust, TrustPolicy};
pub use web_experience::{WebExperienceOptions, WebExperienceRole};
