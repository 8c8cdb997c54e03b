//! Where the documents come from: AWS's user guide pages, as read in full in the public weekly
//! Markdown mirror of AWS's documentation (`crowecawcaw/aws-docs-history`,
//! `docs/amazonq/latest/qbusiness-ug/PAGE.md`) at a recorded snapshot, so a reader can open the
//! very text a row or role was checked against.

/// A user guide page and the mirror snapshot it was read at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    /// The page's name, e.g. `drupal-iam-role` (`…/qbusiness-ug/drupal-iam-role.html` on AWS's site).
    pub page: &'static str,
    /// The mirror's commit holding the text that was read.
    pub snapshot: &'static str,
}

/// The snapshot with the "Amazon Quick" naming (most pages were read here).
pub const SNAPSHOT_3A3CCD3: &str = "3a3ccd3f3c907362b157f2b17aee5541531e2094";
/// The earlier snapshot with the "Amazon Quick Suite" naming; its policies match the later one's.
pub const SNAPSHOT_4E1D803: &str = "4e1d803c4c485c42d1eae2c1f1020133f10f2f7b";
/// The snapshot in AWS's own Markdown, with the banner that Q Business is closed to new customers.
pub const SNAPSHOT_60275B0: &str = "60275b035a62444aa2eeb292a957991016d95517";

/// The snapshot the data accessor page was read at.
pub const SNAPSHOT_01C8F01: &str = "01c8f0115661353e2ed21d8661f2609f9eb09b6c";

/// A role kind whose documents were read from one page.
pub trait Sourced: super::Kind {
    /// The page and the snapshot it was read at.
    fn source(self) -> Source;
}

/// The source of `K`'s kind named `kind` (none for no kind of that name).
pub fn source_of<K: Sourced>(kind: Option<&str>) -> Option<Source> {
    K::named(kind).map(K::source)
}

/// A page read at the "Amazon Quick" snapshot.
pub const fn at_3a3ccd3(page: &'static str) -> Source {
    Source { page, snapshot: SNAPSHOT_3A3CCD3 }
}

/// A page read at the newest snapshot.
pub const fn at_60275b0(page: &'static str) -> Source {
    Source { page, snapshot: SNAPSHOT_60275B0 }
}

impl Source {
    /// The page on AWS's site.
    pub fn url(&self) -> String {
        format!("https://docs.aws.amazon.com/amazonq/latest/qbusiness-ug/{}.html", self.page)
    }

    /// The page as a Markdown link, with its snapshot, for the docs.
    pub fn markdown(&self) -> String {
        format!("[`{}`]({}) (mirror `{}`)", self.page, self.url(), &self.snapshot[..7])
    }
}
