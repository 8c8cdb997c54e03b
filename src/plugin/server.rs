//! Runs a `Provider` as a go-plugin server: checks the host's request, listens (a private unix
//! socket, or TCP on 127.0.0.1; TLS when asked), prints the handshake line, serves until told to
//! stop, cleans up.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use thiserror::Error;
use tokio::sync::mpsc;
use tokio_rustls::TlsAcceptor;
use tokio_stream::wrappers::ReceiverStream;

use super::connection::{Connection, ConnectionTracker};
use super::go_plugin::{Broker, Controller, Stdio};
use super::handshake::{handshake_line, read_host_request, HandshakeError, HostRequest};
use super::listener::{Address, Listener, Transport};
use super::log;
use super::proto::plugin::{
    grpc_broker_server::GrpcBrokerServer, grpc_controller_server::GrpcControllerServer, grpc_stdio_server::GrpcStdioServer,
};
use super::proto::tfplugin6::provider_server::ProviderServer;
use super::provider::{short_name, Provider};
use super::service::ProviderService;
use super::tls::{self, Identity, TlsError};
use tokio_util::either::Either;
use tokio_util::sync::CancellationToken;

/// Largest request or response. Terraform's go-plugin client sends messages of any size, and
/// tonic's 4 MiB default would answer a large configuration with a transport error instead of a
/// diagnostic; this still bounds what one request can make us allocate.
const MAX_MESSAGE_BYTES: usize = 256 * 1024 * 1024;

/// After shutdown is asked for, connections get this long to finish before the process exits anyway.
const SHUTDOWN_GRACE: Duration = Duration::from_millis(500);

/// How long a managed plugin waits, once its last connection closed, before concluding the host
/// is gone (crashed or killed without Shutdown) and exiting rather than lingering as an orphan.
const ORPHAN_GRACE: Duration = Duration::from_millis(1000);

#[derive(Debug, Error)]
pub(super) enum ServeError {
    #[error(transparent)]
    Handshake(#[from] HandshakeError),
    #[error(transparent)]
    Tls(#[from] TlsError),
    #[error("cannot listen: {0}")]
    Socket(#[from] std::io::Error),
    #[error("gRPC server failed: {0}")]
    Grpc(#[from] tonic::transport::Error),
}

/// How the server was started, and so how it announces itself and when it stops.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Mode {
    /// Started by Terraform: handshake line on stdout, stop on the Shutdown RPC or a signal.
    Managed,
    /// Started by hand with `-debug`: print `TF_REATTACH_PROVIDERS` for Terraform to attach to,
    /// serve plaintext, and outlive Terraform's runs until SIGINT/SIGTERM.
    Debug { address: String },
}

/// The binary's whole `main`: serve `provider` as Terraform expects, and say how it ended.
pub fn serve<P: Provider>(provider: P) -> ExitCode {
    let address = provider.address();
    log::set_module(short_name(address));
    let debug = std::env::args().skip(1).any(|arg| arg == "-debug" || arg == "--debug");
    let (request, mode) = if debug {
        match Transport::from_env(|key| std::env::var(key).ok()) {
            Ok(transport) => (HostRequest { client_certificate: None, transport }, Mode::Debug { address: address.to_owned() }),
            Err(error) => {
                eprintln!("{error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        match read_host_request(address, |key| std::env::var(key).ok()) {
            Ok(request) => (request, Mode::Managed),
            Err(error) => {
                eprintln!("{error}");
                return ExitCode::FAILURE;
            }
        }
    };
    // One thread: every RPC here is microseconds of CPU, so worker threads would only add start-up
    // cost (paid several times per plan) and a cross-thread handoff per request.
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = runtime.block_on(run(Arc::new(provider), request, mode, CancellationToken::default()));
    match outcome {
        Ok(()) => {
            // Terraform waits for this exit after Shutdown is answered. The socket directory is
            // gone and every response sent, so leave now: tearing the runtime down (its idle
            // watchers and drained streams) would only make Terraform wait longer.
            let _ = std::io::stderr().flush();
            std::process::exit(0)
        }
        Err(error) => {
            log::error(&error.to_string());
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

/// The registries a provider's source resolves to: Terraform's, and OpenTofu's for the same source.
const REGISTRIES: [&str; 2] = ["registry.terraform.io", "registry.opentofu.org"];

/// The `TF_REATTACH_PROVIDERS` value that attaches Terraform (or OpenTofu, which resolves the same
/// source to its own registry) to a provider serving at `listening`.
pub(super) fn reattach_json(address: &str, listening: &Address) -> String {
    let source = super::provider::source(address);
    let attach = serde_json::json!({
        "Protocol": "grpc",
        "ProtocolVersion": super::handshake::APP_PROTOCOL_VERSION,
        "Pid": std::process::id(),
        "Test": true,
        "Addr": { "Network": listening.network(), "String": listening.to_string() },
    });
    let entries: serde_json::Map<String, serde_json::Value> =
        REGISTRIES.iter().map(|registry| (format!("{registry}/{source}"), attach.clone())).collect();
    serde_json::Value::Object(entries).to_string()
}

/// Serves until `shutdown` triggers (Shutdown RPC when managed, SIGINT or SIGTERM); a unix
/// socket's directory is gone on return.
pub(super) async fn run<P: Provider>(
    provider: Arc<P>,
    request: HostRequest,
    mode: Mode,
    shutdown: CancellationToken,
) -> Result<(), ServeError> {
    let (listener, endpoint) = Listener::bind(&request.transport, short_name(provider.address()))?;
    let listening = endpoint.address.clone();

    let (acceptor, certificate) = match &request.client_certificate {
        Some(pem) => {
            let identity = Identity::generate()?;
            let config = tls::server_config(&identity, tls::parse_certificate_pem(pem)?)?;
            (Some(TlsAcceptor::from(Arc::new(config))), Some(identity.certificate))
        }
        None => (None, None),
    };

    let (health, health_service) = tonic_health::server::health_reporter();
    health.set_service_status("plugin", tonic_health::ServingStatus::Serving).await;

    spawn_signal_listener(shutdown.clone(), &mode)?;
    let tracker = Arc::new(ConnectionTracker::default());
    let incoming = accept_connections(listener, acceptor, tracker.clone(), shutdown.clone());
    if mode == Mode::Managed {
        spawn_orphan_watch(tracker, shutdown.clone());
        // Windows does not re-parent orphans; there the orphan watch ends a plugin left behind.
        #[cfg(unix)]
        spawn_parent_watch(shutdown.clone());
    }

    let line = match &mode {
        Mode::Managed => handshake_line(&listening, certificate.as_ref()),
        Mode::Debug { address } => format!(
            "Provider serving in debug mode. Attach Terraform with:\n\n    export TF_REATTACH_PROVIDERS='{}'\n\nStop with Ctrl-C.\n",
            reattach_json(address, &listening)
        ),
    };
    {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(line.as_bytes())?;
        stdout.flush()?;
    }
    log::debug(&format!("serving on {} {listening}", listening.network()));

    // The Shutdown RPC ends a managed plugin; a debug-mode one serves run after run until a signal.
    let managed_stop = if mode == Mode::Managed { shutdown.clone() } else { CancellationToken::default() };
    let server = tonic::transport::Server::builder()
        .add_service(health_service)
        .add_service(
            ProviderServer::new(ProviderService::new(provider))
                .max_decoding_message_size(MAX_MESSAGE_BYTES)
                .max_encoding_message_size(MAX_MESSAGE_BYTES),
        )
        .add_service(GrpcControllerServer::new(Controller { shutdown: managed_stop.clone() }))
        .add_service(GrpcStdioServer::new(Stdio { shutdown: shutdown.clone() }))
        .add_service(GrpcBrokerServer::new(Broker { shutdown: shutdown.clone() }))
        .serve_with_incoming_shutdown(incoming, shutdown.clone().cancelled_owned());

    let deadline = async {
        shutdown.cancelled().await;
        tokio::time::sleep(SHUTDOWN_GRACE).await;
    };
    tokio::select! {
        served = server => served?,
        () = deadline => log::debug("connections still open after shutdown; exiting anyway"),
    }
    drop(endpoint);
    Ok(())
}

/// Registers for SIGINT and SIGTERM at once (before the handshake line, so no early signal is lost
/// to the default action). SIGTERM ends the plugin. SIGINT, which Ctrl-C sends to Terraform's whole
/// process group, is ignored by a managed plugin as go-plugin's are: Terraform handles it and ends
/// the plugin through StopProvider and Shutdown. A debug-mode plugin, run by hand, stops on it.
#[cfg(unix)]
fn spawn_signal_listener(shutdown: CancellationToken, mode: &Mode) -> std::io::Result<()> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    let stop_on_interrupt = matches!(mode, Mode::Debug { .. });
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = interrupt.recv() => {
                    if stop_on_interrupt {
                        log::debug("SIGINT: shutting down");
                        break;
                    }
                    log::debug("SIGINT ignored: Terraform stops the plugin itself");
                }
                _ = terminate.recv() => {
                    log::debug("SIGTERM: shutting down");
                    break;
                }
            }
        }
        shutdown.cancel();
    });
    Ok(())
}

/// Windows has Ctrl-C and Ctrl-Break for SIGINT, and no SIGTERM: a managed plugin ignores Ctrl-C
/// (Terraform ends it with Shutdown), a debug-mode one stops on it.
#[cfg(windows)]
fn spawn_signal_listener(shutdown: CancellationToken, mode: &Mode) -> std::io::Result<()> {
    let mut interrupt = tokio::signal::windows::ctrl_c()?;
    let stop_on_interrupt = matches!(mode, Mode::Debug { .. });
    tokio::spawn(async move {
        while interrupt.recv().await.is_some() {
            if stop_on_interrupt {
                log::debug("Ctrl-C: shutting down");
                shutdown.cancel();
                return;
            }
            log::debug("Ctrl-C ignored: Terraform stops the plugin itself");
        }
    });
    Ok(())
}

/// How often a managed plugin checks that the process that started it is still its parent.
#[cfg(unix)]
const PARENT_POLL: Duration = Duration::from_millis(250);

/// Triggers shutdown when the host process dies, connected or not: its children are then
/// re-parented (to init or a subreaper), so the parent pid changes.
#[cfg(unix)]
fn spawn_parent_watch(shutdown: CancellationToken) {
    let parent = std::os::unix::process::parent_id();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                () = tokio::time::sleep(PARENT_POLL) => {}
                () = shutdown.cancelled() => return,
            }
            if std::os::unix::process::parent_id() != parent {
                log::debug("the host process is gone; exiting");
                shutdown.cancel();
                return;
            }
        }
    });
}

/// Triggers shutdown once the host has had connections and then none for `ORPHAN_GRACE`.
fn spawn_orphan_watch(tracker: Arc<ConnectionTracker>, shutdown: CancellationToken) {
    tokio::spawn(async move {
        let mut connected_before = false;
        loop {
            let changed = tracker.changed();
            if tracker.open() > 0 {
                connected_before = true;
                changed.await;
            } else if connected_before {
                tokio::select! {
                    () = changed => {}
                    () = tokio::time::sleep(ORPHAN_GRACE) => {
                        if tracker.open() == 0 {
                            log::debug("the host closed every connection; exiting");
                            shutdown.cancel();
                            return;
                        }
                    }
                }
            } else {
                changed.await;
            }
        }
    });
}

/// A TLS handshake that has not completed by then is dropped: a client that connects and stays
/// silent must not hold a connection (and a file descriptor) forever.
const TLS_HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// Delays between failed accepts: from 5 ms, doubling up to 1 s; one log line per burst.
#[derive(Debug, Default)]
struct AcceptBackoff {
    failures: u32,
}

impl AcceptBackoff {
    fn next(&mut self, error: &std::io::Error) -> Duration {
        if self.failures == 0 {
            log::error(&format!("accept failed: {error}; retrying with backoff"));
        }
        self.failures = self.failures.saturating_add(1);
        Duration::from_millis(5u64.saturating_mul(1 << self.failures.min(8))).min(Duration::from_secs(1))
    }

    fn reset(&mut self) {
        if self.failures > 0 {
            log::debug(&format!("accept works again after {} failures", self.failures));
        }
        self.failures = 0;
    }
}

/// Accepts connections until shutdown. TLS handshakes run on their own tasks so that a slow or
/// refused client (wrong certificate) never blocks the next one.
fn accept_connections(
    listener: Listener,
    acceptor: Option<TlsAcceptor>,
    tracker: Arc<ConnectionTracker>,
    shutdown: CancellationToken,
) -> ReceiverStream<Result<Connection, std::io::Error>> {
    let (sender, receiver) = mpsc::channel(16);
    tokio::spawn(async move {
        let mut backoff = AcceptBackoff::default();
        loop {
            let stream = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok(stream) => {
                        backoff.reset();
                        stream
                    }
                    Err(error) => {
                        // Out of file descriptors, say: waiting lets connections close, where an
                        // immediate retry would spin and flood the log.
                        let delay = backoff.next(&error);
                        tokio::select! {
                            () = tokio::time::sleep(delay) => continue,
                            () = shutdown.cancelled() => return,
                        }
                    }
                },
                () = shutdown.cancelled() => return,
            };
            match &acceptor {
                None => {
                    if sender.send(Ok(Connection { stream: Either::Left(stream), guard: tracker.track() })).await.is_err() {
                        return;
                    }
                }
                Some(acceptor) => {
                    let (acceptor, sender, tracker) = (acceptor.clone(), sender.clone(), tracker.clone());
                    tokio::spawn(async move {
                        match tokio::time::timeout(TLS_HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await {
                            Ok(Ok(tls)) => {
                                let connection = Connection { stream: Either::Right(Box::new(tls)), guard: tracker.track() };
                                let _ = sender.send(Ok(connection)).await;
                            }
                            Ok(Err(error)) => log::error(&format!("TLS handshake refused: {error}")),
                            Err(_) => log::error("TLS handshake not completed in time; connection dropped"),
                        }
                    });
                }
            }
        }
    });
    ReceiverStream::new(receiver)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_backoff_grows_to_a_second_and_resets() {
        let mut backoff = AcceptBackoff::default();
        let error = std::io::Error::from_raw_os_error(24);
        let delays: Vec<u128> = (0..10).map(|_| backoff.next(&error).as_millis()).collect();
        assert_eq!(delays, [10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000]);
        backoff.reset();
        assert_eq!(backoff.next(&error).as_millis(), 10);
    }

    #[test]
    fn reattach_settings_name_both_registries() {
        let socket = tempfile::tempdir().unwrap().path().join("plugin.sock");
        let json: serde_json::Value =
            serde_json::from_str(&reattach_json("registry.terraform.io/example/thing", &Address::Unix(socket.clone()))).unwrap();
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["registry.opentofu.org/example/thing", "registry.terraform.io/example/thing"]);
        assert_eq!(json["registry.opentofu.org/example/thing"]["Addr"]["String"], socket.display().to_string());
        let tcp: serde_json::Value =
            serde_json::from_str(&reattach_json("registry.terraform.io/example/thing", &Address::Tcp(([127, 0, 0, 1], 10007).into())))
                .unwrap();
        assert_eq!(
            tcp["registry.terraform.io/example/thing"]["Addr"],
            serde_json::json!({ "Network": "tcp", "String": "127.0.0.1:10007" })
        );
    }
}
