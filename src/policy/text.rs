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

/// A piece of a text that may hold policy variables: text as written, the inside of a `${…}`, or a
/// `${` never closed (with the rest of the text). The one reading of variable syntax, for
/// evaluation, the checks and the comparison's requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text as written.
    Text(&'a str),
    /// What stands between `${` and `}`.
    Variable(&'a str),
    /// A `${` without its `}`, and the text after it.
    Unclosed(&'a str),
}

/// The pieces of `text`, in order.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        if start > 0 {
            out.push(Piece::Text(&rest[..start]));
        }
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            out.push(Piece::Unclosed(&rest[start..]));
            return out;
        };
        out.push(Piece::Variable(&after[..end]));
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// A variable's key as written and its default after the comma, trimmed, quotes kept:
/// `aws:username, 'guest'` is `("aws:username", Some("'guest'"))`.
pub fn key_and_default(inside: &str) -> (&str, Option<&str>) {
    match inside.split_once(',') {
        Some((key, default)) => (key, Some(default.trim())),
        None => (inside, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_of_texts_with_variables() {
        use Piece::*;
        assert_eq!(pieces("a/${aws:username}/b"), [Text("a/"), Variable("aws:username"), Text("/b")]);
        assert_eq!(pieces("${x}${y}"), [Variable("x"), Variable("y")]);
        assert_eq!(pieces("a${x"), [Text("a"), Unclosed("${x")]);
        assert_eq!(pieces(""), []);
        assert_eq!(key_and_default("aws:userid, 'guest'"), ("aws:userid", Some("'guest'")));
    }

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
