//! Every check of AWS's Access Analyzer check reference that applies to identity, role trust or
//! S3 bucket policies, and what this provider does with it; `docs/guides/policy-checks.md` is
//! made from this table, and a test holds it to the engine.

use super::FindingType;

/// What the provider does with one of Access Analyzer's checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// The findings engine implements it, with the check's own code.
    Implemented,
    /// Existing validation refuses or reports the same, in the words given.
    Covered(&'static str),
    /// It cannot be decided from the document and AWS's published data alone: why.
    NotOffline(&'static str),
    /// It could be decided offline but is not implemented: why.
    NotImplemented(&'static str),
    /// It concerns service or resource control policies only.
    OtherPolicyTypes,
}

/// One check of AWS's reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The issue code.
    pub code: &'static str,
    /// Its finding type.
    pub finding_type: FindingType,
    /// What the provider does with it.
    pub coverage: Coverage,
}

/// Every check of the reference (IAM user guide, "IAM policy validation check reference", read
/// in full from the weekly mirror `crowecawcaw/aws-docs-history` at d545dd7b and `c2hans/aws-docs`
/// at 4be7d6f6), in the page's order, each code once.
pub const REFERENCE_CHECKS: &[Reference] = &[
    Reference { code: "ARN_ACCOUNT_NOT_ALLOWED", finding_type: FindingType::Error, coverage: Coverage::Covered("AWS's service data: the ARN fits none of its actions' resource ARN formats (\"is no resource any action of the statement acts on\")") },
    Reference { code: "ARN_REGION_NOT_ALLOWED", finding_type: FindingType::Error, coverage: Coverage::Covered("AWS's service data: the ARN fits none of its actions' resource ARN formats") },
    Reference { code: "DATA_TYPE_MISMATCH", finding_type: FindingType::Error, coverage: Coverage::Covered("the document parser (`policy::json`): each element's JSON type is checked, e.g. \"Sid: must be a string\"") },
    Reference { code: "DUPLICATE_KEYS_WITH_DIFFERENT_CASE", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "INVALID_ACTION", finding_type: FindingType::Error, coverage: Coverage::Covered("AWS's service data (`policy::service_data`): \"is not an action of SERVICE\"") },
    Reference { code: "INVALID_ARN_ACCOUNT", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "INVALID_ARN_PREFIX", finding_type: FindingType::Error, coverage: Coverage::Covered("the form rules: \"is not \\\"*\\\" or an ARN\"") },
    Reference { code: "INVALID_ARN_REGION", finding_type: FindingType::Error, coverage: Coverage::NotOffline("needs each service's regions, which AWS's service data does not hold") },
    Reference { code: "INVALID_ARN_RESOURCE", finding_type: FindingType::Error, coverage: Coverage::Covered("AWS's service data: the ARN fits none of its actions' resource ARN formats") },
    Reference { code: "INVALID_ARN_SERVICE_CASE", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "INVALID_CONDITION_DATA_TYPE", finding_type: FindingType::Error, coverage: Coverage::Covered("the document parser: condition values are strings, numbers or booleans; `Bool`/`Null` take true or false") },
    Reference { code: "INVALID_CONDITION_KEY_FORMAT", finding_type: FindingType::Error, coverage: Coverage::Covered("`ConditionKey::named`: \"expected prefix:name\"") },
    Reference { code: "INVALID_CONDITION_MULTIPLE_BOOLEAN", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "INVALID_CONDITION_OPERATOR", finding_type: FindingType::Error, coverage: Coverage::Covered("`Operator::parse`: \"is not an IAM condition operator\"") },
    Reference { code: "INVALID_EFFECT", finding_type: FindingType::Error, coverage: Coverage::Covered("`Effect::parse`: \"valid are Allow and Deny\"") },
    Reference { code: "INVALID_GLOBAL_CONDITION_KEY", finding_type: FindingType::Error, coverage: Coverage::Covered("AWS's service data: \"is not one of AWS's global condition keys\" (a warning: the list may lag AWS)") },
    Reference { code: "INVALID_PARTITION", finding_type: FindingType::Error, coverage: Coverage::NotOffline("needs which partitions each service is in, which AWS's service data does not hold") },
    Reference { code: "INVALID_POLICY_ELEMENT", finding_type: FindingType::Error, coverage: Coverage::Covered("the document parser: \"unexpected key\"") },
    Reference { code: "INVALID_PRINCIPAL_FORMAT", finding_type: FindingType::Error, coverage: Coverage::Covered("the document parser: Principal \"must be \\\"*\\\" or an object\"") },
    Reference { code: "INVALID_PRINCIPAL_KEY", finding_type: FindingType::Error, coverage: Coverage::Covered("`PrincipalKind::parse`: \"is not a principal type\"") },
    Reference { code: "INVALID_REGION", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "INVALID_SERVICE", finding_type: FindingType::Error, coverage: Coverage::Covered("AWS's service data: \"is not a service in this provider's AWS data\"") },
    Reference { code: "INVALID_SERVICE_CONDITION_KEY", finding_type: FindingType::Error, coverage: Coverage::Covered("AWS's service data: \"is not a condition key in this provider's AWS data\"") },
    Reference { code: "INVALID_SERVICE_IN_ACTION", finding_type: FindingType::Error, coverage: Coverage::Covered("AWS's service data: \"is not a service in this provider's AWS data\"") },
    Reference { code: "INVALID_VARIABLE_FOR_OPERATOR", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "INVALID_VERSION", finding_type: FindingType::Error, coverage: Coverage::Covered("the document parser: Version \"must be 2012-10-17\"") },
    Reference { code: "JSON_SYNTAX_ERROR", finding_type: FindingType::Error, coverage: Coverage::Covered("the document parser: \"not valid JSON\" with serde's line and column") },
    Reference { code: "MISSING_ACTION", finding_type: FindingType::Error, coverage: Coverage::Covered("the document parser: \"needs exactly one of Action and NotAction\"") },
    Reference { code: "MISSING_ARN_FIELD", finding_type: FindingType::Error, coverage: Coverage::Covered("the form rules (`policy::lint`): \"is not \\\"*\\\" or an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)\"") },
    Reference { code: "MISSING_ARN_REGION", finding_type: FindingType::Error, coverage: Coverage::Covered("AWS's service data: the ARN fits none of its actions' resource ARN formats") },
    Reference { code: "MISSING_EFFECT", finding_type: FindingType::Error, coverage: Coverage::Covered("the document parser: Effect \"is missing\"") },
    Reference { code: "MISSING_PRINCIPAL", finding_type: FindingType::Error, coverage: Coverage::Covered("the form rules: \"a trust policy statement needs a Principal\"") },
    Reference { code: "MISSING_QUALIFIER", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "MISSING_RESOURCE", finding_type: FindingType::Error, coverage: Coverage::Covered("the form rules: \"a permissions policy statement needs Resource or NotResource\"") },
    Reference { code: "MISSING_STATEMENT", finding_type: FindingType::Error, coverage: Coverage::Covered("the document parser and the form rules: \"a policy needs at least one statement\"") },
    Reference { code: "NULL_WITH_IF_EXISTS", finding_type: FindingType::Error, coverage: Coverage::Covered("`Operator::parse` refuses `NullIfExists`") },
    Reference { code: "SCP_SYNTAX_ERROR_ACTION_WILDCARD", finding_type: FindingType::Error, coverage: Coverage::OtherPolicyTypes },
    Reference { code: "SCP_SYNTAX_ERROR_PRINCIPAL", finding_type: FindingType::Error, coverage: Coverage::OtherPolicyTypes },
    Reference { code: "UNIQUE_SIDS_REQUIRED", finding_type: FindingType::Error, coverage: Coverage::Covered("the form rules: \"Sids must be unique\"") },
    Reference { code: "UNSUPPORTED_ACTION_IN_POLICY", finding_type: FindingType::Error, coverage: Coverage::NotOffline("needs the resource the policy is attached to, which the document does not name") },
    Reference { code: "UNSUPPORTED_ELEMENT_COMBINATION", finding_type: FindingType::Error, coverage: Coverage::Covered("the document parser: \"has both Resource and NotResource\", \"has both Principal and NotPrincipal\", one of Action and NotAction") },
    Reference { code: "UNSUPPORTED_GLOBAL_CONDITION_KEY", finding_type: FindingType::Error, coverage: Coverage::Covered("AWS's service data (`aws:ARN` is no global key it knows) and DEPRECATED_GLOBAL_CONDITION_KEY") },
    Reference { code: "UNSUPPORTED_PRINCIPAL", finding_type: FindingType::Error, coverage: Coverage::Covered("the form rules: \"a permissions policy must not name a Principal\"") },
    Reference { code: "UNSUPPORTED_RESOURCE_ARN_IN_POLICY", finding_type: FindingType::Error, coverage: Coverage::NotOffline("needs the resource the policy is attached to, which the document does not name") },
    Reference { code: "UNSUPPORTED_SID", finding_type: FindingType::Error, coverage: Coverage::Covered("the form rules: \"may contain only letters and digits\"") },
    Reference { code: "UNSUPPORTED_WILDCARD_IN_PRINCIPAL", finding_type: FindingType::Error, coverage: Coverage::Covered("the form rules: a principal with a wildcard or policy variable \"is not a principal IAM accepts\"") },
    Reference { code: "MISSING_BRACE_IN_VARIABLE", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "MISSING_QUOTE_IN_VARIABLE", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "UNSUPPORTED_SPACE_IN_VARIABLE", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "EMPTY_VARIABLE", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "VARIABLE_UNSUPPORTED_IN_ELEMENT", finding_type: FindingType::Error, coverage: Coverage::Covered("the form rules: `$` is no character of an action, and principals refuse policy variables") },
    Reference { code: "VARIABLE_UNSUPPORTED_IN_VERSION", finding_type: FindingType::Error, coverage: Coverage::Covered("the document parser accepts Version 2012-10-17 only") },
    Reference { code: "PRIVATE_IP_ADDRESS", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "PRIVATE_NOT_IP_ADDRESS", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "POLICY_SIZE_EXCEEDS_SCP_QUOTA", finding_type: FindingType::Error, coverage: Coverage::OtherPolicyTypes },
    Reference { code: "INVALID_SERVICE_PRINCIPAL_FORMAT", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "MISSING_TAG_KEY_IN_CONDITION", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "INVALID_VPC_FORMAT", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "INVALID_VPCE_FORMAT", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "FEDERATED_PRINCIPAL_NOT_SUPPORTED", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "UNSUPPORTED_ACTION_FOR_CONDITION_KEY", finding_type: FindingType::Error, coverage: Coverage::NotImplemented("needs each action's condition keys; the compiled-in data holds each service's keys, not each action's") },
    Reference { code: "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL", finding_type: FindingType::Error, coverage: Coverage::NotOffline("needs which keys each service principal sends, which AWS publishes nowhere as data") },
    Reference { code: "ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "TYPE_MISMATCH_IP_RANGE", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "MISSING_ACTION_FOR_CONDITION_KEY", finding_type: FindingType::Error, coverage: Coverage::NotImplemented("needs each action's condition keys; the compiled-in data holds each service's keys") },
    Reference { code: "INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "MISMATCHED_ACTION_FOR_PRINCIPAL", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY", finding_type: FindingType::Error, coverage: Coverage::Implemented },
    Reference { code: "POLICY_SIZE_EXCEEDS_RCP_QUOTA", finding_type: FindingType::Error, coverage: Coverage::OtherPolicyTypes },
    Reference { code: "RCP_SYNTAX_ERROR_PRINCIPAL", finding_type: FindingType::Error, coverage: Coverage::OtherPolicyTypes },
    Reference { code: "RCP_SYNTAX_ERROR_ALLOW", finding_type: FindingType::Error, coverage: Coverage::OtherPolicyTypes },
    Reference { code: "RCP_SYNTAX_ERROR_NOTACTION", finding_type: FindingType::Error, coverage: Coverage::OtherPolicyTypes },
    Reference { code: "RCP_SYNTAX_ERROR_ACTION", finding_type: FindingType::Error, coverage: Coverage::OtherPolicyTypes },
    Reference { code: "MISSING_ARN_ACCOUNT", finding_type: FindingType::Error, coverage: Coverage::Covered("AWS's service data: the ARN fits none of its actions' resource ARN formats") },
    Reference { code: "INVALID_KMS_KEY_VALUE", finding_type: FindingType::Error, coverage: Coverage::NotOffline("the reference does not say which keys take KMS key ARNs") },
    Reference { code: "VARIABLE_USAGE_TOO_PERMISSIVE", finding_type: FindingType::Error, coverage: Coverage::NotOffline("the reference does not list the keys it counts as sensitive") },
    Reference { code: "WILDCARD_USAGE_TOO_PERMISSIVE", finding_type: FindingType::Error, coverage: Coverage::NotOffline("the reference does not list the keys it counts as sensitive") },
    Reference { code: "CREATE_SLR_WITH_NOT_RESOURCE", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "CREATE_SLR_WITH_STAR_IN_RESOURCE", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "DEPRECATED_GLOBAL_CONDITION_KEY", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "INVALID_DATE_VALUE", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "INVALID_ROLE_REFERENCE", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "INVALID_USER_REFERENCE", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "MISSING_VERSION", finding_type: FindingType::Warning, coverage: Coverage::Covered("the document parser: Version is required") },
    Reference { code: "UNIQUE_SIDS_RECOMMENDED", finding_type: FindingType::Warning, coverage: Coverage::Covered("the form rules, as an error: \"Sids must be unique\"") },
    Reference { code: "WILDCARD_WITHOUT_LIKE_OPERATOR", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", finding_type: FindingType::Warning, coverage: Coverage::Covered("the size check (`policy::size`): the roles' inline quota, a warning at 90 % and an error above") },
    Reference { code: "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA", finding_type: FindingType::Warning, coverage: Coverage::Covered("the size check: S3's 20 KB bucket policy quota") },
    Reference { code: "TYPE_MISMATCH", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "TYPE_MISMATCH_BOOLEAN", finding_type: FindingType::Warning, coverage: Coverage::Covered("`Operator::check_values`: \"compares with true or false only\"") },
    Reference { code: "TYPE_MISMATCH_DATE", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "TYPE_MISMATCH_NUMBER", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "TYPE_MISMATCH_STRING", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA", finding_type: FindingType::Warning, coverage: Coverage::Covered("the size check: the trust policy quota (2,048, or up to 4,096 raised)") },
    Reference { code: "RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY", finding_type: FindingType::Warning, coverage: Coverage::OtherPolicyTypes },
    Reference { code: "RCP_MISSING_RELATED_SERVICE_PRINCIPAL_CONDITION_KEY", finding_type: FindingType::Warning, coverage: Coverage::OtherPolicyTypes },
    Reference { code: "RCP_MISSING_SERVICE_CONDITION_KEY_NULL_CHECK", finding_type: FindingType::Warning, coverage: Coverage::OtherPolicyTypes },
    Reference { code: "USE_CONDITION_KEY_ONLY_WITH_SUPPORTED_SERVICES", finding_type: FindingType::Warning, coverage: Coverage::Implemented },
    Reference { code: "UNTRUSTWORTHY_CONDITION_KEY", finding_type: FindingType::SecurityWarning, coverage: Coverage::NotOffline("the reference does not name the keys a caller can forge") },
    Reference { code: "ALLOW_WITH_NOT_PRINCIPAL", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "FORALLVALUES_WITH_SINGLE_VALUED_KEY", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "PASS_ROLE_WITH_NOT_RESOURCE", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "PASS_ROLE_WITH_STAR_IN_RESOURCE", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "MISSING_PAIRED_CONDITION_KEYS", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "MISSING_GITHUB_REPO_CONDITION_KEY", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "DYNAMODB_ATTRIBUTES_WITHOUT_SELECT", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "S3_PREFIX_IN_NEGATIVE_CONTEXT", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE", finding_type: FindingType::SecurityWarning, coverage: Coverage::Implemented },
    Reference { code: "EMPTY_ARRAY_ACTION", finding_type: FindingType::Suggestion, coverage: Coverage::Covered("the document parser, as an error: \"must not be empty\"") },
    Reference { code: "EMPTY_ARRAY_CONDITION", finding_type: FindingType::Suggestion, coverage: Coverage::Covered("the document parser, as an error: \"must not be empty\"") },
    Reference { code: "EMPTY_ARRAY_CONDITION_FORALLVALUES", finding_type: FindingType::Suggestion, coverage: Coverage::Covered("the document parser, as an error: \"must not be empty\"") },
    Reference { code: "EMPTY_ARRAY_CONDITION_FORANYVALUE", finding_type: FindingType::Suggestion, coverage: Coverage::Covered("the document parser, as an error: \"must not be empty\"") },
    Reference { code: "EMPTY_ARRAY_CONDITION_IFEXISTS", finding_type: FindingType::Suggestion, coverage: Coverage::Covered("the document parser, as an error: \"must not be empty\"") },
    Reference { code: "EMPTY_ARRAY_PRINCIPAL", finding_type: FindingType::Suggestion, coverage: Coverage::Covered("the document parser, as an error: \"must not be empty\"") },
    Reference { code: "EMPTY_ARRAY_RESOURCE", finding_type: FindingType::Suggestion, coverage: Coverage::Covered("the document parser, as an error: \"must not be empty\"") },
    Reference { code: "EMPTY_OBJECT_CONDITION", finding_type: FindingType::Suggestion, coverage: Coverage::NotImplemented("the document model reads an empty Condition as none, which is what IAM does; nothing to report") },
    Reference { code: "EMPTY_OBJECT_PRINCIPAL", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "EMPTY_SID_VALUE", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "EQUIVALENT_TO_NULL_FALSE", finding_type: FindingType::Suggestion, coverage: Coverage::NotOffline("the reference gives no rule for which key and operator pairs are presence tests") },
    Reference { code: "EQUIVALENT_TO_NULL_TRUE", finding_type: FindingType::Suggestion, coverage: Coverage::NotOffline("the reference gives no rule for which key and operator pairs are presence tests") },
    Reference { code: "IMPROVE_IP_RANGE", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "NULL_WITH_QUALIFIER", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "PRIVATE_IP_ADDRESS_SUBSET", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "PRIVATE_NOT_IP_ADDRESS_SUBSET", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "REDUNDANT_ACTION", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "REDUNDANT_CONDITION_VALUE_NUM", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "REDUNDANT_RESOURCE", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "REDUNDANT_STATEMENT", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "WILDCARD_IN_SERVICE_NAME", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL", finding_type: FindingType::Suggestion, coverage: Coverage::Covered("RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL, a security warning on the same statements") },
    Reference { code: "IRRELEVANT_CONDITION_KEY_IN_POLICY", finding_type: FindingType::Suggestion, coverage: Coverage::NotOffline("needs the resource the policy is attached to, which the document does not name") },
    Reference { code: "REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
    Reference { code: "REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION", finding_type: FindingType::Suggestion, coverage: Coverage::NotImplemented("the reference's description of when a pattern can never match is not precise enough to implement") },
    Reference { code: "CONFIRM_AUDIENCE_CLAIM_TYPE", finding_type: FindingType::Suggestion, coverage: Coverage::Implemented },
];

/// The share of the checks that apply to identity, trust or bucket policies and can be decided
/// offline that the provider implements or covers: (implemented, covered, decidable).
pub fn offline_share() -> (usize, usize, usize) {
    let applicable = REFERENCE_CHECKS.iter().filter(|r| !matches!(r.coverage, Coverage::OtherPolicyTypes | Coverage::NotOffline(_)));
    let (mut implemented, mut covered, mut decidable) = (0, 0, 0);
    for reference in applicable {
        decidable += 1;
        match reference.coverage {
            Coverage::Implemented => implemented += 1,
            Coverage::Covered(_) => covered += 1,
            _ => {}
        }
    }
    (implemented, covered, decidable)
}

#[cfg(test)]
mod tests {
    use super::super::checks;
    use super::*;

    #[test]
    fn the_table_says_what_the_engine_implements() {
        let implemented: Vec<(&str, FindingType)> =
            REFERENCE_CHECKS.iter().filter(|r| r.coverage == Coverage::Implemented).map(|r| (r.code, r.finding_type)).collect();
        let mut engine: Vec<(&str, FindingType)> = checks().iter().map(|c| (c.code, c.finding_type)).collect();
        let mut table = implemented.clone();
        engine.sort();
        table.sort();
        assert_eq!(table, engine);
        let codes: std::collections::BTreeSet<&str> = REFERENCE_CHECKS.iter().map(|r| r.code).collect();
        assert_eq!(codes.len(), REFERENCE_CHECKS.len(), "a code is listed twice");
    }

    #[test]
    fn every_offline_security_warning_and_four_fifths_of_all_offline_checks() {
        let missing: Vec<&str> = REFERENCE_CHECKS
            .iter()
            .filter(|r| r.finding_type == FindingType::SecurityWarning)
            .filter(|r| matches!(r.coverage, Coverage::NotImplemented(_)))
            .map(|r| r.code)
            .collect();
        assert_eq!(missing, Vec::<&str>::new());
        let (implemented, covered, decidable) = offline_share();
        assert!((implemented + covered) * 5 >= decidable * 4, "{implemented} + {covered} of {decidable}");
    }
}
