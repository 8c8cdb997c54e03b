//! The IAM policy document model: statements, conditions, ARNs, partitions, canonical JSON, size
//! limits and merging of user statements. Knows nothing of Terraform or of Q Business.

#![warn(missing_docs)]

pub mod arn;
pub mod compare;
pub mod condition;
pub mod evaluate;
pub mod findings;
pub mod json;
pub mod lint;
pub mod merge;
pub mod service_data;
pub mod size;
pub mod statement;
pub mod text;

pub use arn::{AccountId, Arn, ArnError, Partition, Region};
pub use condition::{Condition, ConditionKey, Operator};
pub use merge::{merge, Additions, MergeError};
pub use statement::{DocumentKind, PolicyDocument, Principal, Statement};
