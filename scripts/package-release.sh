#!/usr/bin/env bash
# package-release.sh BINARY OUT_DIR VERSION
# The registry's release layout: terraform-provider-qbusiness_VERSION_linux_amd64.zip (the binary as
# terraform-provider-qbusiness_vVERSION), the manifest, and the SHA256SUMS of both.
set -euo pipefail
binary=$1 out=$2 version=$3
name=terraform-provider-qbusiness
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$out"
zip="$out/${name}_${version}_linux_amd64.zip"
# A fixed timestamp and mode make the zip byte-identical for the same binary.
python3 - "$binary" "$zip" "${name}_v${version}" <<'PY'
import sys, zipfile
binary, target, member = sys.argv[1:]
info = zipfile.ZipInfo(member, date_time=(1980, 1, 1, 0, 0, 0))
info.external_attr = 0o100755 << 16
info.compress_type = zipfile.ZIP_DEFLATED
with open(binary, "rb") as f, zipfile.ZipFile(target, "w") as z:
    z.writestr(info, f.read())
PY
cp "$here/terraform-registry-manifest.json" "$out/${name}_${version}_manifest.json"
(cd "$out" && sha256sum "${name}_${version}_linux_amd64.zip" "${name}_${version}_manifest.json" > "${name}_${version}_SHA256SUMS")
echo "released into $out:"
ls -1 "$out"
