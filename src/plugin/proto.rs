//! Code generated from `proto/` by build.rs: Terraform's tfplugin6 and go-plugin's side services.

#![allow(clippy::all, clippy::pedantic, missing_docs)]

pub mod tfplugin6 {
    tonic::include_proto!("tfplugin6");
}

pub mod plugin {
    tonic::include_proto!("plugin");
}
