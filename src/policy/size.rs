//! Document size against the IAM quotas (non-whitespace characters) and the allowed character set.

/// Aggregate size of all inline policies of one role.
pub const INLINE_ROLE_POLICIES_LIMIT: usize = 10_240;
/// Size of one customer-managed policy.
pub const MANAGED_POLICY_LIMIT: usize = 6_144;
/// Default `AssumeRolePolicySizeQuota`; it can be raised to [`TRUST_POLICY_MAX_LIMIT`].
pub const TRUST_POLICY_DEFAULT_LIMIT: usize = 2_048;
/// S3's limit on a bucket policy (20 KB).
pub const BUCKET_POLICY_LIMIT: usize = 20_480;
/// The most a raised trust policy quota can be.
pub const TRUST_POLICY_MAX_LIMIT: usize = 4_096;

/// IAM counts characters without whitespace.
pub fn non_whitespace_chars(json: &str) -> usize {
    json.chars().filter(|c| !c.is_whitespace()).count()
}

/// How a document's size compares with its quota.
#[allow(missing_docs)] // the variants' fields are named for what they hold
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeVerdict {
    /// Well within the quota.
    Fits,
    /// At 90 % of the limit or more: fine today, one more statement may not be.
    NearLimit { size: usize, limit: usize },
    /// Over the quota.
    TooLarge { size: usize, limit: usize },
}

/// Judges `size` against `limit`.
pub fn judge_size(size: usize, limit: usize) -> SizeVerdict {
    if size > limit {
        SizeVerdict::TooLarge { size, limit }
    } else if size * 10 >= limit * 9 {
        SizeVerdict::NearLimit { size, limit }
    } else {
        SizeVerdict::Fits
    }
}

/// IAM accepts tab, LF, CR and U+0020..U+00FF only; returns the first other character.
pub fn first_disallowed_char(json: &str) -> Option<char> {
    json.chars().find(|&c| !(matches!(c, '\t' | '\n' | '\r') || ('\u{20}'..='\u{ff}').contains(&c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_without_whitespace() {
        assert_eq!(non_whitespace_chars("{\n  \"a\": \"b c\"\t}"), 10);
    }

    #[test]
    fn verdicts_at_the_edges() {
        assert_eq!(judge_size(9_215, 10_240), SizeVerdict::Fits);
        assert_eq!(judge_size(9_216, 10_240), SizeVerdict::NearLimit { size: 9_216, limit: 10_240 });
        assert_eq!(judge_size(10_240, 10_240), SizeVerdict::NearLimit { size: 10_240, limit: 10_240 });
        assert_eq!(judge_size(10_241, 10_240), SizeVerdict::TooLarge { size: 10_241, limit: 10_240 });
    }

    #[test]
    fn latin1_only() {
        assert_eq!(first_disallowed_char("caf\u{e9}\t"), None);
        assert_eq!(first_disallowed_char("a\u{2013}b"), Some('\u{2013}'));
        assert_eq!(first_disallowed_char("a\u{7}"), Some('\u{7}'));
    }
}
