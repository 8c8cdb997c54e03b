//! Our own Terraform plugin-protocol (v6) server over go-plugin's handshake. Knows nothing of IAM:
//! a provider plugs in through the [`Provider`] trait.

pub mod connection;
pub mod convert;
pub mod cty;
pub mod diagnostic;
pub mod go_plugin;
pub mod handshake;
pub mod log;
pub mod proto;
pub mod provider;
pub mod schema;
pub mod server;
pub mod service;
pub mod shutdown;
pub mod socket;
pub mod tls;
pub mod value;

pub use cty::Type;
pub use diagnostic::{AttributePath, Diagnostic, Diagnostics, Severity};
pub use provider::{FunctionError, Provider};
pub use schema::{Attribute, Block, Function, NestedBlock, Nesting, Parameter, Presence, ProviderSchema};
pub use server::serve;
pub use value::Value;
