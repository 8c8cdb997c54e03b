//! The `terraform plan` comparisons: N S3 connector documents from ours against pure HCL, ours
//! attached, the go-plugin peer and `aws_iam_policy_document`; a wide plan; provider functions.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use crate::common;
use crate::common::plugin_process::Attached;
use crate::configs::{aws_policy_document_config, bundle_config, function_config, hcl_config, ours_with_aws_config, peer_config};
use crate::peer::GoPeer;
use crate::report::{ms, per_document, ratio, Section};
use crate::terraform::{alternately, documents, sorted_lists, workspace, workspace_with, Contender, PLAN};

/// What the N-documents section hands on to the head: the N=1 plan of ours, of pure HCL and of
/// ours attached; our cost per data source from N=1 to N=100.
pub struct PlanFigures {
    pub n1: (Duration, Duration, Duration),
    pub per_100: Duration,
}

/// `terraform plan` of N S3 connector documents (N = 1 to 1,000): ours, pure HCL, ours attached and
/// the go-plugin peer, after asserting that all produce the same documents.
pub fn documents_section(peer: &Result<GoPeer, String>, rounds: usize) -> (Section, PlanFigures) {
    let mut section = Section::default();
    let mut report = String::new();
    writeln!(report, "## `terraform plan`: N S3 connector documents\n").unwrap();
    writeln!(
        report,
        "*HCL*: the same documents written with `jsonencode` (no provider). *attached*: ours with Terraform attached \
         (`TF_REATTACH_PROVIDERS`) to a provider already running, so no provider process is started. *go-plugin peer*: \
         benches/go-peer, a provider built with hashicorp/go-plugin, grpc-go and go-cty, serving the same schema and \
         document. Ratios are ours divided by the other.\n"
    )
    .unwrap();
    writeln!(report, "| N | ours (ms) | HCL (ms) | ours / HCL | attached (ms) | attached / HCL | go-plugin peer (ms) | ours / peer |")
        .unwrap();
    writeln!(report, "|---:|---:|---:|---:|---:|---:|---:|---:|").unwrap();
    let attached = Attached::start();
    let reattach = [("TF_REATTACH_PROVIDERS", attached.reattach.as_str())];
    let peer_same = peer.as_ref().ok().map(|p| p.peer_dir("same"));
    let mut ours_by_n = Vec::new();
    let mut n1 = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for n in [1, 10, 100, 1000] {
        let ours_ws = workspace(&common::hcl::s3_documents(n));
        let hcl_ws = workspace(&hcl_config(n));
        let peer_ws = peer.as_ref().ok().map(|p| workspace_with(&peer_config(n, "minified_json"), &p.mirrors()));
        let peer_env: Vec<(&str, &str)> = peer_same.iter().map(|dir| ("PEER_DIR", dir.as_str())).collect();
        let mut contenders = vec![Contender::new(&ours_ws), Contender::new(&hcl_ws), Contender::with_env(&ours_ws, &reattach)];
        if let Some(peer_ws) = &peer_ws {
            contenders.push(Contender::with_env(peer_ws, &peer_env));
        }
        let expected = documents(&contenders[0]);
        for other in contenders.iter().skip(1) {
            assert_eq!(documents(other), expected, "N={n}: every configuration must produce the same documents");
        }
        let times = alternately(&contenders, &PLAN, rounds);
        let (ours, hcl, attached_time) = (times[0], times[1], times[2]);
        if n == 1 {
            n1 = (ours, hcl, attached_time);
        }
        let peer_cells = times.get(3).map_or_else(|| ("-".to_owned(), "-".to_owned()), |p| (ms(*p), format!("{:.2}", ratio(ours, *p))));
        writeln!(
            report,
            "| {n} | {} | {} | {:.2} | {} | {:.2} | {} | {} |",
            ms(ours),
            ms(hcl),
            ratio(ours, hcl),
            ms(attached_time),
            ratio(attached_time, hcl),
            peer_cells.0,
            peer_cells.1
        )
        .unwrap();
        eprintln!("plan N={n}: ours {} ms, HCL {} ms, attached {} ms, peer {}", ms(ours), ms(hcl), ms(attached_time), peer_cells.0);
        match n {
            1 => {
                section.target("plan N=1, ours / pure HCL", format!("{:.2}×", ratio(ours, hcl)), "≤ 1.95×", ratio(ours, hcl) <= 1.95);
                if let Some(p) = times.get(3) {
                    section.target("plan N=1, ours / go-plugin peer", format!("{:.2}", ratio(ours, *p)), "≤ 0.55", ratio(ours, *p) <= 0.55);
                }
            }
            100 => {
                if let Some(p) = times.get(3) {
                    section.target(
                        "plan N=100, ours / go-plugin peer (same schema)",
                        format!("{:.2}", ratio(ours, *p)),
                        "≤ 0.70",
                        ratio(ours, *p) <= 0.70,
                    );
                }
            }
            _ => {}
        }
        ours_by_n.push((n, ours));
    }
    drop(attached);
    let per_100 = per_document(ours_by_n[0], ours_by_n[2]);
    writeln!(
        report,
        "\nPer data source (N=1 → 100): {} ms; (N=100 → 1,000): {} ms. Terraform starts a provider three times \
         per plan (schema, validation, plan), each with go-plugin's AutoMTLS (it generates a P-521 client certificate \
         each time); *attached* shows the plan without those starts.\n",
        ms(per_100),
        ms(per_document(ours_by_n[2], ours_by_n[3]))
    )
    .unwrap();
    section.target("per data source at N=100", format!("{} ms", ms(per_100)), "≤ 1.0 ms", per_100 <= Duration::from_millis(1));
    section.markdown = report;
    (section, PlanFigures { n1, per_100 })
}

/// `terraform plan -parallelism=50` of 1,000 data sources: ours, pure HCL and the go-plugin peer.
pub fn parallelism_section(peer: &Result<GoPeer, String>, rounds: usize) -> Section {
    let mut section = Section::default();
    let report = &mut section.markdown;
    writeln!(report, "## `terraform plan -parallelism=50` of 1,000 data sources\n").unwrap();
    writeln!(report, "| ours (ms) | HCL (ms) | go-plugin peer (ms) |").unwrap();
    writeln!(report, "|---:|---:|---:|").unwrap();
    let peer_same = peer.as_ref().ok().map(|p| p.peer_dir("same"));
    let ours_ws = workspace(&common::hcl::s3_documents(1000));
    let hcl_ws = workspace(&hcl_config(1000));
    let peer_ws = peer.as_ref().ok().map(|p| workspace_with(&peer_config(1000, "minified_json"), &p.mirrors()));
    let peer_env: Vec<(&str, &str)> = peer_same.iter().map(|dir| ("PEER_DIR", dir.as_str())).collect();
    let mut contenders = vec![Contender::new(&ours_ws), Contender::new(&hcl_ws)];
    if let Some(peer_ws) = &peer_ws {
        contenders.push(Contender::with_env(peer_ws, &peer_env));
    }
    let plan: Vec<&str> = PLAN.iter().copied().chain(["-parallelism=50"]).collect();
    let times = alternately(&contenders, &plan, rounds.min(3));
    let peer_cell = times.get(2).map_or("-".to_owned(), |p| ms(*p));
    writeln!(report, "| {} | {} | {peer_cell} |\n", ms(times[0]), ms(times[1])).unwrap();
    section.target(
        "plan of 1,000 data sources, parallelism 50",
        format!("{:.2} s", times[0].as_secs_f64()),
        "≤ 2.0 s",
        times[0] <= Duration::from_secs(2),
    );
    section
}

/// `terraform plan` of N documents from ours and from `aws_iam_policy_document`, both beside the
/// AWS provider from `aws` (a mirror holding it, or why there is none).
pub fn aws_section(aws: &Result<PathBuf, String>, rounds: usize) -> Section {
    let mut section = Section::default();
    let report = &mut section.markdown;
    writeln!(report, "## `terraform plan`: ours vs `aws_iam_policy_document`, both beside the AWS provider\n").unwrap();
    match aws {
        Ok(mirror) => {
            writeln!(
                report,
                "The real choice of a module that already uses hashicorp/aws: the same N documents from \
                 `qbusiness_connector_policy` or written with `aws_iam_policy_document`, in a configuration with the \
                 AWS provider configured (offline).\n"
            )
            .unwrap();
            writeln!(report, "| N | ours + AWS provider (ms) | `aws_iam_policy_document` (ms) | ratio |").unwrap();
            writeln!(report, "|---:|---:|---:|---:|").unwrap();
            let mirrors = [("hashicorp/aws", mirror.as_path())];
            for n in [1, 10, 100, 1000] {
                let ours_ws = workspace_with(&ours_with_aws_config(n), &mirrors);
                let aws_ws = workspace_with(&aws_policy_document_config(n), &mirrors);
                let contenders = [Contender::new(&ours_ws), Contender::new(&aws_ws)];
                // aws_iam_policy_document keeps actions and resources as sets, in an order of its own.
                let same = |documents: Vec<serde_json::Value>| documents.into_iter().map(sorted_lists).collect::<Vec<_>>();
                assert_eq!(
                    same(documents(&contenders[0])),
                    same(documents(&contenders[1])),
                    "N={n}: aws_iam_policy_document must give our document"
                );
                let times = alternately(&contenders, &PLAN, rounds);
                writeln!(report, "| {n} | {} | {} | {:.2} |", ms(times[0]), ms(times[1]), ratio(times[0], times[1])).unwrap();
                eprintln!("aws N={n}: ours {} ms, aws_iam_policy_document {} ms", ms(times[0]), ms(times[1]));
            }
        }
        Err(why) => writeln!(report, "Not measured: {why}.").unwrap(),
    }
    section
}

/// `terraform plan` of N documents from the provider function, against pure HCL and our data sources.
pub fn functions_section(rounds: usize) -> Section {
    let mut section = Section::default();
    let report = &mut section.markdown;
    writeln!(report, "\n## `terraform plan`: provider functions vs pure HCL and vs data sources\n").unwrap();
    writeln!(report, "| N documents | functions (ms) | pure HCL (ms) | ratio to HCL | data sources (ms) | ratio to data sources |")
        .unwrap();
    writeln!(report, "|---:|---:|---:|---:|---:|---:|").unwrap();
    for n in [1, 100] {
        let functions = workspace(&function_config(n));
        let hcl = workspace(&hcl_config(n));
        let data_sources = workspace(&common::hcl::s3_documents(n));
        let contenders = [Contender::new(&functions), Contender::new(&hcl), Contender::new(&data_sources)];
        assert_eq!(documents(&contenders[0]), documents(&contenders[1]), "N={n}: functions and HCL must produce the same documents");
        let times = alternately(&contenders, &PLAN, rounds);
        let (f, h, d) = (times[0], times[1], times[2]);
        writeln!(report, "| {n} | {} | {} | {:.2} | {} | {:.2} |", ms(f), ms(h), ratio(f, h), ms(d), ratio(f, d)).unwrap();
    }
    section
}

/// `terraform plan` of N documents from one `qbusiness_application_roles` read, against pure HCL
/// and against N single data sources; the cost per document of each, side by side.
pub fn bundle_section(rounds: usize) -> Section {
    let mut section = Section::default();
    let mut report = String::new();
    writeln!(&mut report, "\n## `terraform plan`: one `qbusiness_application_roles` read vs pure HCL and vs single data sources\n")
        .unwrap();
    writeln!(
        report,
        "The same N S3 connector documents from one bundle instance (N entries), from `jsonencode` (no provider) and from \
         N `qbusiness_connector_policy` instances. Terraform's own work per data-source instance is what the bundle \
         spares.\n"
    )
    .unwrap();
    writeln!(&mut report, "| N documents | bundle (ms) | pure HCL (ms) | bundle / HCL | data sources (ms) | bundle / data sources |")
        .unwrap();
    writeln!(&mut report, "|---:|---:|---:|---:|---:|---:|").unwrap();
    let mut by_n = Vec::new();
    for n in [1, 100, 1000] {
        let bundle = workspace(&bundle_config(n, false));
        let hcl = workspace(&hcl_config(n));
        let data_sources = workspace(&common::hcl::s3_documents(n));
        let contenders = [Contender::new(&bundle), Contender::new(&hcl), Contender::new(&data_sources)];
        let expected = documents(&contenders[1]);
        assert_eq!(documents(&contenders[0]), expected, "N={n}: the bundle and HCL must produce the same documents");
        assert_eq!(documents(&contenders[2]), expected, "N={n}: the data sources and HCL must produce the same documents");
        let times = alternately(&contenders, &PLAN, rounds);
        let (b, h, d) = (times[0], times[1], times[2]);
        writeln!(&mut report, "| {n} | {} | {} | {:.2} | {} | {:.2} |", ms(b), ms(h), ratio(b, h), ms(d), ratio(b, d)).unwrap();
        eprintln!("bundle N={n}: bundle {} ms, HCL {} ms, data sources {} ms", ms(b), ms(h), ms(d));
        match n {
            100 => section.target("plan N=100, bundle / pure HCL", format!("{:.2}×", ratio(b, h)), "≤ 1.3×", ratio(b, h) <= 1.3),
            1000 => section.target("plan N=1,000, bundle / pure HCL", format!("{:.2}×", ratio(b, h)), "≤ 1.5×", ratio(b, h) <= 1.5),
            _ => {}
        }
        by_n.push((n, b, d));
    }
    let per = |i: usize, j: usize, pick: fn(&(usize, Duration, Duration)) -> Duration| {
        per_document((by_n[i].0, pick(&by_n[i])), (by_n[j].0, pick(&by_n[j])))
    };
    // The report repeats every document in state: what asking for it costs, at N=1,000.
    let with_report = workspace(&bundle_config(1000, true));
    let without = workspace(&bundle_config(1000, false));
    let times = alternately(&[Contender::new(&with_report), Contender::new(&without)], &PLAN, rounds);
    writeln!(
        report,
        "\nPer document (N=100 → 1,000): bundle {} ms, single data sources {} ms. The table's bundle leaves `report` \
         out (the default); with `with_report = true`, N=1,000 plans in {} ms against {} ms.\n",
        ms(per(1, 2, |r| r.1)),
        ms(per(1, 2, |r| r.2)),
        ms(times[0]),
        ms(times[1])
    )
    .unwrap();
    section.markdown = report;
    section
}
