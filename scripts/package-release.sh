#!/usr/bin/env bash
# package-release.sh OUT_DIR VERSION PLATFORM=TRIPLE=BINARY...
# The registry's release layout in OUT_DIR, for each PLATFORM (e.g. linux_amd64) built for Rust
# TRIPLE: terraform-provider-qbusiness_VERSION_PLATFORM.zip holding the binary as
# terraform-provider-qbusiness_vVERSION[.exe], the project's LICENSE and the THIRD_PARTY_NOTICES of
# what that binary links; the manifest; SHA256SUMS over every zip and the manifest; and, when
# GPG_FINGERPRINT names a key, SHA256SUMS.sig, its binary detached signature (GPG_PASSPHRASE
# unlocks the key where it has one).
# Zips are byte-reproducible: fixed timestamps, modes and member order.
set -euo pipefail
out=$1 version=$2
shift 2
name=terraform-provider-qbusiness
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$out"
notices=$(mktemp -d)
trap 'rm -rf "$notices"' EXIT
zips=()
for spec in "$@"; do
  IFS='=' read -r platform triple binary <<<"$spec"
  suffix=""
  [[ $platform == windows_* ]] && suffix=.exe
  python3 "$here/tools/third_party_notices.py" "$here" "$notices/$platform" "$triple"
  zip="${name}_${version}_${platform}.zip"
  python3 - "$binary" "$out/$zip" "${name}_v${version}${suffix}" "$notices/$platform" "$here/LICENSE" <<'PY'
import sys, zipfile
binary, target, member, notices, license = sys.argv[1:]
def entry(name, mode):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.external_attr = mode << 16
    info.create_system = 3  # unix, so the mode is honoured
    info.compress_type = zipfile.ZIP_DEFLATED
    return info
with open(binary, "rb") as f, open(notices) as n, open(license) as l, zipfile.ZipFile(target, "w") as z:
    z.writestr(entry(member, 0o100755), f.read(), compresslevel=9)
    z.writestr(entry("LICENSE", 0o100644), l.read(), compresslevel=9)
    z.writestr(entry("THIRD_PARTY_NOTICES", 0o100644), n.read(), compresslevel=9)
PY
  zips+=("$zip")
done
cp "$here/terraform-registry-manifest.json" "$out/${name}_${version}_manifest.json"
sums="${name}_${version}_SHA256SUMS"
(cd "$out" && sha256sum $(printf '%s\n' "${zips[@]}" | sort) "${name}_${version}_manifest.json" > "$sums")
rm -f "$out/$sums.sig"
if [[ -n "${GPG_FINGERPRINT:-}" ]]; then
  passphrase=()
  [[ -n "${GPG_PASSPHRASE:-}" ]] && passphrase=(--pinentry-mode loopback --passphrase "$GPG_PASSPHRASE")
  gpg --batch --yes "${passphrase[@]}" --local-user "$GPG_FINGERPRINT" --detach-sign --output "$out/$sums.sig" "$out/$sums"
else
  echo "package-release: GPG_FINGERPRINT is not set, so $sums is not signed (the registries require a signature)" >&2
fi
echo "released into $out:"
ls -1 "$out"
