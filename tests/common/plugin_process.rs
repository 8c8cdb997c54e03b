//! Starts the provider binary as Terraform does (cookie, AutoMTLS, socket dir), reads its handshake
//! line, and connects a tonic client built from `proto/` over the unix socket, or over TCP when the
//! plugin was asked for the transport Windows uses.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use terraform_provider_qbusiness::catalog::arguments as args;

use base64::Engine;
use hyper_util::rt::TokioIo;
use rustls::pki_types::{CertificateDer, ServerName};
use tempfile::TempDir;
use terraform_provider_qbusiness::plugin::handshake::{MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE};
use terraform_provider_qbusiness::plugin::proto::tfplugin6::provider_client::ProviderClient;
use terraform_provider_qbusiness::plugin::tls::{self, Identity};
use tokio::net::{TcpStream, UnixStream};
use tokio_rustls::TlsConnector;
use tonic::transport::{Channel, Endpoint, Uri};

use super::provider_binary;

/// How a plugin is started: AutoMTLS or plaintext, unix socket or TCP.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Start {
    pub mtls: bool,
    pub tcp: bool,
}

pub struct PluginProcess {
    pub child: Child,
    pub handshake: String,
    /// The handshake's network, `unix` or `tcp`.
    pub network: String,
    /// The unix socket (for `tcp`, the address as a path, unused).
    pub socket: PathBuf,
    /// The handshake's address: the socket's path, or `127.0.0.1:PORT`.
    pub address: String,
    pub server_certificate: Option<CertificateDer<'static>>,
    pub client: Identity,
    /// The parent of the socket's private directory (`PLUGIN_UNIX_SOCKET_DIR`).
    pub socket_parent: TempDir,
    /// From exec to the handshake line.
    pub started_in: Duration,
}

impl PluginProcess {
    /// Started as Terraform starts it, with AutoMTLS.
    pub fn start() -> PluginProcess {
        PluginProcess::start_with(true)
    }

    pub fn start_with(mtls: bool) -> PluginProcess {
        PluginProcess::start_as(Start { mtls, tcp: false })
    }

    /// Started over TCP (`PLUGIN_TRANSPORT=tcp`), with AutoMTLS.
    pub fn start_tcp() -> PluginProcess {
        PluginProcess::start_as(Start { mtls: true, tcp: true })
    }

    pub fn start_as(start_as: Start) -> PluginProcess {
        let mtls = start_as.mtls;
        let client = Identity::generate().unwrap();
        let socket_parent = tempfile::tempdir().unwrap();
        let mut command = Command::new(provider_binary());
        command
            .env(MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE)
            .env("PLUGIN_PROTOCOL_VERSIONS", "5,6")
            .env("PLUGIN_UNIX_SOCKET_DIR", socket_parent.path())
            .env_remove("PLUGIN_CLIENT_CERT")
            .env("PLUGIN_TRANSPORT", if start_as.tcp { "tcp" } else { "unix" })
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if mtls {
            command.env("PLUGIN_CLIENT_CERT", client.certificate_pem());
        }
        let start = Instant::now();
        let mut child = command.spawn().unwrap();
        let mut handshake = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut handshake).unwrap();
        let started_in = start.elapsed();
        let fields: Vec<&str> = handshake.trim_end().split('|').collect();
        assert_eq!(fields.len(), 6, "handshake line {handshake:?}");
        let (network, address) = (fields[2].to_owned(), fields[3].to_owned());
        let socket = PathBuf::from(&address);
        let server_certificate = (!fields[5].is_empty())
            .then(|| CertificateDer::from(base64::engine::general_purpose::STANDARD_NO_PAD.decode(fields[5]).expect("unpadded base64")));
        PluginProcess { child, handshake, network, socket, address, server_certificate, client, socket_parent, started_in }
    }

    /// Resident memory now and at its peak (VmRSS, VmHWM), in KiB.
    pub fn memory_kib(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let field = |name: &str| {
            status.lines().find(|l| l.starts_with(name)).and_then(|l| l.split_whitespace().nth(1)).and_then(|v| v.parse().ok()).unwrap_or(0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    /// A channel that presents `identity` (normally the one announced in PLUGIN_CLIENT_CERT).
    pub async fn channel_as(&self, identity: &Identity) -> Result<Channel, tonic::transport::Error> {
        let (network, address) = (self.network.clone(), self.address.clone());
        let tls_config = self.server_certificate.clone().map(|certificate| Arc::new(tls::client_config(identity, certificate).unwrap()));
        Endpoint::from_static("http://localhost")
            .connect_with_connector(tower::service_fn(move |_: Uri| {
                let (network, address, tls_config) = (network.clone(), address.clone(), tls_config.clone());
                async move {
                    let stream: Box<dyn IoStream> = match network.as_str() {
                        "tcp" => Box::new(TcpStream::connect(&address).await?),
                        _ => Box::new(UnixStream::connect(&address).await?),
                    };
                    match tls_config {
                        Some(config) => {
                            let tls = TlsConnector::from(config).connect(ServerName::try_from("localhost").unwrap(), stream).await?;
                            Ok::<_, std::io::Error>(TokioIo::new(Box::new(tls) as Box<dyn IoStream>))
                        }
                        None => Ok(TokioIo::new(stream)),
                    }
                }
            }))
            .await
    }

    pub async fn channel(&self) -> Channel {
        self.channel_as(&self.client).await.expect("connect to the plugin")
    }

    pub async fn provider(&self) -> ProviderClient<Channel> {
        ProviderClient::new(self.channel().await)
    }

    /// A client whose provider is configured with the test region and account, as Terraform does
    /// before reading.
    pub async fn configured_provider(&self) -> ProviderClient<Channel> {
        use terraform_provider_qbusiness::plugin::proto::tfplugin6 as pb;
        use terraform_provider_qbusiness::plugin::{Provider as _, Value};
        let mut client = self.provider().await;
        let provider_type = terraform_provider_qbusiness::provider::QBusinessProvider::new().schema().provider.value_type();
        let defaults = Value::object([
            (args::REGION, Value::string(terraform_provider_qbusiness::catalog::examples::REGION)),
            (args::ACCOUNT_ID, Value::string(terraform_provider_qbusiness::catalog::examples::ACCOUNT_ID)),
        ]);
        let response = client
            .configure_provider(pb::configure_provider::Request {
                terraform_version: "1.15.5".into(),
                config: Some(pb::DynamicValue { msgpack: defaults.to_msgpack(&provider_type).unwrap(), json: vec![] }),
                client_capabilities: None,
            })
            .await
            .unwrap()
            .into_inner();
        assert!(response.diagnostics.is_empty(), "{:?}", response.diagnostics);
        client
    }

    /// `wait_exit` for async tests: sleeps on the runtime, so the test's own tasks (a channel's
    /// connection closing) keep running meanwhile.
    pub async fn wait_exit_async(&mut self, limit: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        None
    }

    /// Waits up to `limit` for the process to exit.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }
}

impl Drop for PluginProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A provider started by hand with `-debug`, for Terraform to attach to (`TF_REATTACH_PROVIDERS`)
/// without starting provider processes of its own.
pub struct Attached {
    child: Child,
    pub reattach: String,
    _socket_parent: TempDir,
}

impl Attached {
    pub fn start() -> Attached {
        let socket_parent = tempfile::tempdir().unwrap();
        let mut child = Command::new(provider_binary())
            .arg("-debug")
            .env("PLUGIN_UNIX_SOCKET_DIR", socket_parent.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while reader.read_line(&mut line).unwrap() > 0 {
            if let Some(value) = line.trim().strip_prefix("export TF_REATTACH_PROVIDERS='") {
                let reattach = value.trim_end_matches('\'').to_owned();
                return Attached { child, reattach, _socket_parent: socket_parent };
            }
            line.clear();
        }
        panic!("the provider printed no TF_REATTACH_PROVIDERS line");
    }
}

impl Drop for Attached {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let _ = self.child.wait();
    }
}

pub trait IoStream: tokio::io::AsyncRead + tokio::io::AsyncWrite + Send + Unpin {}
impl<T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Send + Unpin> IoStream for T {}
