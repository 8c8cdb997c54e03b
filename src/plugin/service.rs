//! The `tfplugin6.Provider` gRPC service: decodes requests, calls the `Provider`, encodes answers.
//! A panic inside the provider becomes an error diagnostic; the process keeps serving.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use tonic::{Request, Response, Status};

use super::cty::Type;
use super::diagnostic::{AttributePath, Diagnostic, Diagnostics};
use super::log::{self, Served, Subject};
use super::proto::tfplugin6 as pb;
use super::provider::{short_name, DataSource, FunctionError, Provider};
use super::schema::Block;
use super::value::Value;

/// Responses that depend only on the schema, built once: Terraform asks for them in every process.
struct SchemaAnswers {
    metadata: pb::get_metadata::Response,
    schema: pb::get_provider_schema::Response,
    functions: pb::get_functions::Response,
    provider_type: Type,
    /// Each data source with its schema and the value type its configuration decodes to, resolved
    /// once here so a request names its data source in one lookup.
    data_sources: BTreeMap<String, (Block, Type, Arc<dyn DataSource>)>,
    /// "Internal error in the NAME provider".
    internal_error: String,
}

pub(super) struct ProviderService<P> {
    provider: Arc<P>,
    answers: Arc<SchemaAnswers>,
}

impl<P> Clone for ProviderService<P> {
    fn clone(&self) -> Self {
        Self { provider: self.provider.clone(), answers: self.answers.clone() }
    }
}

impl<P: Provider> ProviderService<P> {
    pub(super) fn new(provider: Arc<P>) -> Self {
        let schema = provider.schema();
        let capabilities = pb::ServerCapabilities {
            plan_destroy: false,
            // The schema never changes, so Terraform may reuse what it cached from another process.
            get_provider_schema_optional: true,
            move_resource_state: false,
            generate_resource_config: false,
        };
        let functions: std::collections::HashMap<String, pb::Function> =
            schema.functions.iter().map(|(name, f)| (name.clone(), f.to_proto())).collect();
        let answers = SchemaAnswers {
            metadata: pb::get_metadata::Response {
                server_capabilities: Some(capabilities),
                data_sources: schema
                    .data_sources
                    .keys()
                    .map(|name| pb::get_metadata::DataSourceMetadata { type_name: name.clone() })
                    .collect(),
                functions: schema.functions.keys().map(|name| pb::get_metadata::FunctionMetadata { name: name.clone() }).collect(),
                ..Default::default()
            },
            schema: pb::get_provider_schema::Response {
                provider: Some(schema.provider.to_proto(0)),
                data_source_schemas: schema.data_sources.iter().map(|(name, block)| (name.clone(), block.to_proto(0))).collect(),
                functions: functions.clone(),
                server_capabilities: Some(capabilities),
                ..Default::default()
            },
            functions: pb::get_functions::Response { functions, diagnostics: vec![] },
            provider_type: schema.provider.value_type(),
            data_sources: schema
                .data_sources
                .iter()
                .filter_map(|(name, block)| {
                    let data_source = provider.data_source(name)?;
                    Some((name.clone(), (block.clone(), block.value_type(), data_source)))
                })
                .collect(),
            internal_error: format!("Internal error in the {} provider", short_name(provider.address())),
        };
        Self { provider, answers: Arc::new(answers) }
    }

    /// A data source's configuration, decoded against its schema, with the required arguments that
    /// are null (which Terraform lets through) as diagnostics.
    #[allow(clippy::type_complexity)]
    fn data_source_config(
        &self,
        type_name: &str,
        value: Option<&pb::DynamicValue>,
    ) -> Result<(&Type, &dyn DataSource, Value, Diagnostics), Diagnostic> {
        let (block, ty, data_source) = self.answers.data_sources.get(type_name).ok_or_else(|| {
            Diagnostic::error(
                "Unknown data source",
                format!(
                    "This provider has no data source {type_name:?}. It has: {}.",
                    self.answers.data_sources.keys().cloned().collect::<Vec<_>>().join(", ")
                ),
            )
        })?;
        let config = decode_config(value, ty)?;
        let missing = block.missing_required(&config, &AttributePath::root());
        Ok((ty, data_source.as_ref(), config, missing))
    }
}

/// Runs provider code, turning a panic into an error diagnostic so that one bug never kills the plan.
fn guarded<T>(internal_error: &str, rpc: &str, work: impl FnOnce() -> T) -> Result<T, Diagnostic> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        log::error(&format!("{rpc}: internal error: {message}"));
        Diagnostic::error(
            internal_error,
            format!("{rpc} failed: {message}. This is a bug in the provider; please report it with the configuration that caused it."),
        )
    })
}

pub(crate) fn decode(value: Option<&pb::DynamicValue>, ty: &Type) -> Result<Value, Diagnostic> {
    let invalid = |e: super::value::ValueError| Diagnostic::error("Invalid value received from Terraform", e.message).at(e.path);
    match value {
        Some(dv) if !dv.msgpack.is_empty() => Value::from_msgpack(&dv.msgpack, ty).map_err(invalid),
        Some(dv) if !dv.json.is_empty() => Value::from_json(&dv.json, ty).map_err(invalid),
        _ => Err(Diagnostic::error("Missing value", "Terraform sent no value where one was required.")),
    }
}

/// A whole configuration: an object, never null or unknown as a whole (rmpv even reads the reserved
/// marker 0xc1 as nil, so this also catches such bytes).
fn decode_config(value: Option<&pb::DynamicValue>, ty: &Type) -> Result<Value, Diagnostic> {
    match decode(value, ty)? {
        Value::Map(attributes) => Ok(Value::Map(attributes)),
        other => Err(Diagnostic::error(
            "Invalid value received from Terraform",
            format!("a configuration must be an object, got {}", if other.is_unknown() { "an unknown value" } else { "null" }),
        )),
    }
}

pub(crate) fn encode(value: &Value, ty: &Type, internal_error: &str) -> Result<pb::DynamicValue, Diagnostic> {
    value.to_msgpack(ty).map(|msgpack| pb::DynamicValue { msgpack, json: vec![] }).map_err(|e| {
        Diagnostic::error(
            internal_error,
            format!("the provider built a value that does not fit its own schema at {:?}: {}", e.path.to_string(), e.message),
        )
    })
}

fn diagnostics_only(internal_error: &str, rpc: &str, work: impl FnOnce() -> Result<Diagnostics, Diagnostic>) -> Vec<pb::Diagnostic> {
    let diagnostics = match guarded(internal_error, rpc, work) {
        Ok(Ok(diagnostics)) => diagnostics,
        Ok(Err(diagnostic)) | Err(diagnostic) => diagnostic.into(),
    };
    diagnostics.to_proto()
}

#[tonic::async_trait]
impl<P: Provider> pb::provider_server::Provider for ProviderService<P> {
    async fn get_metadata(&self, request: Request<pb::get_metadata::Request>) -> Result<Response<pb::get_metadata::Response>, Status> {
        let served = Served::start("GetMetadata", Subject::Provider, request.get_ref());
        let response = self.answers.metadata.clone();
        served.finish(&response.diagnostics, &response);
        Ok(Response::new(response))
    }

    async fn get_provider_schema(
        &self,
        request: Request<pb::get_provider_schema::Request>,
    ) -> Result<Response<pb::get_provider_schema::Response>, Status> {
        let served = Served::start("GetProviderSchema", Subject::Provider, request.get_ref());
        let response = self.answers.schema.clone();
        served.finish(&response.diagnostics, &response);
        Ok(Response::new(response))
    }

    async fn get_functions(&self, request: Request<pb::get_functions::Request>) -> Result<Response<pb::get_functions::Response>, Status> {
        let served = Served::start("GetFunctions", Subject::Provider, request.get_ref());
        let response = self.answers.functions.clone();
        served.finish(&response.diagnostics, &response);
        Ok(Response::new(response))
    }

    async fn validate_provider_config(
        &self,
        request: Request<pb::validate_provider_config::Request>,
    ) -> Result<Response<pb::validate_provider_config::Response>, Status> {
        let request = request.into_inner();
        let served = Served::start("ValidateProviderConfig", Subject::Provider, &request);
        let diagnostics = diagnostics_only(&self.answers.internal_error, "ValidateProviderConfig", || {
            let config = decode_config(request.config.as_ref(), &self.answers.provider_type)?;
            Ok(self.provider.validate_provider_config(&config))
        });
        let response = pb::validate_provider_config::Response { diagnostics };
        served.finish(&response.diagnostics, &response);
        Ok(Response::new(response))
    }

    async fn configure_provider(
        &self,
        request: Request<pb::configure_provider::Request>,
    ) -> Result<Response<pb::configure_provider::Response>, Status> {
        let request = request.into_inner();
        let served = Served::start("ConfigureProvider", Subject::Provider, &request);
        let diagnostics = diagnostics_only(&self.answers.internal_error, "ConfigureProvider", || {
            let config = decode_config(request.config.as_ref(), &self.answers.provider_type)?;
            Ok(self.provider.configure_provider(&config))
        });
        let response = pb::configure_provider::Response { diagnostics };
        served.finish(&response.diagnostics, &response);
        Ok(Response::new(response))
    }

    async fn validate_data_resource_config(
        &self,
        request: Request<pb::validate_data_resource_config::Request>,
    ) -> Result<Response<pb::validate_data_resource_config::Response>, Status> {
        let request = request.into_inner();
        let served = Served::start("ValidateDataResourceConfig", Subject::DataSource(&request.type_name), &request);
        let diagnostics = diagnostics_only(&self.answers.internal_error, "ValidateDataResourceConfig", || {
            let (_, data_source, config, missing) = self.data_source_config(&request.type_name, request.config.as_ref())?;
            if !missing.is_empty() {
                return Ok(missing);
            }
            Ok(data_source.validate(&config))
        });
        let response = pb::validate_data_resource_config::Response { diagnostics };
        served.finish(&response.diagnostics, &response);
        Ok(Response::new(response))
    }

    async fn read_data_source(
        &self,
        request: Request<pb::read_data_source::Request>,
    ) -> Result<Response<pb::read_data_source::Response>, Status> {
        let request = request.into_inner();
        let served = Served::start("ReadDataSource", Subject::DataSource(&request.type_name), &request);
        let mut diagnostics = Diagnostics::default();
        let outcome = guarded(&self.answers.internal_error, "ReadDataSource", || -> Result<Option<pb::DynamicValue>, Diagnostic> {
            let (ty, data_source, config, missing) = self.data_source_config(&request.type_name, request.config.as_ref())?;
            if !missing.is_empty() {
                diagnostics.extend(missing);
                return Ok(None);
            }
            let (state, found) = data_source.read(&config);
            diagnostics.extend(found);
            match state {
                Some(state) if !diagnostics.has_errors() => Ok(Some(encode(&state, ty, &self.answers.internal_error)?)),
                _ => Ok(None),
            }
        });
        let state = match outcome {
            Ok(Ok(state)) => state,
            Ok(Err(diagnostic)) | Err(diagnostic) => {
                diagnostics.push(diagnostic);
                None
            }
        };
        let response = pb::read_data_source::Response { state, diagnostics: diagnostics.to_proto(), deferred: None };
        served.finish(&response.diagnostics, &response);
        Ok(Response::new(response))
    }

    async fn call_function(&self, request: Request<pb::call_function::Request>) -> Result<Response<pb::call_function::Response>, Status> {
        let request = request.into_inner();
        let served = Served::start("CallFunction", Subject::Function(&request.name), &request);
        let outcome = guarded(&self.answers.internal_error, "CallFunction", || -> Result<pb::DynamicValue, FunctionError> {
            let function = self
                .provider
                .schema()
                .functions
                .get(&request.name)
                .ok_or_else(|| FunctionError { text: format!("this provider has no function {:?}", request.name), argument: None })?;
            if request.arguments.len() != function.parameters.len() {
                return Err(FunctionError {
                    text: format!("{} takes {} arguments, got {}", request.name, function.parameters.len(), request.arguments.len()),
                    argument: None,
                });
            }
            let arguments = request
                .arguments
                .iter()
                .zip(&function.parameters)
                .enumerate()
                .map(|(i, (argument, parameter))| {
                    decode(Some(argument), &parameter.ty)
                        .map_err(|d| FunctionError { text: format!("argument {:?}: {}", parameter.name, d.detail), argument: Some(i) })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let result = self.provider.call_function(&request.name, &arguments)?;
            encode(&result, &function.return_type, &self.answers.internal_error)
                .map_err(|d| FunctionError { text: d.detail, argument: None })
        });
        let (result, error) = match outcome {
            Ok(Ok(result)) => (Some(result), None),
            Ok(Err(error)) => (None, Some(error)),
            Err(diagnostic) => (None, Some(FunctionError { text: diagnostic.detail, argument: None })),
        };
        let response = pb::call_function::Response {
            result,
            error: error.map(|e| pb::FunctionError { text: e.text, function_argument: e.argument.map(|i| i as i64) }),
        };
        served.finish_function(&response);
        Ok(Response::new(response))
    }

    async fn stop_provider(&self, request: Request<pb::stop_provider::Request>) -> Result<Response<pb::stop_provider::Response>, Status> {
        // Every operation here finishes in microseconds, so nothing is left to cancel. The process
        // keeps serving: Terraform sends StopProvider on Ctrl-C while other requests of the same
        // plan are still in flight, and ends the plugin with GRPCController.Shutdown after them.
        let served = Served::start("StopProvider", Subject::Provider, request.get_ref());
        let response = pb::stop_provider::Response { error: String::new() };
        served.finish(&[], &response);
        Ok(Response::new(response))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plugin::diagnostic::Diagnostics;
    use crate::plugin::schema::{Attribute, Block, ProviderSchema};
    use pb::provider_server::Provider as _;

    /// A provider with one data source whose every operation panics, as a bug would.
    struct Panicking(ProviderSchema);

    struct PanickingDataSource;

    impl DataSource for PanickingDataSource {
        fn validate(&self, _: &Value) -> Diagnostics {
            panic!("index out of bounds: the len is 0 but the index is 3")
        }
        fn read(&self, _: &Value) -> (Option<Value>, Diagnostics) {
            panic!("{}", String::from("read bug"))
        }
    }

    impl Panicking {
        fn new() -> Self {
            let block = Block { attributes: vec![Attribute::optional("name", Type::String, "")], ..Default::default() };
            Panicking(ProviderSchema { data_sources: [("broken".to_owned(), block)].into(), ..Default::default() })
        }
    }

    impl Provider for Panicking {
        fn address(&self) -> &'static str {
            "registry.terraform.io/example/broken"
        }
        fn schema(&self) -> &ProviderSchema {
            &self.0
        }
        fn validate_provider_config(&self, _: &Value) -> Diagnostics {
            panic!("validate bug")
        }
        fn configure_provider(&self, _: &Value) -> Diagnostics {
            panic!("configure bug")
        }
        fn data_source(&self, _: &str) -> Option<Arc<dyn DataSource>> {
            Some(Arc::new(PanickingDataSource))
        }
        fn call_function(&self, _: &str, _: &[Value]) -> Result<Value, FunctionError> {
            panic!("function bug")
        }
    }

    fn config() -> Option<pb::DynamicValue> {
        let ty = Type::object([("name".to_owned(), Type::String)]);
        Some(pb::DynamicValue { msgpack: Value::object([("name", Value::string("x"))]).to_msgpack(&ty).unwrap(), json: vec![] })
    }

    #[tokio::test]
    async fn a_panicking_provider_yields_error_diagnostics_not_a_dead_process() {
        let service = ProviderService::new(Arc::new(Panicking::new()));
        let validate = service
            .validate_data_resource_config(Request::new(pb::validate_data_resource_config::Request {
                type_name: "broken".into(),
                config: config(),
            }))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(validate.diagnostics.len(), 1);
        assert_eq!(validate.diagnostics[0].summary, "Internal error in the broken provider");
        assert!(validate.diagnostics[0].detail.starts_with("ValidateDataResourceConfig failed: index out of bounds"));

        let read = service
            .read_data_source(Request::new(pb::read_data_source::Request {
                type_name: "broken".into(),
                config: config(),
                ..Default::default()
            }))
            .await
            .unwrap()
            .into_inner();
        assert!(read.state.is_none());
        assert!(read.diagnostics[0].detail.starts_with("ReadDataSource failed: read bug"));

        let configure = service
            .configure_provider(Request::new(pb::configure_provider::Request {
                config: Some(pb::DynamicValue { msgpack: vec![0x80], json: vec![] }),
                ..Default::default()
            }))
            .await
            .unwrap()
            .into_inner();
        assert!(configure.diagnostics[0].detail.starts_with("ConfigureProvider failed: configure bug"));

        // Still answering after three panics.
        let metadata = service.get_metadata(Request::new(pb::get_metadata::Request {})).await.unwrap().into_inner();
        assert_eq!(metadata.data_sources[0].type_name, "broken");
    }
}
