#!/usr/bin/env bash
# fuzz.sh RUNS SECONDS: runs every cargo-fuzz target up to RUNS executions or SECONDS each, then
# writes RELIABILITY.md from libFuzzer's own summaries. Needs cargo-fuzz (cargo install cargo-fuzz);
# works on stable Rust with --sanitizer none.
set -euo pipefail
runs=$1 seconds=$2
cd "$(dirname "$0")/../fuzz"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p logs
rows=""
status=0
for target in dynamic_value policy_builder; do
  log="logs/$target.log"
  start=$(date +%s)
  if cargo fuzz run -O --sanitizer none "$target" -- -runs="$runs" -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1; then
    crashes=0
  else
    crashes=$(ls artifacts/"$target"/crash-* 2>/dev/null | wc -l)
    [ "$crashes" -gt 0 ] || crashes="run failed"
    status=1
  fi
  done_line=$(grep -E '^Done [0-9]+ runs' "$log" | tail -1 || true)
  executions=$(echo "$done_line" | awk '{print $2}')
  corpus=$(ls corpus/"$target" 2>/dev/null | wc -l)
  rows="$rows| \`$target\` | ${executions:-?} | $(( $(date +%s) - start )) | $corpus | $crashes |\n"
  echo "$target: ${done_line:-no summary}, crashes: $crashes"
done
cat > ../RELIABILITY.md <<MD
# Reliability

## Fuzzing (\`make fuzz\`)

Last run: $(date -u +%Y-%m-%d), $(nproc) cores, cargo-fuzz with libFuzzer (\`--sanitizer none\`, stable Rust),
budget $runs executions or $seconds s per target.

| target | executions | seconds | corpus files | crashes |
|---|---:|---:|---:|---:|
$(printf "%b" "$rows")

- \`dynamic_value\`: arbitrary bytes decoded as msgpack and as JSON against every schema type the provider
  uses; a decoded value must encode with its type and decode to itself.
- \`policy_builder\`: arbitrary configurations of every data source (values from a dictionary of real ids,
  ARNs and names mixed with arbitrary text), validated and read; the result is either error
  diagnostics and no document, or JSON that re-parses into the same model, renders identically,
  breaks no form rule, fits the inline quota and uses only IAM's characters.

## Also in \`make test\`

- bad inputs through the protocol and through real Terraform (tests/bad_inputs.rs, tests/terraform_bad_inputs.rs);
- malformed wire data and a panicking provider (tests/protocol.rs, src/plugin/service.rs);
- 1,000 concurrent reads over AutoMTLS and plan parallelism (tests/concurrency.rs);
- every shutdown path (tests/protocol.rs);
- acceptance of every golden document by moto's IAM API (tests/iam_emulator.rs).
MD
exit $status
