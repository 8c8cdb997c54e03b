//! The user's own statements in a permissions policy, shaped like `aws_iam_policy_document`'s:
//! `statement` blocks, `source_policy_documents` and `override_policy_documents`, each read and
//! checked on its own so that an error points at the argument it comes from.

use crate::catalog::arguments::{self as args, Name};
use std::collections::{BTreeMap, BTreeSet};

use crate::plugin::{Attribute, AttributePath, Block, Diagnostic, NestedBlock, Nesting, Type, Value};
use crate::policy::lint::{user_problems, Problem, Rule, CHARACTER_SUMMARY};
use crate::policy::statement::{Actions, Effect, Principal, PrincipalKind, Resources};
use crate::policy::{Additions, Condition, ConditionKey, DocumentKind, Operator, PolicyDocument, Statement};

use super::inputs::Inputs;

/// The schema of the additions: two document lists and the `statement` block.
pub(super) fn addition_attributes() -> Vec<Attribute> {
    vec![
        Attribute::optional(
            args::SOURCE_POLICY_DOCUMENTS,
            Type::list(Type::String),
            "IAM policy documents (JSON) whose statements are appended. Their Sids must not repeat ones already present.",
        ),
        Attribute::optional(
            args::OVERRIDE_POLICY_DOCUMENTS,
            Type::list(Type::String),
            "IAM policy documents (JSON) applied last: a statement replaces the one with the same Sid, others are appended.",
        ),
    ]
}

/// `statement` blocks, shaped like `aws_iam_policy_document`'s, for statements of the user's own.
pub(super) fn statement_block() -> NestedBlock {
    let list = || Type::list(Type::String);
    let condition = Block {
        description: "A condition of the statement.".to_owned(),
        attributes: vec![
            Attribute::required(
                args::TEST,
                Type::String,
                "The condition operator, e.g. `StringEquals`, `ArnLike`, `ForAllValues:StringLike`.",
            ),
            Attribute::required(args::VARIABLE, Type::String, "The condition key, e.g. `aws:SourceVpc`."),
            Attribute::required(args::VALUES, list(), "The values the key is compared with."),
        ],
        blocks: vec![],
    };
    let principals = Block {
        description: "Who the statement is about: trust policies need it, permissions policies refuse it.".to_owned(),
        attributes: vec![
            Attribute::required(args::TYPE, Type::String, "`AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` (anyone)."),
            Attribute::required(
                args::IDENTIFIERS,
                list(),
                "The principals of that type, e.g. `[\"qbusiness.amazonaws.com\"]` or an account's root ARN.",
            ),
        ],
        blocks: vec![],
    };
    NestedBlock {
        type_name: String::from(args::STATEMENT),
        nesting: Nesting::List,
        block: Block {
            description: "A statement appended to the document (before override documents apply).".to_owned(),
            attributes: vec![
                Attribute::optional(args::SID, Type::String, "Statement id: letters and digits, unique in the document."),
                Attribute::optional(args::EFFECT, Type::String, "`Allow` (default) or `Deny`."),
                Attribute::optional(args::ACTIONS, list(), "Actions, e.g. `s3:GetObject`; exactly one of `actions` and `not_actions`."),
                Attribute::optional(args::NOT_ACTIONS, list(), "Actions the statement does not apply to."),
                Attribute::optional(
                    args::RESOURCES,
                    list(),
                    "Resource ARNs or `*`; in a permissions policy exactly one of `resources` and `not_resources`, in a trust policy neither. Write IAM policy variables as `&{aws:username}` (they become `${aws:username}`), as with `aws_iam_policy_document`.",
                ),
                Attribute::optional(args::NOT_RESOURCES, list(), "Resources the statement does not apply to."),
            ],
            blocks: vec![
                NestedBlock { type_name: String::from(args::CONDITION), nesting: Nesting::List, block: condition },
                NestedBlock { type_name: String::from(args::PRINCIPALS), nesting: Nesting::List, block: principals },
            ],
        },
    }
}

/// `&{…}` as `aws_iam_policy_document` lets HCL write an IAM policy variable (HCL would read
/// `${…}` as its own interpolation), turned into IAM's `${…}`.
fn policy_variables(text: &str) -> String {
    text.replace("&{", "${")
}

/// `statement` with every `&{…}` in its resources, principals and condition values written as
/// IAM's `${…}`, as `aws_iam_policy_document` does for statements written in HCL.
fn with_policy_variables(statement: Statement) -> Statement {
    let set = |entries: BTreeSet<String>| entries.iter().map(|e| policy_variables(e)).collect::<BTreeSet<_>>();
    let resources = statement.resources.map(|r| match r {
        Resources::Resource(entries) => Resources::Resource(set(entries)),
        Resources::NotResource(entries) => Resources::NotResource(set(entries)),
    });
    let principal = statement.principal.map(|p| match p {
        Principal::Named(named) => Principal::Named(named.into_iter().map(|(kind, ids)| (kind, set(ids))).collect()),
        anyone => anyone,
    });
    let condition = Condition(
        statement
            .condition
            .0
            .into_iter()
            .map(|(operator, keys)| (operator, keys.into_iter().map(|(key, values)| (key, set(values))).collect()))
            .collect(),
    );
    Statement { resources, principal, condition, ..statement }
}

/// The summary of a lint problem's diagnostic.
pub(super) fn problem_summary(problem: &Problem, otherwise: &str) -> String {
    match problem.rule {
        Rule::Character => CHARACTER_SUMMARY.to_owned(),
        Rule::ServiceData if problem.warning => "Not in this provider's AWS data".to_owned(),
        Rule::Form | Rule::ServiceData => otherwise.to_owned(),
        Rule::Check(check) => format!("Access Analyzer {}: {}", check.finding_type, check.code),
    }
}

/// One of a pair of mutually exclusive list arguments (`actions`/`not_actions`), as a set.
fn one_of(inputs: &mut Inputs<'_>, positive: Name, negative: Name) -> Option<(bool, BTreeSet<String>)> {
    let (has_positive, has_negative) = (inputs.is_set(positive), inputs.is_set(negative));
    // An empty list: leaving the argument out is no way out here, one of the pair is needed.
    for name in [positive, negative] {
        let example =
            if [args::ACTIONS, args::NOT_ACTIONS].contains(&name) { "[\"s3:GetObject\"]" } else { "[\"arn:aws:s3:::my-bucket/*\"]" };
        if inputs.refuse_empty_list(name, example) {
            return None;
        }
    }
    match (has_positive, has_negative) {
        (true, false) => inputs.parsed_list::<String>(positive).map(|v| (true, v.into_iter().collect())),
        (false, true) => inputs.parsed_list::<String>(negative).map(|v| (false, v.into_iter().collect())),
        (true, true) => {
            inputs.error(negative, "Conflicting arguments", format!("Set {positive} or {negative}, not both."));
            None
        }
        (false, false) => {
            inputs.error(positive, "Missing required argument", format!("A statement needs {positive} or {negative}."));
            None
        }
    }
}

/// The nested block `name` of the block being read.
fn nested_block<'a>(inputs: &Inputs<'a>, name: Name) -> Option<&'a Block> {
    inputs.block().blocks.iter().find(|b| name == b.type_name.as_str()).map(|b| &b.block)
}

fn read_condition(item: &Value, block: &Block, path: AttributePath, parent: &mut Inputs<'_>) -> Option<Condition> {
    let mut inputs = Inputs::nested(item, block, path);
    let operator = inputs.parsed_with(args::TEST, Operator::parse);
    let key = inputs.parsed_with(args::VARIABLE, |text| ConditionKey::named(text.to_owned()));
    let values = inputs.parsed_list::<String>(args::VALUES);
    if let (Some(operator), Some(values)) = (&operator, &values) {
        if let Err(message) = operator.check_values(values) {
            inputs.error(args::VALUES, "Invalid values", format!("{message}, e.g. values = [\"true\"]."));
        }
    }
    parent.absorb(inputs);
    let mut condition = Condition::default();
    condition.add(operator?, key?, values?);
    Some(condition)
}

/// The statement argument a field of the statement's JSON comes from.
fn argument_of(field: &str) -> Name {
    match field {
        "Sid" => args::SID,
        "Action" => args::ACTIONS,
        "NotAction" => args::NOT_ACTIONS,
        "NotResource" => args::NOT_RESOURCES,
        "Condition" => args::CONDITION,
        "Principal" | "NotPrincipal" => args::PRINCIPALS,
        _ => args::RESOURCES,
    }
}

/// Where the refused `identifier` (as the document holds it, `${…}` for HCL's `&{…}`) stands among
/// the `principals` blocks: the block's index and the identifier's. A `*` of type AWS is allowed,
/// so a refused `*` is one of another type.
fn identifier_position(principals: &Value, identifier: &str) -> Option<(usize, usize)> {
    principals.as_list()?.iter().enumerate().find_map(|(j, block)| {
        if identifier == "*" && block.attribute(args::TYPE).as_str() == Some(PrincipalKind::Aws.as_str()) {
            return None;
        }
        let identifiers = block.attribute(args::IDENTIFIERS).as_list()?;
        let k = identifiers.iter().position(|item| item.as_str().is_some_and(|text| policy_variables(text) == identifier))?;
        Some((j, k))
    })
}

/// The `principals` blocks of a statement: `None` when there are none, and `Err(())` when one is wrong
/// (its error is in `inputs`).
fn read_principals(inputs: &mut Inputs<'_>, path: &AttributePath) -> Result<Option<Principal>, ()> {
    let Some(block) = nested_block(inputs, args::PRINCIPALS) else { return Ok(None) };
    let items = inputs.raw(args::PRINCIPALS).as_list().unwrap_or_default();
    if items.is_empty() {
        return Ok(None);
    }
    let mut named: BTreeMap<PrincipalKind, BTreeSet<String>> = BTreeMap::new();
    let mut anyone = false;
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let mut principal = Inputs::nested(item, block, path.then_attribute(args::PRINCIPALS).then_index(i));
        let kind = principal.string(args::TYPE).map(str::to_owned);
        let identifiers = principal.parsed_list::<String>(args::IDENTIFIERS);
        match (kind.as_deref(), identifiers) {
            (Some("*"), Some(ids)) if ids == ["*"] => anyone = true,
            (Some("*"), Some(_)) => {
                principal.error(args::IDENTIFIERS, "Invalid identifiers", "type \"*\" (anyone) takes identifiers = [\"*\"].");
                ok = false;
            }
            (Some(text), Some(ids)) => match PrincipalKind::parse(text) {
                Ok(kind) => named.entry(kind).or_default().extend(ids),
                Err(unknown) => {
                    principal.error(args::TYPE, "Invalid type", format!("{unknown}, or * (anyone)."));
                    ok = false;
                }
            },
            _ => ok = false,
        }
        inputs.absorb(principal);
    }
    match (ok, anyone) {
        (false, _) => Err(()),
        (true, true) => Ok(Some(Principal::Anyone)),
        (true, false) => Ok(Some(Principal::Named(named))),
    }
}

fn read_statement(item: &Value, block: &Block, path: AttributePath, parent: &mut Inputs<'_>, kind: DocumentKind) -> Option<Statement> {
    let mut inputs = Inputs::nested(item, block, path.clone());
    let sid = inputs.string(args::SID).map(str::to_owned);
    let effect = match inputs.string(args::EFFECT) {
        None => Some(Effect::Allow),
        Some(text) => match Effect::parse(text) {
            Ok(effect) => Some(effect),
            Err(unknown) => {
                inputs.error(args::EFFECT, "Invalid effect", format!("{unknown}."));
                None
            }
        },
    };
    let actions = one_of(&mut inputs, args::ACTIONS, args::NOT_ACTIONS);
    // A trust policy names no resource: the lint says so when one is given.
    let resources = match kind {
        DocumentKind::Trust if !inputs.is_set(args::RESOURCES) && !inputs.is_set(args::NOT_RESOURCES) => Some(None),
        _ => one_of(&mut inputs, args::RESOURCES, args::NOT_RESOURCES).map(Some),
    };
    let principal = read_principals(&mut inputs, &path);
    let mut condition = Condition::default();
    if let Some(condition_block) = nested_block(&inputs, args::CONDITION) {
        let conditions = inputs.raw(args::CONDITION).as_list().unwrap_or_default();
        for (i, item) in conditions.iter().enumerate() {
            let at = path.then_attribute(args::CONDITION).then_index(i);
            if let Some(found) = read_condition(item, condition_block, at, &mut inputs) {
                for (operator, keys) in found.0 {
                    for (key, values) in keys {
                        condition.add(operator.clone(), key, values);
                    }
                }
            }
        }
    }
    if inputs.raw(args::CONDITION).is_unknown() {
        inputs.incomplete = true;
    }
    let statement = match (effect, actions, resources, principal) {
        (Some(effect), Some((positive_actions, names)), Some(resources), Ok(principal)) => Some(with_policy_variables(Statement {
            sid,
            effect,
            principal,
            not_principal: None,
            actions: if positive_actions { Actions::Action(names) } else { Actions::NotAction(names) },
            resources: resources.map(|(positive, arns)| if positive { Resources::Resource(arns) } else { Resources::NotResource(arns) }),
            condition,
        })),
        _ => None,
    };
    // The policy rules and AWS's data, each reported at the argument (and element) it concerns.
    if let Some(statement) = &statement {
        for problem in user_problems(&PolicyDocument::new(vec![statement.clone()]), kind) {
            let summary = problem_summary(&problem, "Invalid statement");
            let argument = argument_of(problem.field);
            let mut at = inputs.path_of(argument);
            let element =
                problem.value.as_ref().and_then(|v| inputs.raw(argument).as_list()?.iter().position(|item| item.as_str() == Some(v)));
            if let (Some(j), Rule::ServiceData | Rule::Check(_)) = (element, problem.rule) {
                at = at.then_index(j);
            }
            // A principal is an element of one `principals` block's identifiers.
            if let (Some(value), "Principal") = (&problem.value, problem.field) {
                if let Some((j, k)) = identifier_position(inputs.raw(args::PRINCIPALS), value) {
                    at = at.then_index(j).then_attribute(args::IDENTIFIERS).then_index(k);
                }
            }
            let diagnostic =
                if problem.warning { Diagnostic::warning(summary, problem.message) } else { Diagnostic::error(summary, problem.message) };
            inputs.diagnostics.push(diagnostic.at(at));
        }
    }
    // Hand the findings over before anything can return early, or they would be lost.
    parent.absorb(inputs);
    statement
}

/// The `statement` blocks, each read and checked on its own so errors point into it.
fn read_statement_blocks(inputs: &mut Inputs<'_>, kind: DocumentKind) -> Vec<Statement> {
    let Some(block) = nested_block(inputs, args::STATEMENT) else {
        return Vec::new();
    };
    let blocks = inputs.raw(args::STATEMENT);
    if blocks.is_unknown() {
        inputs.incomplete = true;
        return Vec::new();
    }
    let items = blocks.as_list().unwrap_or_default();
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| read_statement(item, block, inputs.path_of(args::STATEMENT).then_index(i), inputs, kind))
        .collect()
}

fn read_documents(inputs: &mut Inputs<'_>, name: Name, kind: DocumentKind) -> Vec<PolicyDocument> {
    if inputs.block().attribute(name).is_none() {
        return Vec::new();
    }
    let Some(texts) = inputs.documents(name) else {
        return Vec::new();
    };
    let mut documents = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let path = inputs.path_of(name).then_index(i);
        let summary = format!("Invalid document in {name}");
        match PolicyDocument::from_json(text) {
            Ok(document) => {
                let statements = document.statements.into_iter().map(with_policy_variables).collect();
                let document = PolicyDocument { statements, ..document };
                let found = user_problems(&document, kind);
                for problem in &found {
                    let location = problem.statement.map_or(String::new(), |s| format!("Statement[{s}].{}: ", problem.field));
                    let detail = format!("{location}{}", problem.message);
                    let diagnostic = match problem.warning {
                        true => Diagnostic::warning(problem_summary(problem, &summary), detail),
                        false => Diagnostic::error(summary.clone(), detail),
                    };
                    inputs.diagnostics.push(diagnostic.at(path.clone()));
                }
                if found.iter().all(|p| p.warning) {
                    documents.push(document);
                }
            }
            Err(error) => inputs.diagnostics.push(Diagnostic::error(summary, error.to_string()).at(path)),
        }
    }
    documents
}

/// The user's additions to a document, each document and statement checked on its own.
pub(super) fn read_additions(inputs: &mut Inputs<'_>, kind: DocumentKind) -> Additions {
    Additions {
        sources: read_documents(inputs, args::SOURCE_POLICY_DOCUMENTS, kind),
        statements: read_statement_blocks(inputs, kind),
        overrides: read_documents(inputs, args::OVERRIDE_POLICY_DOCUMENTS, kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::arguments as args;
    use crate::policy::{Arn, Partition};

    #[test]
    fn hcl_policy_variables_become_iam_ones() {
        let home = Arn::new(Partition::Aws, "s3", "", "", "docs/home/&{aws:username}/*");
        let statement = with_policy_variables(Statement::allow("Home").actions(["s3:GetObject"]).resource(&home).condition(
            Operator::STRING_LIKE,
            ConditionKey::named("s3:prefix").unwrap(),
            ["home/&{aws:username}/"],
        ));
        assert_eq!(statement.resources.unwrap().entries().iter().next().unwrap(), "arn:aws:s3:::docs/home/${aws:username}/*");
        assert_eq!(statement.condition.0[&Operator::STRING_LIKE].values().next().unwrap().iter().next().unwrap(), "home/${aws:username}/");
    }

    #[test]
    fn service_prefixes_in_any_case_are_accepted_and_kept_as_written() {
        use crate::plugin::Value;
        use crate::provider::testing::{list, read, s, APPLICATION_ID, INDEX_ID};
        let statement = Value::List(vec![Value::object([
            (args::SID, s("Upper")),
            (args::ACTIONS, list(&["S3:GetObject"])),
            (args::RESOURCES, list(&["arn:aws:s3:::my-docs/*"])),
        ])]);
        let connector = read(
            crate::provider::descriptor::CONNECTOR_POLICY.type_name,
            &[
                (args::CONNECTOR, s("s3")),
                (args::APPLICATION_ID, s(APPLICATION_ID)),
                (args::INDEX_ID, s(INDEX_ID)),
                (args::BUCKET, s("my-docs")),
                (args::STATEMENT, statement),
            ],
        );
        assert_eq!(connector.diagnostics, Vec::<String>::new());
        assert!(connector.json.unwrap().contains("\"Action\": \"S3:GetObject\""));
        let source = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Partner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"STS:AssumeRole"}]}"#;
        let trust = read(
            crate::provider::descriptor::TRUST_POLICY.type_name,
            &[(args::KIND, s("connector")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::SOURCE_POLICY_DOCUMENTS, list(&[source]))],
        );
        assert_eq!(trust.diagnostics, Vec::<String>::new());
        assert!(trust.json.unwrap().contains("\"Action\": \"STS:AssumeRole\""));
    }
}
