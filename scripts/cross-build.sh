#!/usr/bin/env bash
# cross-build.sh VENV OUT_DIR TARGET...: builds the provider for each Rust TARGET with cargo-zigbuild
# (zig as C compiler and linker, from PyPI in VENV) into OUT_DIR/TARGET/terraform-provider-qbusiness[.exe].
#
# The standard library of each target comes from rustup (`rustup target add`); where it cannot be
# downloaded, from the toolchain's rust-src, built with -Zbuild-std. Helper files live under build/.
set -euo pipefail
venv=$(realpath "$1") out=$(realpath -m "$2")
shift 2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
helpers="$here/build/cross"
mkdir -p "$helpers/bin" "$helpers/lib" "$out"

# Mach-O stripping: rustc calls rust-objcopy, which Debian ships as llvm-objcopy.
if ! command -v rust-objcopy >/dev/null; then
  find_objcopy() { command -v llvm-objcopy || ls /usr/bin/llvm-objcopy-* 2>/dev/null | head -1 || true; }
  objcopy=$(find_objcopy)
  if [[ -z "$objcopy" ]]; then
    echo "cross-build: installing Debian's llvm for llvm-objcopy" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q llvm >&2 || true
    objcopy=$(find_objcopy)
  fi
  [[ -n "$objcopy" ]] || { echo "cross-build: no llvm-objcopy (Debian package llvm) to strip Mach-O binaries" >&2; exit 1; }
  ln -sf "$objcopy" "$helpers/bin/rust-objcopy"
fi
# zig itself on PATH: cargo-zigbuild's ar wrapper finds it only there.
zig=$(ls "$venv"/lib/python3*/site-packages/ziglang/zig 2>/dev/null | head -1)
[[ -x "$zig" ]] || { echo "cross-build: no zig in $venv (PyPI ziglang)" >&2; exit 1; }
ln -sf "$zig" "$helpers/bin/zig"
# windows-gnu links -lssp and -lssp_nonshared, which zig's MinGW does not ship: empty archives do.
for lib in ssp ssp_nonshared; do
  [[ -f "$helpers/lib/lib$lib.a" ]] || ar rcs "$helpers/lib/lib$lib.a"
done
export PATH="$venv/bin:$helpers/bin:$PATH"
# zig marks Mach-O binaries with its own newest macOS otherwise.
export MACOSX_DEPLOYMENT_TARGET=11.0

sysroot=$(rustc --print sysroot)
for target in "$@"; do
  build_std=()
  if [[ ! -d "$sysroot/lib/rustlib/$target/lib" ]] && ! rustup target add "$target" >&2; then
    if [[ -d "$sysroot/lib/rustlib/src/rust/library" ]] || rustup component add rust-src >&2; then
      echo "cross-build: no prebuilt standard library for $target; building it from rust-src" >&2
      build_std=(-Zbuild-std=std,panic_abort)
      export RUSTC_BOOTSTRAP=1
    else
      echo "cross-build: no standard library for $target (rustup target add and rust-src both failed)" >&2
      exit 1
    fi
  fi
  rustflags=()
  case $target in
    *-windows-gnu) rustflags=(-L "$helpers/lib") ;;
  esac
  started=$(date +%s)
  CARGO_TARGET_DIR="$here/target/cross" RUSTFLAGS="${rustflags[*]:-}" \
    cargo zigbuild --release --locked --target "$target" "${build_std[@]}" --bin terraform-provider-qbusiness >&2
  suffix=""
  [[ $target == *windows* ]] && suffix=.exe
  mkdir -p "$out/$target"
  cp "$here/target/cross/$target/release/terraform-provider-qbusiness$suffix" "$out/$target/"
  echo "cross-build: $target in $(( $(date +%s) - started )) s" >&2
done
