#!/usr/bin/env bash
# package-release.sh BINARY OUT_DIR VERSION
# The registry's release layout: terraform-provider-qbusiness_VERSION_linux_amd64.zip (the binary as
# terraform-provider-qbusiness_vVERSION, with the project's LICENSE and THIRD_PARTY_NOTICES for
# what the binary embeds: the AWS service data and every linked crate),
# the manifest, and the SHA256SUMS of both.
set -euo pipefail
binary=$1 out=$2 version=$3
name=terraform-provider-qbusiness
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$out"
zip="$out/${name}_${version}_linux_amd64.zip"
# A fixed timestamp and mode make the zip byte-identical for the same binary.
notices=$(mktemp)
trap 'rm -f "$notices"' EXIT
python3 "$here/tools/third_party_notices.py" "$here" "$notices"
python3 - "$binary" "$zip" "${name}_v${version}" "$notices" "$here/LICENSE" <<'PY'
import sys, zipfile
binary, target, member, notices, license = sys.argv[1:]
def entry(name, mode):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info
with open(binary, "rb") as f, open(notices) as n, open(license) as l, zipfile.ZipFile(target, "w") as z:
    z.writestr(entry(member, 0o100755), f.read())
    z.writestr(entry("LICENSE", 0o100644), l.read())
    z.writestr(entry("THIRD_PARTY_NOTICES", 0o100644), n.read())
PY
cp "$here/terraform-registry-manifest.json" "$out/${name}_${version}_manifest.json"
(cd "$out" && sha256sum "${name}_${version}_linux_amd64.zip" "${name}_${version}_manifest.json" > "${name}_${version}_SHA256SUMS")
echo "released into $out:"
ls -1 "$out"
