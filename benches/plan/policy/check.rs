//! The converters' self-check, run before anything is measured: their HCL read back (for the
//! subset they write) with the bucket template evaluated gives the provider's document.

use serde_json::Value as Json;

use super::{jsonencode, policy_document, s3_document, s3_golden, DEFAULT_VERSION, LISTS};

/// A reader of the HCL the converters write: string literals with `${name}` templates, tuples,
/// objects with `=`, bare names and `name { … }` blocks.
struct Reader<'a> {
    text: &'a str,
    at: usize,
    /// The value of each variable the templates name.
    variables: &'a [(&'a str, &'a str)],
}

/// An item of a block body: an attribute's value, or a nested block.
enum Item {
    Attribute(Json),
    Block(Vec<(String, Item)>),
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    fn new(text: &'a str, variables: &'a [(&'a str, &'a str)]) -> Self {
        Reader { text, at: 0, variables }
    }

    /// What is left to read.
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    /// Skips white space and the commas between items.
    fn skip(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',').len();
    }

    /// Whether the next thing is `token`, which is then read.
    fn eat(&mut self, token: char) -> bool {
        self.skip();
        let found = self.rest().starts_with(token);
        if found {
            self.at += token.len_utf8();
        }
        found
    }

    /// A bare name or a quoted key.
    fn name(&mut self) -> String {
        self.skip();
        if self.rest().starts_with('"') {
            return self.string();
        }
        let rest = self.rest();
        let length = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-').len();
        assert!(length > 0, "a name expected at {rest:?}");
        self.at += length;
        rest[..length].to_owned()
    }

    /// A string literal, its templates evaluated.
    fn string(&mut self) -> String {
        let rest = self.rest();
        assert!(rest.starts_with('"'), "a string expected at {rest:?}");
        let mut end = 1;
        while rest.as_bytes()[end] != b'"' {
            end += if rest.as_bytes()[end] == b'\\' { 2 } else { 1 };
        }
        self.at += end + 1;
        let (mut raw, mut json) = (&rest[..=end], String::new());
        while let Some(c) = raw.chars().next() {
            if let Some(after) = raw.strip_prefix("$${").or_else(|| raw.strip_prefix("%%{")) {
                json.push_str(&raw[1..3]);
                raw = after;
            } else if let Some(after) = raw.strip_prefix("${") {
                let close = after.find('}').expect("a template closes");
                let name = &after[..close];
                let value = self.variables.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("no variable {name}")).1;
                let quoted = serde_json::to_string(value).unwrap();
                json.push_str(&quoted[1..quoted.len() - 1]);
                raw = &after[close + 1..];
            } else {
                json.push(c);
                raw = &raw[c.len_utf8()..];
            }
        }
        serde_json::from_str(&json).unwrap()
    }

    /// An expression: a string, a tuple, an object, or a literal (number, bool, null).
    fn expression(&mut self) -> Json {
        self.skip();
        if self.rest().starts_with('"') {
            Json::String(self.string())
        } else if self.eat('[') {
            let mut items = Vec::new();
            while !self.eat(']') {
                items.push(self.expression());
            }
            Json::Array(items)
        } else if self.eat('{') {
            let mut entries = serde_json::Map::new();
            while !self.eat('}') {
                let key = self.name();
                assert!(self.eat('='), "`=` expected after {key}");
                entries.insert(key, self.expression());
            }
            Json::Object(entries)
        } else {
            let rest = self.rest();
            let length = rest.find([',', ']', '}', '\n']).unwrap_or(rest.len());
            self.at += length;
            serde_json::from_str(rest[..length].trim()).unwrap()
        }
    }

    /// A block body, up to its `}` or the end of the text.
    fn body(&mut self) -> Vec<(String, Item)> {
        let mut items = Vec::new();
        loop {
            self.skip();
            if self.rest().is_empty() || self.eat('}') {
                return items;
            }
            let name = self.name();
            let item = if self.eat('=') {
                Item::Attribute(self.expression())
            } else {
                assert!(self.eat('{'), "`=` or `{{` expected after {name}");
                Item::Block(self.body())
            };
            items.push((name, item));
        }
    }
}

/// The attribute `name` of `body`.
fn attribute<'b>(body: &'b [(String, Item)], name: &str) -> Option<&'b Json> {
    body.iter().find_map(|(n, item)| match item {
        Item::Attribute(value) if n == name => Some(value),
        _ => None,
    })
}

/// The document an `aws_iam_policy_document` of `body` gives, every action, resource and
/// condition value a list.
fn aws_document(body: &[(String, Item)]) -> Json {
    let statements: Vec<Json> = body
        .iter()
        .filter_map(|(name, item)| match item {
            Item::Block(statement) if name == "statement" => Some(statement),
            _ => None,
        })
        .map(|statement| {
            let mut out = serde_json::Map::new();
            if let Some(sid) = attribute(statement, "sid") {
                out.insert("Sid".into(), sid.clone());
            }
            out.insert("Effect".into(), attribute(statement, "effect").cloned().unwrap_or_else(|| "Allow".into()));
            for (json, argument) in LISTS {
                if let Some(values) = attribute(statement, argument) {
                    out.insert(json.into(), values.clone());
                }
            }
            let mut conditions = serde_json::Map::new();
            for (_, item) in statement.iter().filter(|(name, _)| name == "condition") {
                let Item::Block(condition) = item else { panic!("condition is a block") };
                let field = |name| attribute(condition, name).unwrap_or_else(|| panic!("condition without {name}")).clone();
                let Json::String(test) = field("test") else { panic!("test is a string") };
                let Json::String(variable) = field("variable") else { panic!("variable is a string") };
                let tests = conditions.entry(test).or_insert_with(|| Json::Object(Default::default()));
                tests.as_object_mut().unwrap().insert(variable, field("values"));
            }
            if !conditions.is_empty() {
                out.insert("Condition".into(), Json::Object(conditions));
            }
            Json::Object(out)
        })
        .collect();
    let mut document = serde_json::Map::new();
    document.insert("Version".into(), attribute(body, "version").cloned().unwrap_or_else(|| DEFAULT_VERSION.into()));
    if let Some(id) = attribute(body, "policy_id") {
        document.insert("Id".into(), id.clone());
    }
    document.insert("Statement".into(), Json::Array(statements));
    Json::Object(document)
}

/// `document` with every action, resource and condition value a list, as [`aws_document`] reads them.
fn as_lists(mut document: Json) -> Json {
    let list = |value: &mut Json| {
        if value.is_string() {
            *value = Json::Array(vec![value.take()]);
        }
    };
    for statement in document["Statement"].as_array_mut().unwrap() {
        let statement = statement.as_object_mut().unwrap();
        statement.entry("Effect").or_insert_with(|| "Allow".into());
        for (json, _) in LISTS {
            if let Some(value) = statement.get_mut(json) {
                list(value);
            }
        }
        for variables in statement.get_mut("Condition").and_then(Json::as_object_mut).into_iter().flat_map(|c| c.values_mut()) {
            variables.as_object_mut().unwrap().values_mut().for_each(list);
        }
    }
    document
}

/// Asserts that both conversions of the golden, with `docs-${i}` and `docs-${count.index}` for
/// the bucket, read back for a few instances as the provider's document for bucket `docs-N`.
pub fn check() {
    let golden = s3_golden();
    let jsonencoded = jsonencode(&golden, "docs-${i}", 0);
    let blocks = policy_document(&golden, "docs-${count.index}", 0);
    for n in ["0", "7", "42"] {
        let expected: Json = serde_json::from_str(&s3_document(&format!("docs-{n}"))).unwrap();
        let i = [("i", n)];
        let mut reader = Reader::new(&jsonencoded, &i);
        assert_eq!(reader.expression(), expected, "the golden's jsonencode, i = {n}:\n{jsonencoded}");
        assert!(reader.rest().trim().is_empty(), "the jsonencode expression ends at {:?}", reader.rest());
        let count_index = [("count.index", n)];
        let body = Reader::new(&blocks, &count_index).body();
        assert_eq!(aws_document(&body), as_lists(expected), "the golden's statement blocks, count.index = {n}:\n{blocks}");
    }
}
