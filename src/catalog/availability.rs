//! Where Amazon Q Business runs: its partitions and regions (reference §1).

use thiserror::Error;

use crate::policy::{Partition, Region};

/// Regions with a Q Business endpoint, by partition. No aws-cn or aws-us-gov endpoint exists.
pub const QBUSINESS_REGIONS: &[(Partition, &str)] =
    &[(Partition::Aws, "ap-southeast-2"), (Partition::Aws, "eu-west-1"), (Partition::Aws, "us-east-1"), (Partition::Aws, "us-west-2")];

/// Regions whose Q Business lacks Amazon Q Apps (reference §1, partly verified: a warning, not an error).
pub const QAPPS_UNAVAILABLE_REGIONS: &[&str] = &["ap-southeast-2", "eu-west-1"];

/// A partition or region without Amazon Q Business.
#[allow(missing_docs)] // the variants' fields are named for what they hold
#[derive(Debug, Error, PartialEq, Eq)]
pub enum AvailabilityError {
    #[error("Amazon Q Business is not available in region {region:?}; valid regions are {}", valid_regions())]
    Region { region: String },
    #[error("{mismatch}; in {partition} Amazon Q Business runs in {}", regions_of(*partition))]
    PartitionMismatch { partition: Partition, mismatch: String },
    #[error("Amazon Q Business is not available in partition {partition}; it runs only in partition aws (regions {})", valid_regions())]
    Partition { partition: Partition },
}

fn regions_of(partition: Partition) -> String {
    let regions: Vec<&str> = QBUSINESS_REGIONS.iter().filter(|(p, _)| *p == partition).map(|(_, r)| *r).collect();
    if regions.is_empty() {
        "no region".to_owned()
    } else {
        regions.join(", ")
    }
}

/// The regions with Amazon Q Business, joined for messages and descriptions.
pub fn valid_regions() -> String {
    QBUSINESS_REGIONS.iter().map(|(_, r)| *r).collect::<Vec<_>>().join(", ")
}

/// The partitions with Amazon Q Business, joined for messages.
pub fn qbusiness_partitions() -> String {
    let mut partitions: Vec<&str> = QBUSINESS_REGIONS.iter().map(|(p, _)| p.name()).collect();
    partitions.dedup();
    partitions.join(", ")
}

/// The partition must have Amazon Q Business.
pub fn check_partition(partition: Partition) -> Result<(), AvailabilityError> {
    if QBUSINESS_REGIONS.iter().any(|(p, _)| *p == partition) {
        Ok(())
    } else {
        Err(AvailabilityError::Partition { partition })
    }
}

/// The region must have Q Business and belong to the partition.
pub fn check_region(partition: Partition, region: &Region) -> Result<(), AvailabilityError> {
    check_partition(partition)?;
    if QBUSINESS_REGIONS.iter().any(|(p, r)| *p == partition && region == r) {
        return Ok(());
    }
    if let Some(mismatch) = Region::mismatch(region.as_str(), partition) {
        return Err(AvailabilityError::PartitionMismatch { partition, mismatch });
    }
    Err(AvailabilityError::Region { region: region.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_and_partitions() {
        let check_region = |partition, region: &str| check_region(partition, &region.parse().unwrap());
        assert_eq!(check_region(Partition::Aws, "eu-west-1"), Ok(()));
        assert_eq!(
            check_region(Partition::Aws, "eu-central-1").unwrap_err().to_string(),
            "Amazon Q Business is not available in region \"eu-central-1\"; valid regions are ap-southeast-2, eu-west-1, us-east-1, us-west-2"
        );
        assert_eq!(
            check_region(Partition::Aws, "cn-north-1").unwrap_err().to_string(),
            "region \"cn-north-1\" is in partition aws-cn, not aws; in aws Amazon Q Business runs in ap-southeast-2, eu-west-1, us-east-1, us-west-2"
        );
        assert_eq!(
            check_region(Partition::AwsUsGov, "us-gov-west-1").unwrap_err().to_string(),
            "Amazon Q Business is not available in partition aws-us-gov; it runs only in partition aws (regions ap-southeast-2, eu-west-1, us-east-1, us-west-2)"
        );
    }
}
