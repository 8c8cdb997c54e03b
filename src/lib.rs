//! terraform-provider-qbusiness: computes the IAM documents Amazon Q Business roles need.
//!
//! - [`plugin`]: the Terraform plugin-protocol server (no IAM inside).
//! - [`policy`]: the IAM document model (no Terraform inside).
//! - [`catalog`]: the Q Business roles as data.
//! - [`provider`]: the Terraform surface: configuration, data sources, functions.

#![warn(unreachable_pub)]

pub mod catalog;
pub mod plugin;
pub mod policy;
pub mod provider;
