//! The plugin protocol at the wire: the binary started as Terraform starts it, spoken to by a tonic
//! client built from `proto/` over its unix socket with AutoMTLS.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};
use std::time::Duration;
use terraform_provider_qbusiness::catalog::arguments::{self as args, Name};
use terraform_provider_qbusiness::provider::descriptor as descriptors;

use common::plugin_process::PluginProcess;
use terraform_provider_qbusiness::catalog::examples::{APPLICATION_ID, INDEX_ID};
use terraform_provider_qbusiness::plugin::proto::plugin::grpc_controller_client::GrpcControllerClient;
use terraform_provider_qbusiness::plugin::proto::plugin::Empty;
use terraform_provider_qbusiness::plugin::proto::tfplugin6 as pb;
use terraform_provider_qbusiness::plugin::tls::Identity;
use terraform_provider_qbusiness::plugin::{Provider as _, Type, Value};
use terraform_provider_qbusiness::provider::descriptor::DESCRIPTORS;
use terraform_provider_qbusiness::provider::QBusinessProvider;

fn data_source_type(name: &str) -> Type {
    QBusinessProvider::new().schema().data_sources[name].value_type()
}

fn dynamic(value: &Value, ty: &Type) -> Option<pb::DynamicValue> {
    Some(pb::DynamicValue { msgpack: value.to_msgpack(ty).unwrap(), json: vec![] })
}

fn s3_config(overrides: &[(Name, Value)]) -> Value {
    let mut attributes = vec![
        (args::CONNECTOR, Value::string("s3")),
        (args::APPLICATION_ID, Value::string(APPLICATION_ID)),
        (args::INDEX_ID, Value::string(INDEX_ID)),
        (args::BUCKET, Value::string("my-docs")),
    ];
    attributes.extend(overrides.iter().cloned());
    Value::object(attributes)
}

fn attribute_path(diagnostic: &pb::Diagnostic) -> Vec<String> {
    use pb::attribute_path::step::Selector;
    diagnostic
        .attribute
        .as_ref()
        .map(|path| {
            path.steps
                .iter()
                .map(|step| match step.selector.as_ref().unwrap() {
                    Selector::AttributeName(name) => name.clone(),
                    Selector::ElementKeyString(key) => format!("[{key:?}]"),
                    Selector::ElementKeyInt(index) => format!("[{index}]"),
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn without_the_magic_cookie_it_explains_and_exits_1() {
    let output = Command::new(common::provider_binary()).env_remove("TF_PLUGIN_MAGIC_COOKIE").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "This is a Terraform plugin (the qbusiness provider). Terraform starts it when a configuration uses source = \"qbusiness-iam/qbusiness\"; it is not meant to be run directly.\n"
    );
}

#[test]
fn a_host_without_protocol_6_is_refused() {
    let output = Command::new(common::provider_binary())
        .env("TF_PLUGIN_MAGIC_COOKIE", terraform_provider_qbusiness::plugin::handshake::MAGIC_COOKIE_VALUE)
        .env("PLUGIN_PROTOCOL_VERSIONS", "4,5")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty(), "no handshake line may be printed");
    assert!(String::from_utf8_lossy(&output.stderr).contains("speaks only version 6"));
}

#[test]
fn handshake_line_names_a_private_socket_and_the_server_certificate() {
    let plugin = PluginProcess::start();
    let fields: Vec<&str> = plugin.handshake.trim_end_matches('\n').split('|').collect();
    assert_eq!(&fields[..3], ["1", "6", "unix"]);
    assert_eq!(fields[4], "grpc");
    assert!(!fields[5].ends_with('='), "certificate must be base64 without padding");
    let dir = plugin.socket.parent().unwrap();
    assert_eq!(dir.parent().unwrap(), plugin.socket_parent.path(), "PLUGIN_UNIX_SOCKET_DIR honoured");
    assert_eq!(std::fs::metadata(dir).unwrap().permissions().mode() & 0o777, 0o700);
    assert!(plugin.server_certificate.is_some());
}

#[tokio::test]
async fn mtls_refuses_a_client_certificate_other_than_the_announced_one() {
    let plugin = PluginProcess::start();
    let stranger = Identity::generate().unwrap();
    let refused = match plugin.channel_as(&stranger).await {
        Err(_) => true,
        Ok(channel) => pb::provider_client::ProviderClient::new(channel).get_metadata(pb::get_metadata::Request {}).await.is_err(),
    };
    assert!(refused, "a stranger's certificate was accepted");
    // The announced certificate still works after the refusal.
    let metadata = plugin.provider().await.get_metadata(pb::get_metadata::Request {}).await.unwrap().into_inner();
    assert_eq!(metadata.data_sources.len(), DESCRIPTORS.len());
}

#[tokio::test]
async fn schema_metadata_health_and_unimplemented_rpcs() {
    let plugin = PluginProcess::start();
    let channel = plugin.channel().await;
    let mut client = pb::provider_client::ProviderClient::new(channel.clone());

    let metadata = client.get_metadata(pb::get_metadata::Request {}).await.unwrap().into_inner();
    let names: Vec<_> = metadata.data_sources.iter().map(|d| d.type_name.as_str()).collect();
    // Served in name order, every descriptor once.
    let mut described: Vec<&str> = DESCRIPTORS.iter().map(|d| d.type_name).collect();
    described.sort_unstable();
    assert_eq!(names, described);
    assert!(metadata.server_capabilities.unwrap().get_provider_schema_optional);

    let schema = client.get_provider_schema(pb::get_provider_schema::Request {}).await.unwrap().into_inner();
    let block = schema.data_source_schemas[descriptors::CONNECTOR_POLICY.type_name].block.clone().unwrap();
    let json = block.attributes.iter().find(|a| args::JSON == a.name.as_str()).unwrap();
    assert!(json.computed && !json.optional && !json.required);
    assert_eq!(json.r#type, b"\"string\"");
    let connector = block.attributes.iter().find(|a| args::CONNECTOR == a.name.as_str()).unwrap();
    assert!(connector.required);
    let provider_attributes: Vec<_> = schema.provider.unwrap().block.unwrap().attributes.into_iter().map(|a| a.name).collect();
    assert_eq!(provider_attributes, [args::PARTITION, args::REGION, args::ACCOUNT_ID, args::SKIP_REGION_VALIDATION].map(|n| n.as_str()));

    let mut health = tonic_health::pb::health_client::HealthClient::new(channel.clone());
    let status = health.check(tonic_health::pb::HealthCheckRequest { service: "plugin".into() }).await.unwrap().into_inner();
    assert_eq!(status.status, tonic_health::pb::health_check_response::ServingStatus::Serving as i32);

    let unimplemented = client.validate_resource_config(pb::validate_resource_config::Request::default()).await.unwrap_err();
    assert_eq!(unimplemented.code(), tonic::Code::Unimplemented);
}

/// Reads the minimal S3 connector document through `plugin`, which must give the golden one; the state.
async fn read_golden_s3_document(plugin: &PluginProcess) -> Value {
    let mut client = plugin.configured_provider().await;
    let ty = data_source_type(descriptors::CONNECTOR_POLICY.type_name);
    let response = client
        .read_data_source(pb::read_data_source::Request {
            type_name: descriptors::CONNECTOR_POLICY.type_name.into(),
            config: dynamic(&s3_config(&[]), &ty),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(response.diagnostics.is_empty(), "{:?}", response.diagnostics);
    let state = Value::from_msgpack(&response.state.unwrap().msgpack, &ty).unwrap();
    let golden = std::fs::read_to_string(common::repo().join("tests/golden/connector-s3-minimal.json")).unwrap();
    assert_eq!(format!("{}\n", state.attribute(args::JSON).as_str().unwrap()), golden);
    state
}

#[tokio::test]
async fn read_returns_the_golden_document() {
    let plugin = PluginProcess::start();
    let state = read_golden_s3_document(&plugin).await;
    assert_eq!(state.attribute(args::BUCKET), &Value::string("my-docs"), "the configuration is part of the state");
}

#[tokio::test]
async fn unknown_values_validate_cleanly_and_bad_values_name_their_attribute() {
    let plugin = PluginProcess::start();
    let mut client = plugin.provider().await;
    let ty = data_source_type(descriptors::CONNECTOR_POLICY.type_name);
    let validate = |config: Value| pb::validate_data_resource_config::Request {
        type_name: descriptors::CONNECTOR_POLICY.type_name.into(),
        config: dynamic(&config, &ty),
    };

    let unknown = client
        .validate_data_resource_config(validate(s3_config(&[(args::APPLICATION_ID, Value::Unknown), (args::KMS_KEY_ARN, Value::Unknown)])))
        .await
        .unwrap()
        .into_inner();
    assert!(unknown.diagnostics.is_empty(), "{:?}", unknown.diagnostics);

    let bad = client
        .validate_data_resource_config(validate(s3_config(&[
            (args::ACCOUNT_ID, Value::string("12345678901")),
            (args::SUBNET_IDS, Value::List(vec![Value::string("subnet-0123456789abcdef0"), Value::string("sn-1")])),
        ])))
        .await
        .unwrap()
        .into_inner();
    let found: Vec<_> = bad.diagnostics.iter().map(|d| (attribute_path(d), d.summary.as_str(), d.severity)).collect();
    let error = pb::diagnostic::Severity::Error as i32;
    assert_eq!(
        found,
        [
            (vec![args::SUBNET_IDS.to_string(), "[1]".to_owned()], "Invalid subnet_ids", error),
            (vec![args::ACCOUNT_ID.to_string()], "Invalid account_id", error),
        ]
    );
}

#[tokio::test]
async fn malformed_wire_data_is_a_diagnostic_and_the_process_keeps_serving() {
    let plugin = PluginProcess::start();
    let mut client = plugin.provider().await;
    for msgpack in [vec![0x85, 0xa1], vec![0xc1], vec![0x81, 0xa3, b'x', b'y', b'z', 0xc0], vec![0x91; 10_000]] {
        let response = client
            .read_data_source(pb::read_data_source::Request {
                type_name: descriptors::TRUST_POLICY.type_name.into(),
                config: Some(pb::DynamicValue { msgpack, json: vec![] }),
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner();
        assert!(response.state.is_none());
        assert_eq!(response.diagnostics.len(), 1);
        assert_eq!(response.diagnostics[0].summary, "Invalid value received from Terraform");
    }
    // A value far over tonic's default 4 MiB message limit is still a diagnostic, not a transport error.
    let huge = "a".repeat(8 * 1024 * 1024);
    let ty = data_source_type(descriptors::CONNECTOR_POLICY.type_name);
    let response = pb::provider_client::ProviderClient::new(plugin.channel().await)
        .max_encoding_message_size(usize::MAX)
        .max_decoding_message_size(usize::MAX)
        .validate_data_resource_config(pb::validate_data_resource_config::Request {
            type_name: descriptors::CONNECTOR_POLICY.type_name.into(),
            config: dynamic(&s3_config(&[(args::BUCKET, Value::string(huge))]), &ty),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(response.diagnostics.len(), 1);
    assert_eq!(response.diagnostics[0].summary, "Invalid bucket");
    assert!(response.diagnostics[0].detail.starts_with(&format!("\"{}… (8388608 characters)\" is not an S3 bucket name", "a".repeat(60))));
    let unknown_type = client
        .read_data_source(pb::read_data_source::Request { type_name: "qbusiness_nope".into(), ..Default::default() })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(unknown_type.diagnostics[0].summary, "Unknown data source");
    assert!(client.get_metadata(pb::get_metadata::Request {}).await.is_ok(), "still serving");
}

#[tokio::test]
async fn shutdown_rpc_exits_0_and_removes_the_socket_directory() {
    let mut plugin = PluginProcess::start();
    let directory = plugin.socket.parent().unwrap().to_owned();
    let mut controller = GrpcControllerClient::new(plugin.channel().await);
    controller.shutdown(Empty {}).await.unwrap();
    let status = plugin.wait_exit(Duration::from_secs(2)).expect("exits within 2 s, before go-plugin would kill it");
    assert_eq!(status.code(), Some(0));
    assert!(!directory.exists(), "socket directory left behind");
}

#[test]
fn sigterm_exits_0_and_removes_the_socket_directory_while_sigint_is_left_to_terraform() {
    let mut plugin = PluginProcess::start();
    let directory = plugin.socket.parent().unwrap().to_owned();
    let pid = plugin.child.id().to_string();
    // Ctrl-C reaches the whole process group; Terraform stops its plugins itself, as go-plugin's do.
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    assert_eq!(plugin.wait_exit(Duration::from_millis(1500)), None, "a managed plugin ignores SIGINT");
    assert!(directory.exists());
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let status = plugin.wait_exit(Duration::from_secs(2)).expect("exits on SIGTERM");
    assert_eq!(status.code(), Some(0));
    assert!(!directory.exists());
}

/// Whether process `pid` still runs (a zombie counts as gone).
fn alive(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| !stat.contains(") Z "))
}

#[test]
fn a_host_that_dies_before_connecting_leaves_no_orphan() {
    use std::io::{BufRead, BufReader};
    use terraform_provider_qbusiness::plugin::handshake::{MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE};
    let sockets = tempfile::tempdir().unwrap();
    // A host that starts the plugin and dies without ever connecting to it.
    let mut host = Command::new("sh")
        .args(["-c", "\"$0\" & echo \"pid $!\"; sleep 0.3", common::provider_binary().to_str().unwrap()])
        .env(MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE)
        .env("PLUGIN_PROTOCOL_VERSIONS", "6")
        .env("PLUGIN_UNIX_SOCKET_DIR", sockets.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(host.stdout.take().unwrap()).lines();
    let pid = lines.find_map(|line| line.ok()?.strip_prefix("pid ").map(str::to_owned)).expect("the host names its plugin");
    assert!(host.wait().unwrap().success());
    let deadline = std::time::Instant::now() + Duration::from_secs(2);
    while alive(&pid) && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!alive(&pid), "the plugin outlived its host by more than 2 s");
    assert_eq!(std::fs::read_dir(sockets.path()).unwrap().count(), 0, "socket directory left behind");
}

#[tokio::test]
async fn a_client_that_never_says_hello_is_dropped_after_10_s() {
    use tokio::io::AsyncReadExt;
    let plugin = PluginProcess::start();
    let mut silent = tokio::net::UnixStream::connect(&plugin.socket).await.unwrap();
    let started = std::time::Instant::now();
    let mut buffer = [0u8; 16];
    let read = tokio::time::timeout(Duration::from_secs(15), silent.read(&mut buffer)).await.expect("dropped within 15 s");
    assert!(matches!(read, Ok(0) | Err(_)), "{read:?}");
    assert!(started.elapsed() >= Duration::from_secs(9), "dropped after {:?}", started.elapsed());
    assert!(plugin.provider().await.get_metadata(pb::get_metadata::Request {}).await.is_ok(), "still serving others");
}

/// CPU time (user + system) of `pid` in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[test]
fn out_of_file_descriptors_it_backs_off_instead_of_spinning() {
    use std::io::{BufRead, BufReader};
    use terraform_provider_qbusiness::plugin::handshake::{MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE};
    let sockets = tempfile::tempdir().unwrap();
    let mut child = Command::new("sh")
        .args(["-c", "ulimit -n 24 && exec \"$0\"", common::provider_binary().to_str().unwrap()])
        .env(MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE)
        .env("PLUGIN_PROTOCOL_VERSIONS", "6")
        .env("PLUGIN_UNIX_SOCKET_DIR", sockets.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let socket = line.split('|').nth(3).unwrap().to_owned();
    // More connections than the plugin has descriptors left: accept() fails with EMFILE.
    let clients: Vec<_> = (0..40).filter_map(|_| std::os::unix::net::UnixStream::connect(&socket).ok()).collect();
    std::thread::sleep(Duration::from_millis(300));
    let before = cpu_ticks(child.id());
    std::thread::sleep(Duration::from_secs(2));
    let used = cpu_ticks(child.id()) - before;
    // 2 s is 200 ticks at the usual 100 Hz; a spinning accept loop used ~190 of them.
    assert!(used < 20, "{used} ticks of CPU in 2 s while out of descriptors");
    drop(clients);
    let _ = child.kill();
    let _ = child.wait();
}

#[tokio::test]
async fn stop_provider_answers_and_the_plugin_serves_until_shutdown() {
    let mut plugin = PluginProcess::start();
    let directory = plugin.socket.parent().unwrap().to_owned();
    let mut client = plugin.provider().await;
    let stopped = client.stop_provider(pb::stop_provider::Request {}).await.unwrap().into_inner();
    assert_eq!(stopped.error, "");
    // Terraform stops providers on Ctrl-C with requests still in flight: those must be answered.
    assert_eq!(plugin.wait_exit_async(Duration::from_millis(500)).await, None);
    assert!(client.get_metadata(pb::get_metadata::Request {}).await.is_ok());
    GrpcControllerClient::new(plugin.channel().await).shutdown(Empty {}).await.unwrap();
    let status = plugin.wait_exit_async(Duration::from_secs(3)).await.expect("exits after Shutdown");
    assert_eq!(status.code(), Some(0));
    assert!(!directory.exists());
}

#[tokio::test]
async fn a_host_that_disappears_leaves_no_orphan() {
    let mut plugin = PluginProcess::start();
    let directory = plugin.socket.parent().unwrap().to_owned();
    {
        let mut client = plugin.provider().await;
        client.get_metadata(pb::get_metadata::Request {}).await.unwrap();
    }
    // The only connection is gone, as when Terraform is killed: the plugin exits by itself.
    let status = plugin.wait_exit_async(Duration::from_secs(4)).await.expect("exits after its host disconnected");
    assert_eq!(status.code(), Some(0));
    assert!(!directory.exists());
}

#[tokio::test]
async fn two_instances_serve_side_by_side() {
    let (one, two) = (PluginProcess::start(), PluginProcess::start());
    assert_ne!(one.socket, two.socket);
    let (mut a, mut b) = (one.provider().await, two.provider().await);
    for _ in 0..20 {
        assert_eq!(a.get_metadata(pb::get_metadata::Request {}).await.unwrap().into_inner().data_sources.len(), DESCRIPTORS.len());
        assert_eq!(b.get_metadata(pb::get_metadata::Request {}).await.unwrap().into_inner().data_sources.len(), DESCRIPTORS.len());
    }
}

#[tokio::test]
async fn without_client_certificate_it_serves_plaintext() {
    let plugin = PluginProcess::start_with(false);
    assert!(plugin.handshake.ends_with("|grpc|\n"), "{:?}", plugin.handshake);
    let metadata = plugin.provider().await.get_metadata(pb::get_metadata::Request {}).await.unwrap().into_inner();
    assert_eq!(metadata.data_sources.len(), DESCRIPTORS.len());
}

/// The transport go-plugin uses on Windows, run here through `PLUGIN_TRANSPORT=tcp`: the handshake
/// names 127.0.0.1 and a port in go-plugin's default range, AutoMTLS pins the client certificate,
/// reads give the golden document, and Shutdown ends the process and frees the port.
#[tokio::test]
async fn over_tcp_the_plugin_serves_as_over_the_unix_socket() {
    let mut plugin = PluginProcess::start_tcp();
    let fields: Vec<&str> = plugin.handshake.trim_end_matches('\n').split('|').collect();
    assert_eq!(&fields[..3], ["1", "6", "tcp"], "{}", plugin.handshake);
    let address: std::net::SocketAddr = fields[3].parse().unwrap();
    assert!(address.ip().is_loopback(), "{address}");
    assert!((10000..=25000).contains(&address.port()), "{address}");
    assert!(plugin.server_certificate.is_some());

    let stranger = Identity::generate().unwrap();
    let refused = match plugin.channel_as(&stranger).await {
        Err(_) => true,
        Ok(channel) => pb::provider_client::ProviderClient::new(channel).get_metadata(pb::get_metadata::Request {}).await.is_err(),
    };
    assert!(refused, "a stranger's certificate was accepted over TCP");

    read_golden_s3_document(&plugin).await;

    GrpcControllerClient::new(plugin.channel().await).shutdown(Empty {}).await.unwrap();
    let status = plugin.wait_exit_async(Duration::from_secs(2)).await.expect("exits after Shutdown");
    assert_eq!(status.code(), Some(0));
    assert!(std::net::TcpListener::bind(address).is_ok(), "the port is free again");
}

#[test]
fn an_unknown_transport_is_refused_with_the_valid_ones() {
    let output = Command::new(common::provider_binary())
        .env("TF_PLUGIN_MAGIC_COOKIE", terraform_provider_qbusiness::plugin::handshake::MAGIC_COOKIE_VALUE)
        .env("PLUGIN_TRANSPORT", "quic")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty(), "no handshake line");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "PLUGIN_TRANSPORT=\"quic\" is not a transport: use \"unix\" or \"tcp\"\n");
}
