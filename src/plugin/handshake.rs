//! go-plugin's start-up contract: the magic cookie, protocol version choice, and the handshake line.

use base64::Engine;
use rustls::pki_types::CertificateDer;
use thiserror::Error;

use super::listener::{Address, Transport, TransportError};

/// The environment variable go-plugin sets to show Terraform started the plugin.
pub const MAGIC_COOKIE_KEY: &str = "TF_PLUGIN_MAGIC_COOKIE";
/// The value Terraform sets it to.
pub const MAGIC_COOKIE_VALUE: &str = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
/// go-plugin's core protocol version.
pub const CORE_PROTOCOL_VERSION: u32 = 1;
/// The plugin protocol version this server speaks (tfplugin6).
pub const APP_PROTOCOL_VERSION: u32 = 6;

#[derive(Debug, Error, PartialEq, Eq)]
/// Why the plugin cannot serve.
pub enum HandshakeError {
    #[error(
        "This is a Terraform plugin (the {name} provider). Terraform starts it when a configuration uses \
         source = \"{source}\"; it is not meant to be run directly.",
        name = super::provider::short_name(address),
        source = super::provider::source(address)
    )]
    #[allow(missing_docs)] // `address`: the provider's registry address
    NotStartedByTerraform { address: String },
    #[error("Terraform offers plugin protocol versions {offered:?}, but this provider speaks only version 6; use Terraform 1.0 or newer.")]
    #[allow(missing_docs)] // `offered`: the versions Terraform offers
    UnsupportedProtocol { offered: String },
    #[error(transparent)]
    /// The transport settings are wrong.
    Transport(#[from] TransportError),
}

/// What the host asked for through the environment.
#[derive(Debug, PartialEq, Eq)]
pub struct HostRequest {
    /// PEM of the host's certificate when it wants AutoMTLS.
    pub client_certificate: Option<String>,
    /// Where to listen: a unix socket (under `PLUGIN_UNIX_SOCKET_DIR`) or TCP (in
    /// `PLUGIN_MIN_PORT..PLUGIN_MAX_PORT`).
    pub transport: Transport,
}

/// Reads the host's request from environment variables (`lookup` is `std::env::var` outside tests);
/// `address` is the provider's registry address, for the message to a person who ran it by hand.
pub fn read_host_request(address: &str, lookup: impl Fn(&str) -> Option<String>) -> Result<HostRequest, HandshakeError> {
    if lookup(MAGIC_COOKIE_KEY).as_deref() != Some(MAGIC_COOKIE_VALUE) {
        return Err(HandshakeError::NotStartedByTerraform { address: address.to_owned() });
    }
    if let Some(offered) = lookup("PLUGIN_PROTOCOL_VERSIONS") {
        let speaks_ours = offered.split(',').any(|v| v.trim().parse::<u32>() == Ok(APP_PROTOCOL_VERSION));
        if !offered.trim().is_empty() && !speaks_ours {
            return Err(HandshakeError::UnsupportedProtocol { offered });
        }
    }
    Ok(HostRequest {
        client_certificate: lookup("PLUGIN_CLIENT_CERT").filter(|pem| !pem.trim().is_empty()),
        transport: Transport::from_env(&lookup)?,
    })
}

/// `1|6|unix|/path/to/socket|grpc|<certificate DER, base64 without padding>` (or `tcp|127.0.0.1:PORT`)
/// and a newline.
pub fn handshake_line(address: &Address, server_certificate: Option<&CertificateDer<'_>>) -> String {
    let certificate = server_certificate.map(|der| base64::engine::general_purpose::STANDARD_NO_PAD.encode(der)).unwrap_or_default();
    format!("{CORE_PROTOCOL_VERSION}|{APP_PROTOCOL_VERSION}|{}|{address}|grpc|{certificate}\n", address.network())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const ADDRESS: &str = "registry.terraform.io/example/thing";

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |key| map.get(key).cloned()
    }

    #[test]
    fn missing_or_wrong_cookie_is_refused() {
        let refused = read_host_request(ADDRESS, env(&[])).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "This is a Terraform plugin (the thing provider). Terraform starts it when a configuration uses \
             source = \"example/thing\"; it is not meant to be run directly."
        );
        assert_eq!(read_host_request(ADDRESS, env(&[(MAGIC_COOKIE_KEY, "nope")])), Err(refused));
    }

    #[test]
    fn protocol_six_must_be_offered() {
        let refused = read_host_request(ADDRESS, env(&[(MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE), ("PLUGIN_PROTOCOL_VERSIONS", "4,5")]));
        assert_eq!(refused, Err(HandshakeError::UnsupportedProtocol { offered: "4,5".into() }));
        let accepted = read_host_request(
            ADDRESS,
            env(&[(MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE), ("PLUGIN_PROTOCOL_VERSIONS", "5,6"), ("PLUGIN_UNIX_SOCKET_DIR", "/run/x")]),
        );
        assert_eq!(accepted, Ok(HostRequest { client_certificate: None, transport: Transport::Unix { parent: Some("/run/x".into()) } }));
    }

    #[test]
    fn line_has_six_fields_and_unpadded_certificate() {
        let der = CertificateDer::from(vec![1u8, 2, 3, 4]);
        let socket = std::env::temp_dir().join("example-plugin").join("plugin.sock");
        assert_eq!(handshake_line(&Address::Unix(socket.clone()), Some(&der)), format!("1|6|unix|{}|grpc|AQIDBA\n", socket.display()));
        assert_eq!(handshake_line(&Address::Unix("/s".into()), None), "1|6|unix|/s|grpc|\n");
        assert_eq!(handshake_line(&Address::Tcp(([127, 0, 0, 1], 10001).into()), None), "1|6|tcp|127.0.0.1:10001|grpc|\n");
    }
}
