#!/usr/bin/env bash
# release-test.sh DIST VERSION NATIVE_BINARY PLATFORM=TRIPLE=BINARY...
# Proves what `make release` built: checksums and signature; each zip's layout; the executable
# format of every platform; the linux builds as the provider of a real `terraform apply` (arm64
# under qemu-user-static), their documents byte for byte the native build's; the Windows build's PE
# header and, where wine64 is installed (Debian's wine64: large, so not installed here), the same
# apply with it under wine, over TCP; the Mach-O headers of the macOS builds; and zips
# byte-identical when packaged again.
set -euo pipefail
dist=$(realpath "$1") version=$2 native=$(realpath "$3")
shift 3
specs=("$@")
name=terraform-provider-qbusiness
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
terraform=${TERRAFORM:-terraform}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "release-test: $*" >&2; exit 1; }
pass() { echo "release-test: $*"; }

(cd "$dist" && sha256sum --quiet -c "${name}_${version}_SHA256SUMS") || fail "checksums do not match"
pass "SHA256SUMS matches every zip and the manifest"
if [[ -f "$dist/${name}_${version}_SHA256SUMS.sig" ]]; then
  gpg --batch --verify "$dist/${name}_${version}_SHA256SUMS.sig" "$dist/${name}_${version}_SHA256SUMS" 2>"$work/gpg" \
    || { cat "$work/gpg" >&2; fail "the signature does not verify"; }
  pass "SHA256SUMS.sig verifies ($(grep -o 'using [A-Z]* key [0-9A-F]*' "$work/gpg" | head -1))"
else
  echo "release-test: no SHA256SUMS.sig (GPG_FINGERPRINT was not set): not signed" >&2
fi

# The documents of examples/demo, applied with the provider binary run by `launcher`.
documents() {
  local launcher=$1 dir
  dir=$(mktemp -d -p "$work")
  mkdir -p "$dir/plugins"
  printf '#!/bin/sh\nexec %s "$@"\n' "$launcher" > "$dir/plugins/$name"
  chmod +x "$dir/plugins/$name"
  printf 'provider_installation {\n  dev_overrides {\n    "qbusiness-iam/qbusiness" = "%s"\n  }\n  direct {}\n}\n' "$dir/plugins" > "$dir/cli.tfrc"
  cp "$here/examples/demo/main.tf" "$dir/"
  (cd "$dir" && TF_CLI_CONFIG_FILE="$dir/cli.tfrc" "$terraform" apply -auto-approve -input=false -no-color >"$dir/apply.log" 2>&1) \
    || { cat "$dir/apply.log" >&2; fail "terraform apply failed with $launcher"; }
  (cd "$dir" && TF_CLI_CONFIG_FILE="$dir/cli.tfrc" "$terraform" output -json -no-color)
}
expected=$(documents "$native")

for spec in "${specs[@]}"; do
  IFS='=' read -r platform triple _ <<<"$spec"
  zip="$dist/${name}_${version}_${platform}.zip"
  suffix=""
  [[ $platform == windows_* ]] && suffix=.exe
  member="${name}_v${version}${suffix}"
  listing=$(python3 -c 'import sys, zipfile; print(" ".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$zip")
  [[ $listing == "$member LICENSE THIRD_PARTY_NOTICES" ]] || fail "$platform: the zip holds $listing"
  unpacked="$work/$platform"
  mkdir -p "$unpacked" && python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$unpacked"
  chmod +x "$unpacked/$member"
  binary="$unpacked/$member"
  kind=$(file -b "$binary")
  case $platform in
    linux_amd64 | linux_arm64)
      arch=x86-64 runner=""
      [[ $platform == linux_arm64 ]] && arch=aarch64 runner=qemu-aarch64-static
      [[ $kind == *"ELF 64-bit"*"$arch"*"statically linked"* || $kind == *"ELF 64-bit"*"$arch"*"static-pie linked"* ]] \
        || fail "$platform: not a static $arch executable: $kind"
      if [[ -n $runner ]] && ! command -v "$runner" >/dev/null; then
        echo "release-test: installing qemu-user-static to run the arm64 build" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q qemu-user-static >&2 || fail "no $runner"
      fi
      # No glibc on the library path: a static binary needs none.
      refusal=$(env -i LD_LIBRARY_PATH=/nonexistent ${runner:+$(command -v $runner)} "$binary" 2>&1 || true)
      [[ $refusal == "This is a Terraform plugin"* ]] || fail "$platform: without Terraform it said: $refusal"
      got=$(documents "${runner:+$(command -v $runner) }$binary")
      [[ $got == "$expected" ]] || fail "$platform: documents differ from the native build's"
      pass "$platform: static $arch ELF; applied examples/demo${runner:+ under $runner}, documents identical to the native build's"
      ;;
    windows_amd64)
      python3 - "$binary" <<'PY' || fail "$platform: not a PE32+ x86-64 console executable: $kind"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:2] == b"MZ"
pe = struct.unpack_from("<I", data, 0x3C)[0]
assert data[pe:pe + 4] == b"PE\0\0"
machine = struct.unpack_from("<H", data, pe + 4)[0]
optional = pe + 24
magic, subsystem = struct.unpack_from("<H", data, optional)[0], struct.unpack_from("<H", data, optional + 68)[0]
assert (machine, magic, subsystem) == (0x8664, 0x20B, 3), (hex(machine), hex(magic), subsystem)
PY
      wine=$(command -v wine64 || ls /usr/lib/wine/wine64 2>/dev/null || true)
      zig="$here/build/cross/bin/zig"
      if [[ -n $wine && -x $zig ]]; then
        # wine 8 lacks ProcessPrng, which Rust's std needs: a shim DLL beside the .exe supplies it.
        "$zig" cc -target x86_64-windows-gnu -shared -O2 -o "$unpacked/bcryptprimitives.dll" "$here/scripts/wine-processprng.c" -ladvapi32
        launcher="env WINEDEBUG=-all WINEDLLOVERRIDES=bcryptprimitives=n $wine $binary"
        refusal=$($launcher 2>&1 || true)
        [[ $refusal == "This is a Terraform plugin"* ]] || fail "$platform: under wine it said: $refusal"
        got=$(documents "$launcher")
        [[ $got == "$expected" ]] || fail "$platform: documents under wine differ from the native build's"
        pass "$platform: PE32+ x86-64 console executable; under wine it refuses to run without Terraform's cookie, and applied examples/demo over TCP with documents identical to the native build's"
      else
        pass "$platform: PE32+ x86-64 console executable (wine64 not installed: not run)"
      fi
      ;;
    darwin_amd64 | darwin_arm64)
      cpu=x86_64
      [[ $platform == darwin_arm64 ]] && cpu=arm64
      python3 - "$binary" "$cpu" <<'PY' || fail "$platform: not a Mach-O $cpu executable for macOS 11: $kind"
import struct, sys
data, cpu = open(sys.argv[1], "rb").read(), sys.argv[2]
magic, cputype, _, filetype, ncmds = struct.unpack_from("<IiiII", data, 0)
assert magic == 0xFEEDFACF and filetype == 2, (hex(magic), filetype)
assert cputype == {"x86_64": 0x01000007, "arm64": 0x0100000C}[cpu], hex(cputype)
offset, minos = 32, None
for _ in range(ncmds):
    command, size = struct.unpack_from("<II", data, offset)
    if command == 0x32:  # LC_BUILD_VERSION: platform, minos (xxxx.yy.zz)
        minos = struct.unpack_from("<I", data, offset + 12)[0] >> 16
    offset += size
assert minos == 11, minos
PY
      pass "$platform: Mach-O 64-bit $cpu executable, minimum macOS 11"
      ;;
    *) fail "$platform: no check for this platform" ;;
  esac
done

"$here/scripts/package-release.sh" "$work/again" "$version" "${specs[@]}" >/dev/null 2>&1
for spec in "${specs[@]}"; do
  platform=${spec%%=*}
  cmp -s "$dist/${name}_${version}_${platform}.zip" "$work/again/${name}_${version}_${platform}.zip" \
    || fail "$platform: packaging the same binary again gave another zip"
done
pass "every zip is byte-identical when packaged again"
