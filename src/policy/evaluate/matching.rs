//! How IAM matches one text against a pattern: globs with `*` and `?`, policy variables
//! substituted from the request's context, and ARNs matched segment by segment.

use super::context::Context;
use crate::policy::text::{key_and_default, pieces, Piece};

/// One element of a pattern: a character to match as written, any one character, or any run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Token {
    Char(char),
    One,
    Any,
    /// In an ARN's first five segments: one character other than `:`.
    OneInSegment,
    /// In an ARN's first five segments: any run of characters without `:`.
    AnyInSegment,
}

/// Whether wildcards in a pattern's own text are wildcards (`StringLike`, `ArnLike`, `Resource`,
/// `Action`) or characters to match as written (`StringEquals`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Wildcards {
    Glob,
    Literal,
}

/// `text`'s tokens with its policy variables replaced by their values from `context`; `None` when
/// a variable has no value there and no default, so the pattern matches nothing (IAM's rule).
/// `${*}`, `${?}` and `${$}` stand for those characters as written, never for wildcards.
pub(super) fn tokens(text: &str, wildcards: Wildcards, context: Option<&Context>) -> Option<Vec<Token>> {
    let Some(context) = context else { return Some(plain(text, wildcards).collect()) };
    let mut out = Vec::with_capacity(text.len());
    for piece in pieces(text) {
        match piece {
            Piece::Text(text) | Piece::Unclosed(text) => out.extend(plain(text, wildcards)),
            Piece::Variable(inside) => out.extend(variable(inside, context)?.chars().map(Token::Char)),
        }
    }
    Some(out)
}

/// Whether every policy variable of `text` has a value in `context` (or a default).
pub(super) fn resolvable(text: &str, context: &Context) -> bool {
    tokens(text, Wildcards::Literal, Some(context)).is_some()
}

fn plain(text: &str, wildcards: Wildcards) -> impl Iterator<Item = Token> + '_ {
    text.chars().map(move |c| match (wildcards, c) {
        (Wildcards::Glob, '*') => Token::Any,
        (Wildcards::Glob, '?') => Token::One,
        _ => Token::Char(c),
    })
}

/// The value of the variable written `inside` `${…}`: a special character, a context key's
/// single value, or its default (`${aws:username, 'guest'}`).
fn variable(inside: &str, context: &Context) -> Option<String> {
    match inside {
        "*" | "?" | "$" => return Some(inside.to_owned()),
        _ => {}
    }
    let (key, default) = key_and_default(inside);
    let (key, default) = (key.trim(), default.and_then(|d| d.strip_prefix('\'')?.strip_suffix('\'')));
    match context.single(key) {
        Some(value) => Some(value.to_owned()),
        None => default.map(str::to_owned),
    }
}

/// Whether `text` matches `pattern`, by characters or without regard to ASCII case.
pub(super) fn glob(pattern: &[Token], text: &str, ignore_case: bool) -> bool {
    let same = |a: char, b: char| if ignore_case { a.eq_ignore_ascii_case(&b) } else { a == b };
    // A pattern without wildcards, the most common, is compared character by character.
    if pattern.iter().all(|token| matches!(token, Token::Char(_))) {
        let mut chars = text.chars();
        let equal = pattern.iter().all(|token| matches!(token, Token::Char(c) if chars.next().is_some_and(|t| same(*c, t))));
        return equal && chars.next().is_none();
    }
    let text: Vec<char> = text.chars().collect();
    // reachable[j]: the pattern read so far can match text[..j]. One pass per token, over two
    // rows reused for every token.
    let mut reachable = vec![false; text.len() + 1];
    let mut next = vec![false; text.len() + 1];
    reachable[0] = true;
    for token in pattern {
        next.fill(false);
        match token {
            Token::Any | Token::AnyInSegment => {
                let mut open = false;
                for j in 0..=text.len() {
                    if *token == Token::AnyInSegment && j > 0 && text[j - 1] == ':' {
                        open = false;
                    }
                    open |= reachable[j];
                    next[j] = open;
                }
            }
            _ => {
                for j in 0..text.len() {
                    if reachable[j] {
                        next[j + 1] = match token {
                            Token::Char(c) => same(*c, text[j]),
                            Token::One => true,
                            Token::OneInSegment => text[j] != ':',
                            Token::Any | Token::AnyInSegment => unreachable!("handled above"),
                        };
                    }
                }
            }
        }
        std::mem::swap(&mut reachable, &mut next);
        if !reachable.contains(&true) {
            return false;
        }
    }
    reachable[text.len()]
}

/// Whether `text` matches `pattern` with the pattern's `*` and `?` as wildcards and its variables
/// substituted.
pub(super) fn glob_text(pattern: &str, text: &str, ignore_case: bool, context: Option<&Context>) -> bool {
    tokens(pattern, Wildcards::Glob, context).is_some_and(|t| glob(&t, text, ignore_case))
}

/// How an ARN pattern is read: a `Resource` entry or a condition value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ArnPattern {
    /// In `Resource`/`NotResource`: fewer than six segments are completed with `*` segments
    /// (`arn:aws:sqs` is `arn:aws:sqs:*:*:*`), and a `*` ending one of the first five segments may
    /// run on across colons (IAM user guide: Resource element, ARNs).
    Resource,
    /// In an `Arn…` condition: six segments, each matched on its own (condition operators page).
    Condition,
}

/// Whether the ARN `text` matches the ARN pattern, read as `how` says. In the first five segments
/// `*` and `?` stay within their segment; in the resource part, which may itself hold colons, `*`
/// matches any run. `*` alone matches everything.
pub(super) fn arn(pattern: &str, text: &str, how: ArnPattern, context: Option<&Context>) -> bool {
    if pattern == "*" {
        return true;
    }
    let mut segments: Vec<&str> = pattern.splitn(6, ':').collect();
    match how {
        ArnPattern::Resource => segments.resize(6, "*"),
        ArnPattern::Condition if segments.len() < 6 => return false,
        ArnPattern::Condition => {}
    }
    let mut pattern_tokens = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        if i > 0 {
            pattern_tokens.push(Token::Char(':'));
        }
        let Some(tokens) = tokens(segment, Wildcards::Glob, context) else { return false };
        let last = tokens.len();
        let runs_on = how == ArnPattern::Resource;
        pattern_tokens.extend(tokens.into_iter().enumerate().map(|(j, token)| match token {
            Token::Any if i < 5 && (j + 1 < last || !runs_on) => Token::AnyInSegment,
            Token::One if i < 5 => Token::OneInSegment,
            token => token,
        }));
    }
    glob(&pattern_tokens, text, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::evaluate::context::ContextValue;

    #[test]
    fn globs() {
        let rows = [
            ("star matches a run", "s3:Get*", "s3:GetObject", true),
            ("star matches nothing", "s3:GetObject*", "s3:GetObject", true),
            ("question mark is one", "s3:GetObjec?", "s3:GetObject", true),
            ("question mark is not none", "s3:GetObject?", "s3:GetObject", false),
            ("backtracking", "a*b*c", "axxbyyc", true),
            ("backtracking fails", "a*b*c", "axxbyy", false),
            ("case matters", "S3:getobject", "s3:GetObject", false),
            ("literal, equal", "s3:GetObject", "s3:GetObject", true),
            ("literal, text longer", "s3:GetObject", "s3:GetObjectAcl", false),
            ("literal, text shorter", "s3:GetObjectAcl", "s3:GetObject", false),
            ("literal, empty against text", "", "s3", false),
            ("literal, empty against empty", "", "", true),
            ("literal, beyond ASCII", "arn:aws:s3:::b\u{fc}cher", "arn:aws:s3:::b\u{fc}cher", true),
        ];
        for (name, pattern, text, expected) in rows {
            assert_eq!(glob_text(pattern, text, false, None), expected, "{name}");
        }
        assert!(glob_text("S3:getobject", "s3:GetObject", true, None));
        assert!(!glob_text("S3:getobject", "s3:GetObjectAcl", true, None), "ignoring case, a literal still ends where the text ends");
    }

    #[test]
    fn variables() {
        let context = Context::from_iter([("aws:username", ContextValue::Single("ana".into()))]);
        let rows = [
            ("substituted", "home/${aws:username}/*", "home/ana/notes", true),
            ("key case does not matter", "home/${AWS:UserName}/*", "home/ana/notes", true),
            ("value is literal", "home/${aws:username}", "home/ana", true),
            ("missing key matches nothing", "home/${aws:userid}/*", "home/ana/x", false),
            ("default for a missing key", "home/${aws:userid, 'guest'}/*", "home/guest/x", true),
            ("escaped star is a character", "a${*}b", "a*b", true),
            ("escaped star is no wildcard", "a${*}b", "axb", false),
            ("escaped question mark", "a${?}", "a?", true),
            ("escaped dollar", "${$}{x}", "${x}", true),
        ];
        for (name, pattern, text, expected) in rows {
            assert_eq!(glob_text(pattern, text, false, Some(&context)), expected, "{name}");
        }
    }

    #[test]
    fn arns_match_segment_by_segment() {
        let rows = [
            ("whole wildcard", "*", "arn:aws:s3:::docs/a", true),
            (
                "resource with colons",
                "arn:aws:logs:*:*:log-group:/aws/qbusiness/*",
                "arn:aws:logs:us-east-1:1:log-group:/aws/qbusiness/x:*",
                true,
            ),
            ("short pattern is completed with stars", "arn:aws:s3", "arn:aws:s3:::docs", true),
            ("a segment's last star runs on", "arn:aws:s3:*", "arn:aws:s3:::docs", true),
            ("a star within a segment stays there", "arn:aws:kms:*-1:111122223333:key/k", "arn:aws:kms:us:x-1:111122223333:key/k", false),
            (
                "question mark stays in its segment",
                "arn:aws:kms:us-east-?:111122223333:key/k",
                "arn:aws:kms:us-east-:111122223333:key/k",
                false,
            ),
            ("region wildcard", "arn:aws:kms:*:111122223333:key/*", "arn:aws:kms:eu-west-1:111122223333:key/k", true),
            ("account differs", "arn:aws:kms:*:111122223333:key/*", "arn:aws:kms:eu-west-1:444455556666:key/k", false),
            ("resource spans slashes", "arn:aws:s3:::docs*", "arn:aws:s3:::docs/a/b", true),
            ("case matters", "arn:aws:s3:::Docs", "arn:aws:s3:::docs", false),
        ];
        for (name, pattern, text, expected) in rows {
            assert_eq!(arn(pattern, text, ArnPattern::Resource, None), expected, "{name}");
        }
        let conditions = [
            ("six segments", "arn:aws:qbusiness:*:*:application/*", "arn:aws:qbusiness:us-east-1:1:application/a", true),
            ("a short pattern matches nothing", "arn:aws:qbusiness:*", "arn:aws:qbusiness:us-east-1:1:application/a", false),
            ("a segment's last star stays", "arn:aws:qbusiness:*:1:application/a", "arn:aws:qbusiness:us:east:1:application/a", false),
        ];
        for (name, pattern, text, expected) in conditions {
            assert_eq!(arn(pattern, text, ArnPattern::Condition, None), expected, "{name}");
        }
    }
}
