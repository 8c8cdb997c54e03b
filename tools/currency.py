"""`make currency`: are the documents still current with AWS's pages?

Reads the manifest `cargo run --example currency-manifest` prints (each user guide page the
documents were read from, its snapshot, the golden documents made from it), fetches each page from
AWS's site (or reads PAGE.html / PAGE.md from --pages DIR), takes every IAM policy JSON out of it,
and lists the pages whose actions differ from the actions of the golden documents made from them.
Known differences are listed in docs/guides/errata.md: a line here that the errata already explain
needs no change; any other is a page that changed since it was read.

Usage: currency.py MANIFEST GOLDEN_DIR [--pages DIR]. Needs the internet without --pages.
Prints one line per differing page, then "N pages, M differ, K not read"; exit 0 unless a page
could not be read.
"""
import html
import json
import pathlib
import re
import sys
import urllib.request

URL = "https://docs.aws.amazon.com/amazonq/latest/qbusiness-ug/{page}.html"


def code_blocks(text):
    """The contents of every code block of a page: HTML <pre>/<code> blocks, or Markdown fences."""
    blocks = re.findall(r"<pre[^>]*>(.*?)</pre>", text, flags=re.S)
    if blocks:
        return [html.unescape(re.sub(r"<[^>]+>", "", block)) for block in blocks]
    return re.findall(r"```[a-z]*\n(.*?)```", text, flags=re.S)


def lenient_json(block):
    """A policy as AWS prints it, parsed despite its known defects: backticks around the block,
    whitespace and a second comma after "Version", trailing commas. None if it is no JSON object."""
    text = block.strip().strip("`").strip()
    start = text.find("{")
    if start < 0:
        return None
    text = text[start:]
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r",(\s*[}\]])", r"\1", text)
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        # A bare `"Statement": [...]` fragment (the key policy of data-encryption).
        try:
            return json.loads("{" + text.strip().rstrip(",") + "}") if text.lstrip().startswith('"') else None
        except json.JSONDecodeError:
            return None


def actions(policy):
    """The IAM actions a policy names, lower-cased (IAM compares them so)."""
    found = set()
    statements = policy.get("Statement", []) if isinstance(policy, dict) else []
    if isinstance(statements, dict):
        statements = [statements]
    for statement in statements:
        if not isinstance(statement, dict):
            continue
        for field in ("Action", "NotAction"):
            value = statement.get(field, [])
            found.update(a.lower() for a in ([value] if isinstance(value, str) else value) if isinstance(a, str))
    return found


def page_actions(text):
    """Every action of every policy JSON on a page."""
    found = set()
    for block in code_blocks(text):
        policy = lenient_json(block)
        if policy is None and '"Statement"' in block:
            policy = lenient_json("{" + block[block.find('"Statement"'):] + "}")
        if isinstance(policy, dict):
            found |= actions(policy)
    return found


def golden_actions(golden_dir, names):
    """The actions of the golden documents named (a name ending in `-` is a prefix)."""
    found = set()
    for path in sorted(pathlib.Path(golden_dir).glob("*.json")):
        if any(path.stem == n or (n.endswith("-") and path.stem.startswith(n)) for n in names):
            found |= actions(json.loads(path.read_text()))
    return found


def read_page(page, pages_dir):
    if pages_dir:
        for suffix in (".html", ".md"):
            path = pathlib.Path(pages_dir) / (page + suffix)
            if path.exists():
                return path.read_text()
        raise FileNotFoundError(page)
    with urllib.request.urlopen(URL.format(page=page), timeout=30) as response:
        return response.read().decode("utf-8", "replace")


def main(argv):
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != "--pages"):
        print("usage: currency.py MANIFEST GOLDEN_DIR [--pages DIR]", file=sys.stderr)
        return 2
    manifest = json.loads(pathlib.Path(argv[1]).read_text())
    pages_dir = argv[4] if len(argv) == 5 else None
    differ = unread = 0
    for page, entry in sorted(manifest.items()):
        try:
            text = read_page(page, pages_dir)
        except (OSError, ValueError) as error:
            print(f"{page}: not read ({error})")
            unread += 1
            continue
        published = page_actions(text)
        ours = golden_actions(argv[2], entry["goldens"])
        if not published:
            print(f"{page}: no policy JSON found on the page")
            differ += 1
        elif published != ours:
            only_page = ", ".join(sorted(published - ours)) or "-"
            only_ours = ", ".join(sorted(ours - published)) or "-"
            print(f"{page} (read at {entry['snapshot'][:7]}): on the page only: {only_page}; in ours only: {only_ours}")
            differ += 1
    print(f"{len(manifest)} pages, {differ} differ, {unread} not read")
    return 1 if unread else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
