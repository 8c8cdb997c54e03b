//! The DynamicValue decoder on arbitrary bytes, against every type a schema here uses: it returns
//! a value or an error, never panics; a decoded value encodes again and decodes to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use terraform_provider_qbusiness::plugin::{Provider as _, Type, Value};
use terraform_provider_qbusiness::provider::QBusinessProvider;

fn types() -> Vec<Type> {
    let provider = QBusinessProvider::new();
    let schema = provider.schema();
    let mut types: Vec<Type> = schema.data_sources.values().map(|b| b.value_type()).collect();
    types.push(schema.provider.value_type());
    types.extend([Type::Dynamic, Type::list(Type::String), Type::map(Type::Number), Type::Bool]);
    types
}

fn has_nan(value: &Value) -> bool {
    match value {
        Value::Number(n) => n.is_nan(),
        Value::List(items) => items.iter().any(has_nan),
        Value::Map(entries) => entries.values().any(has_nan),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let types = types();
    let ty = &types[selector as usize % types.len()];
    let from_msgpack = Value::from_msgpack(bytes, ty);
    // The JSON form must agree with the msgpack form: a value read from JSON round-trips through msgpack.
    if let Ok(value) = Value::from_json(bytes, ty) {
        if !matches!(ty, Type::Dynamic) && !has_nan(&value) {
            let encoded = value.to_msgpack(ty).expect("a value read from JSON encodes as msgpack");
            assert_eq!(Value::from_msgpack(&encoded, ty).expect("and decodes again"), value);
        }
    }
    if let Ok(value) = from_msgpack {
        if has_nan(&value) {
            return; // NaN is never equal to itself
        }
        if matches!(ty, Type::Dynamic) {
            // A dynamic value re-encodes with the type inferred from it: it must still decode, and
            // then encode to the same bytes (a fixed point).
            let encoded = value.to_msgpack(ty).expect("a decoded dynamic value encodes");
            let again = Value::from_msgpack(&encoded, ty).expect("an encoded dynamic value decodes");
            assert_eq!(again.to_msgpack(ty).expect("encodes again"), encoded);
            return;
        }
        let encoded = value.to_msgpack(ty).expect("a decoded value encodes with its own type");
        let again = Value::from_msgpack(&encoded, ty).expect("an encoded value decodes");
        assert_eq!(again, value);
    }
});
