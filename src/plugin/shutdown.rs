//! The one-shot signal that ends serving: from GRPCController.Shutdown, SIGINT/SIGTERM, or the host.

use tokio::sync::watch;

/// Cloneable; `trigger` from anywhere, `wait` from anywhere, and waiting after the trigger returns at once.
#[derive(Clone, Debug)]
pub(super) struct ShutdownSignal {
    sender: std::sync::Arc<watch::Sender<bool>>,
}

impl Default for ShutdownSignal {
    fn default() -> Self {
        Self { sender: std::sync::Arc::new(watch::channel(false).0) }
    }
}

impl ShutdownSignal {
    pub(super) fn trigger(&self) {
        self.sender.send_replace(true);
    }

    #[cfg(test)]
    pub(crate) fn is_triggered(&self) -> bool {
        *self.sender.borrow()
    }

    pub(super) async fn wait(&self) {
        let mut receiver = self.sender.subscribe();
        // The sender lives as long as self, so this only ends when the flag turns true.
        let _ = receiver.wait_for(|stopped| *stopped).await;
    }

    /// `wait` as a `'static` future, for APIs that take ownership of the future.
    pub(super) async fn wait_owned(self) {
        self.wait().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn wait_returns_after_trigger_even_when_late() {
        let signal = ShutdownSignal::default();
        let waiter = tokio::spawn({
            let signal = signal.clone();
            async move { signal.wait().await }
        });
        assert!(!signal.is_triggered());
        signal.trigger();
        waiter.await.unwrap();
        signal.wait().await;
        assert!(signal.is_triggered());
    }
}
