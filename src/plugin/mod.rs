//! Our own Terraform plugin-protocol (v6) server over go-plugin's handshake. Knows nothing of IAM:
//! a provider plugs in through the [`Provider`] trait.

#![warn(missing_docs)]

mod connection;
pub mod convert;
mod cty;
mod diagnostic;
mod go_plugin;
pub mod handshake;
pub mod listener;
mod log;
pub mod proto;
mod provider;
mod schema;
mod server;
mod service;
#[cfg(unix)]
mod socket;
pub mod tls;
mod value;

pub use cty::Type;
pub use diagnostic::{AttributePath, Diagnostic, Diagnostics, PathStep, Severity};
pub use provider::{DataSource, FunctionError, Provider};
pub use schema::{Attribute, Block, Function, NestedBlock, Nesting, Parameter, Presence, ProviderSchema};
pub use server::serve;
pub use value::Value;
