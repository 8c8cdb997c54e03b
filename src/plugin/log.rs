//! hclog-style JSON log lines on stderr, which go-plugin re-logs under `TF_LOG_PROVIDER` / `TF_LOG`,
//! and the one structured line each served RPC writes. Hand-written: `tracing` with its JSON layer
//! would add two crates to the binary for the three fields these lines carry.

use std::io::Write;
use std::sync::OnceLock;
use std::time::{Instant, SystemTime};

use prost::Message;
use serde_json::{Map, Value as Json};

use super::proto::tfplugin6 as pb;

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

/// Formats one hclog JSON line: the `@` keys, then `fields` as hclog's key/value pairs, which
/// go-plugin re-logs as `key=value`. go-plugin parses `@timestamp` with microsecond precision.
pub(super) fn format_line(level: Level, message: &str, fields: Map<String, Json>, at: SystemTime) -> String {
    let mut line = fields;
    line.insert("@level".into(), level.name().into());
    line.insert("@message".into(), message.into());
    line.insert("@module".into(), module().into());
    line.insert("@timestamp".into(), humantime::format_rfc3339_micros(at).to_string().into());
    Json::Object(line).to_string()
}

fn write_line(level: Level, message: &str, fields: Map<String, Json>) {
    let line = format_line(level, message, fields, SystemTime::now());
    // A closed stderr must not take the provider down; the line is lost, nothing else.
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

pub(super) fn log(level: Level, message: &str) {
    if enabled(level) {
        write_line(level, message, Map::new());
    }
}

pub(super) fn debug(message: &str) {
    log(Level::Debug, message);
}

pub(super) fn error(message: &str) {
    log(Level::Error, message);
}

/// `message`'s encoded size when trace logging is on (the only level that logs it), else 0: the
/// size costs a walk of the message, which the RPCs need not pay otherwise.
fn size_at_trace(message: &impl Message) -> usize {
    if enabled(Level::Trace) {
        message.encoded_len()
    } else {
        0
    }
}

/// What an RPC served: a data source, a function, or the provider itself.
#[derive(Clone, Copy, Debug)]
pub(super) enum Subject<'a> {
    Provider,
    DataSource(&'a str),
    Function(&'a str),
}

/// One RPC being served, logged once when it ends, with the keys terraform-plugin-go and the
/// framework use (`tf_rpc`, `tf_data_source_type`, `tf_function_name`, `tf_req_duration_ms`,
/// `diagnostic_*`), so the lines filter like every other provider's. Only names, counts and
/// diagnostic summaries are logged: argument values appear in diagnostic details and function
/// error texts, which are never logged, and nothing of the TLS setup is.
pub(super) struct Served<'a> {
    rpc: &'static str,
    subject: Subject<'a>,
    request_bytes: usize,
    started: Instant,
}

impl<'a> Served<'a> {
    /// Starts timing `rpc`; `request`'s encoded size is measured only when trace logging is on.
    pub(super) fn start(rpc: &'static str, subject: Subject<'a>, request: &impl Message) -> Served<'a> {
        Served { rpc, subject, request_bytes: size_at_trace(request), started: Instant::now() }
    }

    /// The RPC's fields for an answer of `response_bytes` carrying `diagnostics` and, for a
    /// function, whether it failed and on which argument.
    fn fields(&self, diagnostics: &[pb::Diagnostic], function_error: Option<Option<i64>>, response_bytes: usize) -> Map<String, Json> {
        let mut fields = Map::new();
        fields.insert("tf_rpc".into(), self.rpc.into());
        match self.subject {
            Subject::Provider => {}
            Subject::DataSource(name) => {
                fields.insert("tf_data_source_type".into(), name.into());
            }
            Subject::Function(name) => {
                fields.insert("tf_function_name".into(), name.into());
            }
        }
        let duration = self.started.elapsed();
        fields.insert("tf_req_duration_ms".into(), Json::from(duration.as_secs_f64() * 1000.0));
        let count = |severity: pb::diagnostic::Severity| diagnostics.iter().filter(|d| d.severity == severity as i32).count();
        fields.insert("diagnostic_error_count".into(), count(pb::diagnostic::Severity::Error).into());
        fields.insert("diagnostic_warning_count".into(), count(pb::diagnostic::Severity::Warning).into());
        if !diagnostics.is_empty() {
            let summaries: Vec<Json> = diagnostics.iter().map(|d| d.summary.clone().into()).collect();
            fields.insert("diagnostic_summaries".into(), summaries.into());
        }
        if let Some(argument) = function_error {
            fields.insert("tf_function_error".into(), true.into());
            if let Some(argument) = argument {
                fields.insert("tf_function_argument".into(), argument.into());
            }
        }
        if enabled(Level::Trace) {
            fields.insert("tf_req_size_bytes".into(), self.request_bytes.into());
            fields.insert("tf_resp_size_bytes".into(), response_bytes.into());
        }
        fields
    }

    /// Logs the answer at debug: "Served request" with the RPC's fields.
    pub(super) fn finish(self, diagnostics: &[pb::Diagnostic], response: &impl Message) {
        if enabled(Level::Debug) {
            write_line(Level::Debug, "Served request", self.fields(diagnostics, None, size_at_trace(response)));
        }
    }

    /// `finish` for a function, whose answer is a result or an error on one argument.
    pub(super) fn finish_function(self, response: &pb::call_function::Response) {
        if enabled(Level::Debug) {
            let error = response.error.as_ref().map(|e| e.function_argument);
            write_line(Level::Debug, "Served request", self.fields(&[], error, size_at_trace(response)));
        }
    }
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
            format_line(Level::Debug, "served \"GetMetadata\"", Map::new(), at),
            r#"{"@level":"debug","@message":"served \"GetMetadata\"","@module":"qbusiness","@timestamp":"2023-11-14T22:13:20.123456Z"}"#
        );
    }

    #[test]
    fn a_served_request_names_its_rpc_and_data_source_counts_diagnostics_and_keeps_details_out() {
        let served = Served::start("ReadDataSource", Subject::DataSource("example_data_source"), &pb::read_data_source::Request::default());
        let diagnostic = |severity: pb::diagnostic::Severity, summary: &str| pb::Diagnostic {
            severity: severity as i32,
            summary: summary.into(),
            detail: "\"secret-value\" is not valid".into(),
            attribute: None,
        };
        let fields = served.fields(
            &[
                diagnostic(pb::diagnostic::Severity::Error, "Invalid bucket"),
                diagnostic(pb::diagnostic::Severity::Warning, "Unknown region"),
            ],
            None,
            0,
        );
        assert_eq!(fields["tf_rpc"], "ReadDataSource");
        assert_eq!(fields["tf_data_source_type"], "example_data_source");
        assert!(fields["tf_req_duration_ms"].as_f64().unwrap() >= 0.0);
        assert_eq!(fields["diagnostic_error_count"], 1);
        assert_eq!(fields["diagnostic_warning_count"], 1);
        assert_eq!(fields["diagnostic_summaries"], serde_json::json!(["Invalid bucket", "Unknown region"]));
        assert!(!Json::Object(fields).to_string().contains("secret-value"));
    }

    #[test]
    fn a_failed_function_logs_the_argument_and_not_the_text() {
        let served = Served::start("CallFunction", Subject::Function("connector_policy"), &pb::call_function::Request::default());
        let fields = served.fields(&[], Some(Some(1)), 0);
        assert_eq!(fields["tf_function_name"], "connector_policy");
        assert_eq!(fields["tf_function_error"], true);
        assert_eq!(fields["tf_function_argument"], 1);
        assert!(!fields.contains_key("tf_data_source_type"));
    }

    #[test]
    fn levels_parse_like_terraform() {
        assert_eq!(Level::parse("DEBUG"), Some(Level::Debug));
        assert_eq!(Level::parse("json"), Some(Level::Trace));
        assert_eq!(Level::parse("off"), None);
    }
}
