#!/usr/bin/env bash
# build.sh OUT: builds the go-plugin peer into OUT/terraform-provider-gopeer, offline, from Debian's
# Go packages in GOPATH mode. Installs those packages first when they are missing (as root).
set -euo pipefail
out=$(realpath -m "$1")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
packages=(golang-go golang-github-hashicorp-go-plugin-dev golang-google-grpc-dev golang-google-protobuf-dev
          golang-github-zclconf-go-cty-dev protobuf-compiler protoc-gen-go protoc-gen-go-grpc)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "go peer: installing Debian packages ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
fi
gopath="$out/gopath"
source_dir="$gopath/src/gopeer"
rm -rf "$source_dir" && mkdir -p "$source_dir/tfplugin6"
cp "$here/main.go" "$source_dir/"
protoc --proto_path="$repo/proto" \
  --go_out="$source_dir/tfplugin6" --go_opt=paths=source_relative --go_opt=Mtfplugin6.proto=gopeer/tfplugin6 \
  --go-grpc_out="$source_dir/tfplugin6" --go-grpc_opt=paths=source_relative --go-grpc_opt=Mtfplugin6.proto=gopeer/tfplugin6 \
  tfplugin6.proto
cd "$source_dir"
GO111MODULE=off GOPROXY=off GOFLAGS= GOPATH="$gopath:/usr/share/gocode" GOCACHE="$out/cache" \
  go build -trimpath -ldflags="-s -w" -o "$out/terraform-provider-gopeer" .
echo "$out/terraform-provider-gopeer"
