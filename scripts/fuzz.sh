#!/usr/bin/env bash
# fuzz.sh RUNS SECONDS: runs every cargo-fuzz target up to RUNS executions or SECONDS each, then
# writes RELIABILITY.md from libFuzzer's own summaries. Needs cargo-fuzz (cargo install cargo-fuzz);
# works on stable Rust with --sanitizer none.
set -euo pipefail
runs=$1 seconds=$2
cd "$(dirname "$0")/../fuzz"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p logs
# The targets run side by side, one core each; each writes its own log.
run_target() {
  local target=$1 start
  start=$(date +%s)
  if cargo fuzz run -O --sanitizer none "$target" -- -runs="$runs" -max_total_time="$seconds" -print_final_stats=1 >"logs/$target.log" 2>&1; then
    echo 0 >"logs/$target.status"
  else
    echo 1 >"logs/$target.status"
  fi
  echo $(( $(date +%s) - start )) >"logs/$target.seconds"
}
targets="dynamic_value policy_builder"
cargo fuzz build -O --sanitizer none
for target in $targets; do run_target "$target" & done
wait
rows=""
status=0
for target in $targets; do
  log="logs/$target.log"
  crashes=0
  if [ "$(cat "logs/$target.status")" != 0 ]; then
    crashes=$(ls artifacts/"$target"/crash-* 2>/dev/null | wc -l)
    [ "$crashes" -gt 0 ] || crashes="run failed"
    status=1
  fi
  done_line=$(grep -E '^Done [0-9]+ runs' "$log" | tail -1 || true)
  executions=$(echo "$done_line" | awk '{print $2}')
  corpus=$(ls corpus/"$target" 2>/dev/null | wc -l)
  rows="$rows| \`$target\` | ${executions:-?} | $(cat "logs/$target.seconds") | $corpus | $crashes |\n"
  echo "$target: ${done_line:-no summary}, crashes: $crashes"
done
cat > ../RELIABILITY.md <<MD
# Reliability

## Fuzzing (\`make fuzz\`)

Last run: $(date -u +%Y-%m-%d), $(nproc) cores, cargo-fuzz with libFuzzer (\`--sanitizer none\`, stable Rust),
budget $runs executions or $seconds s per target, on commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown).

| target | executions | seconds | corpus files | crashes |
|---|---:|---:|---:|---:|
$(printf "%b" "$rows")

- \`dynamic_value\`: arbitrary bytes decoded as msgpack and as JSON against every schema type the provider
  uses, \`Dynamic\` included; a decoded value must encode with its type and decode to itself (a
  dynamic one to a fixed point), and a value read from JSON must round-trip through msgpack.
- \`policy_builder\`: arbitrary configurations of every data source and of every function twin
  (\`config\` as a dynamic object): values from a dictionary of real ids, names, condition operators
  and source documents (repeated keys, escaped NUL, 21-digit numbers, non-boolean \`Bool\`), ARNs
  composed from parts with wildcards, \`?\` and policy variables, unknown values, statement blocks
  and conditions; the result is either error diagnostics and no document, or JSON that re-parses
  into the same model, renders identically, breaks no form rule, fits the inline quota, uses only
  IAM's characters, and, read again without the user's additions, passes the **breadth oracle**: no
  Resource, principal or condition value holds a wildcard or policy variable outside the roles'
  fixed patterns (\`catalog::breadth::FIXED_WILDCARDS\`).

## Also in \`make test\`

- bad inputs (named rows: wildcard and malformed ARNs, keys in another partition or region, S3's
  naming rules, repeated JSON keys, escaped control characters, non-boolean \`Bool\`, …) through the
  protocol, through real Terraform data sources and through the function twins
  (tests/bad_inputs.rs, tests/terraform_bad_inputs.rs);
- the breadth oracle over every golden document (tests/documents.rs);
- every golden document proven request by request with an IAM policy simulator: about 5,400
  requests, the calls each role makes allowed and their neighbours denied (tests/proofs.rs);
- process faults: the host dies before connecting, accept() out of descriptors (RLIMIT_NOFILE 24),
  a client that never sends its TLS hello, SIGINT ignored / SIGTERM obeyed, Ctrl-C to a whole
  Terraform plan of 1,000 data sources with no "did not respond" (tests/protocol.rs, tests/concurrency.rs);
- malformed wire data and a panicking provider (tests/protocol.rs, src/plugin/service.rs);
- 1,000 concurrent reads over AutoMTLS and plan parallelism (tests/concurrency.rs);
- every shutdown path (tests/protocol.rs);
- acceptance of every golden document by moto's IAM API (tests/iam_emulator.rs).
MD
exit $status
