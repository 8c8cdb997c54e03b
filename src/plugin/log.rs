//! hclog-style JSON log lines on stderr, which go-plugin re-logs under `TF_LOG_PROVIDER` / `TF_LOG`.

use std::io::Write;
use std::sync::OnceLock;
use std::time::SystemTime;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Level {
    Trace,
    Debug,
    Info,
    Warn,
    Error,
}

impl Level {
    fn name(self) -> &'static str {
        match self {
            Level::Trace => "trace",
            Level::Debug => "debug",
            Level::Info => "info",
            Level::Warn => "warn",
            Level::Error => "error",
        }
    }

    fn parse(text: &str) -> Option<Level> {
        match text.trim().to_ascii_lowercase().as_str() {
            "trace" | "json" => Some(Level::Trace),
            "debug" => Some(Level::Debug),
            "info" => Some(Level::Info),
            "warn" => Some(Level::Warn),
            "error" => Some(Level::Error),
            _ => None,
        }
    }
}

/// The lowest level written. Terraform filters again, but lines it would drop still cost a write and a
/// parse on its side, so without `TF_LOG_PROVIDER`/`TF_LOG` only warnings and errors are written.
fn threshold() -> Level {
    static THRESHOLD: OnceLock<Level> = OnceLock::new();
    *THRESHOLD.get_or_init(|| {
        ["TF_LOG_PROVIDER", "TF_LOG"].iter().find_map(|name| std::env::var(name).ok().and_then(|v| Level::parse(&v))).unwrap_or(Level::Warn)
    })
}

/// The `@module` of every line: the provider's short name, set once by the server at start.
static MODULE: OnceLock<String> = OnceLock::new();

/// Names the module lines are logged under; the first call wins.
pub(super) fn set_module(name: &str) {
    let _ = MODULE.set(name.to_owned());
}

fn module() -> &'static str {
    MODULE.get().map_or("provider", String::as_str)
}

pub(super) fn enabled(level: Level) -> bool {
    level >= threshold()
}

/// Formats one hclog JSON line. go-plugin parses `@timestamp` with microsecond precision.
pub(super) fn format_line(level: Level, message: &str, at: SystemTime) -> String {
    let line = serde_json::json!({
        "@level": level.name(),
        "@message": message,
        "@module": module(),
        "@timestamp": humantime::format_rfc3339_micros(at).to_string(),
    });
    line.to_string()
}

pub(super) fn log(level: Level, message: &str) {
    if enabled(level) {
        let line = format_line(level, message, SystemTime::now());
        // A closed stderr must not take the provider down; the line is lost, nothing else.
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
}

pub(super) fn debug(message: &str) {
    log(Level::Debug, message);
}

pub(super) fn error(message: &str) {
    log(Level::Error, message);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn line_is_hclog_json() {
        let at = UNIX_EPOCH + Duration::from_micros(1_700_000_000_123_456);
        set_module("qbusiness");
        assert_eq!(
            format_line(Level::Debug, "served \"GetMetadata\"", at),
            r#"{"@level":"debug","@message":"served \"GetMetadata\"","@module":"qbusiness","@timestamp":"2023-11-14T22:13:20.123456Z"}"#
        );
    }

    #[test]
    fn levels_parse_like_terraform() {
        assert_eq!(Level::parse("DEBUG"), Some(Level::Debug));
        assert_eq!(Level::parse("json"), Some(Level::Trace));
        assert_eq!(Level::parse("off"), None);
    }
}
