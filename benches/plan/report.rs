//! The report: its sections and targets, the figures' formatting, and the head that sums them up.

use std::fmt::Write as _;
use std::time::Duration;

/// One figure of the targets table: what is measured, its value, the target, and whether it is met.
pub struct Target {
    metric: &'static str,
    value: String,
    target: &'static str,
    met: bool,
}

/// One section of the report: its markdown, and the targets it measured, in the order it met them.
#[derive(Default)]
pub struct Section {
    pub markdown: String,
    pub targets: Vec<Target>,
}

impl Section {
    /// Records a figure of the targets table.
    pub fn target(&mut self, metric: &'static str, value: String, target: &'static str, met: bool) {
        self.targets.push(Target { metric, value, target, met });
    }
}

/// What the head says where the N=1 ratio and the per-document cost go.
pub struct Decomposition {
    /// The N=1 plan of ours, of pure HCL, and of ours attached.
    pub n1: (Duration, Duration, Duration),
    /// Our cost per data source from N=1 to N=100.
    pub per_100: Duration,
    /// The go-plugin peer's cost per document for each schema variant (none without the peer).
    pub peer_per_document: Vec<(&'static str, Duration)>,
}

/// The median of `samples`.
pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// `d` in milliseconds, one decimal.
pub fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// `a` divided by `b`.
pub fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

/// The cost per document between two measurements (N, time) with `from`'s N below `to`'s.
pub fn per_document(from: (usize, Duration), to: (usize, Duration)) -> Duration {
    (to.1.saturating_sub(from.1)) / (to.0 - from.0) as u32
}

/// The whole report: the head (how it was measured, every section's targets, where the costs go),
/// then the sections in order.
pub fn report(rounds: usize, sections: &[Section], decomposition: &Decomposition) -> String {
    let version = std::process::Command::new(crate::common::terraform()).arg("version").output().unwrap();
    let version = String::from_utf8_lossy(&version.stdout).lines().next().unwrap_or("").to_owned();
    let mut head = String::new();
    writeln!(head, "# Benchmarks\n").unwrap();
    writeln!(
        head,
        "Measured by `make bench` ({rounds} rounds per figure, medians; {version}; {} cores). Each ratio compares \
         measurements taken alternately in the same run.\n",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    )
    .unwrap();
    writeln!(head, "## Targets\n").unwrap();
    writeln!(head, "| metric | measured | target | met |").unwrap();
    writeln!(head, "|---|---:|---:|:---:|").unwrap();
    for t in sections.iter().flat_map(|s| &s.targets) {
        writeln!(head, "| {} | {} | {} | {} |", t.metric, t.value, t.target, if t.met { "yes" } else { "no" }).unwrap();
    }
    writeln!(head).unwrap();
    let (ours1, hcl1, attached1) = decomposition.n1;
    writeln!(
        head,
        "Where the N=1 ratio goes: ours − HCL = {} ms, of which {} ms are the three provider processes Terraform \
         starts per plan (the *attached* plan, which starts none, is {:.2}× HCL); a process start is {} ms of \
         Terraform's work (its P-521 certificate, TLS, connection, waiting for the exit) besides our exec → handshake \
         below, so no process-based provider gets near 1.95×.",
        ms(ours1.saturating_sub(hcl1)),
        ms(ours1.saturating_sub(attached1)),
        ratio(attached1, hcl1),
        ms(ours1.saturating_sub(attached1) / 3),
    )
    .unwrap();
    let peer_per_document = &decomposition.peer_per_document;
    if let Some((_, same)) = peer_per_document.iter().find(|(name, _)| *name == "same") {
        let listed: Vec<String> = peer_per_document.iter().map(|(name, per)| format!("{name} {} ms", ms(*per))).collect();
        let verdict = if *same > Duration::from_millis(1) {
            "so with this schema Terraform's own per-instance work is above 1.0 ms for a Go provider too, and only a \
             narrower schema, which would drop arguments users write, lowers it"
        } else {
            "so Terraform's own per-instance work for this schema is within 1.0 ms; the rest is ours"
        };
        writeln!(
            head,
            "\nWhere the per-document cost goes: ours {} ms; the go-plugin peer, whose own work per read is the same in \
             every variant, {} (schema study below), {verdict}.",
            ms(decomposition.per_100),
            listed.join(", ")
        )
        .unwrap();
    }
    writeln!(head).unwrap();
    sections.iter().fold(head, |report, section| report + &section.markdown)
}
