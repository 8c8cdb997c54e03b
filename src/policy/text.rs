//! What a value taken from input may hold where it stands for one thing in a policy (an ARN, a
//! principal, a condition value): no wildcard and no policy variable, which would make it stand for
//! many. The one wording of that rule.

/// Why a value that must name one thing may not hold wildcards or policy variables.
pub const WIDENS: &str = "wildcards (* and ?) and policy variables (${…}, &{…}) would widen the policy";

/// Whether `text` holds an IAM wildcard (`*`, `?`) or a policy variable (`${…}`, or `&{…}` as HCL
/// writes one for `aws_iam_policy_document`).
pub fn widens(text: &str) -> bool {
    text.contains(['*', '?']) || text.contains("${") || text.contains("&{")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_and_variables_widen() {
        for wide in ["*", "a?", "arn:aws:iam::*:root", "${aws:username}", "&{aws:username}", "x${y}"] {
            assert!(widens(wide), "{wide}");
        }
        for narrow in ["qbusiness-web", "a$b", "a&b", "{x}", "arn:aws:iam::123456789012:root"] {
            assert!(!widens(narrow), "{narrow}");
        }
    }
}
