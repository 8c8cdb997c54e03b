//! Where the server listens, as go-plugin does: a unix socket in a private directory, or TCP on
//! 127.0.0.1 at the first free port of the host's range (go-plugin's only transport on Windows).

use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::ops::RangeInclusive;
use std::path::PathBuf;

use thiserror::Error;
use tokio::net::{TcpListener, TcpStream};
#[cfg(unix)]
use tokio::net::{UnixListener, UnixStream};
#[cfg(unix)]
use tokio_util::either::Either;

#[cfg(unix)]
use super::socket::SocketDir;

/// The variable that picks TCP on a unix system: a test aid, so that the transport Windows uses
/// runs through real Terraform on the machines the tests run on. `unix` (the default) or `tcp`.
pub const TRANSPORT_VARIABLE: &str = "PLUGIN_TRANSPORT";

/// go-plugin's default port range when the host sets no `PLUGIN_MIN_PORT`/`PLUGIN_MAX_PORT`.
const DEFAULT_PORTS: RangeInclusive<u16> = 10000..=25000;

#[derive(Debug, Error, PartialEq, Eq)]
/// A transport setting that cannot be used.
pub enum TransportError {
    #[error("{TRANSPORT_VARIABLE}={0:?} is not a transport: use \"unix\" or \"tcp\"")]
    /// `PLUGIN_TRANSPORT` names no transport.
    UnknownTransport(String),
    #[error("{TRANSPORT_VARIABLE}=unix: this system has no unix sockets; use \"tcp\"")]
    /// Unix sockets asked for where there are none.
    NoUnixSockets,
    #[error("PLUGIN_MIN_PORT/PLUGIN_MAX_PORT: {0}")]
    /// The port range variables are wrong.
    Ports(String),
}

/// How the plugin is reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Transport {
    /// A unix socket in a private directory under `parent` (`PLUGIN_UNIX_SOCKET_DIR`) or the
    /// system's temporary directory.
    #[allow(missing_docs)]
    Unix { parent: Option<PathBuf> },
    /// TCP on 127.0.0.1, at the first free port of `ports`.
    #[allow(missing_docs)]
    Tcp { ports: RangeInclusive<u16> },
}

impl Transport {
    /// The transport the host's environment asks for (`lookup` is `std::env::var` outside tests).
    pub fn from_env(lookup: impl Fn(&str) -> Option<String>) -> Result<Transport, TransportError> {
        let wanted = lookup(TRANSPORT_VARIABLE).filter(|v| !v.is_empty());
        let tcp = match wanted.as_deref() {
            None => cfg!(not(unix)),
            Some("tcp") => true,
            Some("unix") if cfg!(unix) => false,
            Some("unix") => return Err(TransportError::NoUnixSockets),
            Some(other) => return Err(TransportError::UnknownTransport(other.to_owned())),
        };
        if !tcp {
            return Ok(Transport::Unix { parent: lookup("PLUGIN_UNIX_SOCKET_DIR").filter(|dir| !dir.is_empty()).map(PathBuf::from) });
        }
        let port = |name: &str, default: u16| match lookup(name).filter(|v| !v.is_empty()) {
            None => Ok(default),
            Some(text) => text.trim().parse::<u16>().map_err(|_| TransportError::Ports(format!("{name}={text:?} is not a port"))),
        };
        let (min, max) = (port("PLUGIN_MIN_PORT", *DEFAULT_PORTS.start())?, port("PLUGIN_MAX_PORT", *DEFAULT_PORTS.end())?);
        if min > max {
            return Err(TransportError::Ports(format!("the range {min}..{max} is empty")));
        }
        Ok(Transport::Tcp { ports: min..=max })
    }
}

/// A listening address as the handshake line and the reattach settings write it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Address {
    /// A unix socket's path.
    Unix(PathBuf),
    /// A TCP address.
    Tcp(SocketAddr),
}

impl Address {
    /// go-plugin's network name.
    pub fn network(&self) -> &'static str {
        match self {
            Address::Unix(_) => "unix",
            Address::Tcp(_) => "tcp",
        }
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Address::Unix(path) => write!(f, "{}", path.display()),
            Address::Tcp(address) => write!(f, "{address}"),
        }
    }
}

/// A bound listener.
pub(super) enum Listener {
    #[cfg(unix)]
    Unix(UnixListener),
    Tcp(TcpListener),
}

/// Where a listener listens; a unix socket's private directory is removed when this drops, so the
/// server keeps it until it is done, whatever became of the listener.
pub(super) struct Endpoint {
    pub address: Address,
    #[cfg(unix)]
    _dir: Option<SocketDir>,
}

impl Listener {
    /// Binds `transport`; `name` prefixes a unix socket's directory.
    #[cfg_attr(not(unix), allow(unused_variables))]
    pub(super) fn bind(transport: &Transport, name: &str) -> io::Result<(Listener, Endpoint)> {
        match transport {
            #[cfg(unix)]
            Transport::Unix { parent } => {
                let dir = SocketDir::create(parent.as_deref(), name)?;
                let listener = UnixListener::bind(dir.socket_path())?;
                let address = Address::Unix(dir.socket_path().to_owned());
                Ok((Listener::Unix(listener), Endpoint { address, _dir: Some(dir) }))
            }
            #[cfg(not(unix))]
            Transport::Unix { .. } => Err(io::Error::new(io::ErrorKind::Unsupported, "no unix sockets here")),
            Transport::Tcp { ports } => {
                let mut last = io::Error::new(io::ErrorKind::AddrNotAvailable, "the port range is empty");
                for port in ports.clone() {
                    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
                    match std::net::TcpListener::bind(address) {
                        Ok(listener) => {
                            listener.set_nonblocking(true)?;
                            let listener = TcpListener::from_std(listener)?;
                            let address = Address::Tcp(listener.local_addr()?);
                            #[cfg(unix)]
                            let endpoint = Endpoint { address, _dir: None };
                            #[cfg(not(unix))]
                            let endpoint = Endpoint { address };
                            return Ok((Listener::Tcp(listener), endpoint));
                        }
                        Err(error) => last = error,
                    }
                }
                Err(io::Error::new(last.kind(), format!("no free port on 127.0.0.1 in {}..{}: {last}", ports.start(), ports.end())))
            }
        }
    }

    pub(super) async fn accept(&self) -> io::Result<Socket> {
        match self {
            #[cfg(unix)]
            Listener::Unix(listener) => Ok(Either::Left(listener.accept().await?.0)),
            Listener::Tcp(listener) => {
                let (stream, _) = listener.accept().await?;
                // gRPC's small frames must not wait for Nagle's algorithm.
                stream.set_nodelay(true)?;
                Ok(tcp_socket(stream))
            }
        }
    }
}

/// An accepted connection's byte stream: a unix socket's or a TCP one's.
#[cfg(unix)]
pub(super) type Socket = Either<UnixStream, TcpStream>;
/// An accepted connection's byte stream (TCP: Windows has no unix sockets here).
#[cfg(not(unix))]
pub(super) type Socket = TcpStream;

/// An accepted TCP stream as a [`Socket`].
fn tcp_socket(stream: TcpStream) -> Socket {
    #[cfg(unix)]
    return Either::Right(stream);
    #[cfg(not(unix))]
    return stream;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |key| map.get(key).cloned()
    }

    #[test]
    fn transports_from_the_environment() {
        assert_eq!(
            Transport::from_env(env(&[("PLUGIN_UNIX_SOCKET_DIR", "/run/x")])),
            Ok(Transport::Unix { parent: Some("/run/x".into()) })
        );
        assert_eq!(Transport::from_env(env(&[(TRANSPORT_VARIABLE, "tcp")])), Ok(Transport::Tcp { ports: 10000..=25000 }));
        assert_eq!(
            Transport::from_env(env(&[(TRANSPORT_VARIABLE, "tcp"), ("PLUGIN_MIN_PORT", "40000"), ("PLUGIN_MAX_PORT", "40010")])),
            Ok(Transport::Tcp { ports: 40000..=40010 })
        );
        assert_eq!(Transport::from_env(env(&[(TRANSPORT_VARIABLE, "quic")])), Err(TransportError::UnknownTransport("quic".into())));
        assert_eq!(
            Transport::from_env(env(&[(TRANSPORT_VARIABLE, "tcp"), ("PLUGIN_MIN_PORT", "9"), ("PLUGIN_MAX_PORT", "8")]))
                .unwrap_err()
                .to_string(),
            "PLUGIN_MIN_PORT/PLUGIN_MAX_PORT: the range 9..8 is empty"
        );
        assert!(matches!(
            Transport::from_env(env(&[(TRANSPORT_VARIABLE, "tcp"), ("PLUGIN_MAX_PORT", "big")])),
            Err(TransportError::Ports(_))
        ));
    }

    #[tokio::test]
    async fn tcp_takes_the_next_free_port_of_the_range() {
        let (_first, first) = Listener::bind(&Transport::Tcp { ports: 0..=0 }, "example").unwrap();
        let Address::Tcp(taken) = first.address else { panic!("a TCP address") };
        assert!(taken.ip().is_loopback());
        let port = taken.port();
        let (_second, second) = Listener::bind(&Transport::Tcp { ports: port..=port.saturating_add(50) }, "example").unwrap();
        let Address::Tcp(next) = second.address else { panic!("a TCP address") };
        assert!(next.port() > port, "{next} after {taken}");
        let error = Listener::bind(&Transport::Tcp { ports: port..=port }, "example").err().unwrap();
        assert!(error.to_string().starts_with(&format!("no free port on 127.0.0.1 in {port}..{port}")), "{error}");
    }
}
