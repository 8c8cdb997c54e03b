#!/usr/bin/env bash
# install-zip.sh ZIP MIRROR: unpacks a release zip (terraform-provider-qbusiness_VERSION_OS_ARCH.zip)
# into the filesystem mirror MIRROR for its version and platform, under registry.terraform.io and
# registry.opentofu.org, where Terraform and OpenTofu look for qbusiness-iam/qbusiness.
set -euo pipefail
zip=$1 mirror=$2
base=$(basename "$zip" .zip)
[[ $base =~ ^terraform-provider-qbusiness_([0-9][^_]*)_([a-z0-9]+_[a-z0-9]+)$ ]] \
  || { echo "install-zip: $zip is not named terraform-provider-qbusiness_VERSION_OS_ARCH.zip" >&2; exit 1; }
version=${BASH_REMATCH[1]} platform=${BASH_REMATCH[2]}
for registry in registry.terraform.io registry.opentofu.org; do
  dir="$mirror/$registry/qbusiness-iam/qbusiness/$version/$platform"
  rm -rf "$dir" && mkdir -p "$dir"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$dir"
  chmod +x "$dir"/terraform-provider-qbusiness_v*
  echo "installed $platform $version into $dir"
done
