//! go-plugin's side services on the same server: controller (Shutdown), stdio and broker streams.

use futures_util::StreamExt;
use tonic::codegen::BoxStream;
use tonic::{Request, Response, Status, Streaming};

use super::proto::plugin as pb;
use tokio_util::sync::CancellationToken;

/// An output stream that sends nothing and ends when the plugin shuts down, so open streams never
/// hold the graceful shutdown back.
fn silent_until_shutdown<T: Send + 'static>(shutdown: CancellationToken) -> BoxStream<T> {
    Box::pin(futures_util::stream::once(async move { shutdown.cancelled().await }).filter_map(|()| async { None }))
}

#[derive(Clone)]
pub(super) struct Controller {
    pub shutdown: CancellationToken,
}

#[tonic::async_trait]
impl pb::grpc_controller_server::GrpcController for Controller {
    async fn shutdown(&self, _request: Request<pb::Empty>) -> Result<Response<pb::Empty>, Status> {
        super::log::debug("GRPCController.Shutdown");
        self.shutdown.cancel();
        Ok(Response::new(pb::Empty {}))
    }
}

/// Our stdout carries only the handshake and we log to stderr, so there is never stdio to forward.
#[derive(Clone)]
pub(super) struct Stdio {
    pub shutdown: CancellationToken,
}

#[tonic::async_trait]
impl pb::grpc_stdio_server::GrpcStdio for Stdio {
    async fn stream_stdio(&self, _request: Request<()>) -> Result<Response<BoxStream<pb::StdioData>>, Status> {
        Ok(Response::new(silent_until_shutdown(self.shutdown.clone())))
    }
}

/// Terraform providers open no extra connections; the broker stream is accepted and left idle.
#[derive(Clone)]
pub(super) struct Broker {
    pub shutdown: CancellationToken,
}

#[tonic::async_trait]
impl pb::grpc_broker_server::GrpcBroker for Broker {
    async fn start_stream(&self, request: Request<Streaming<pb::ConnInfo>>) -> Result<Response<BoxStream<pb::ConnInfo>>, Status> {
        let mut incoming = request.into_inner();
        tokio::spawn(async move { while let Some(Ok(_)) = incoming.next().await {} });
        Ok(Response::new(silent_until_shutdown(self.shutdown.clone())))
    }
}
