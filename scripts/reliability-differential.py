#!/usr/bin/env python3
"""Writes the figure of `make differential` (the test's report) into RELIABILITY.md, between the
markers `<!-- differential -->` and `<!-- /differential -->`, with the date and the commit."""
import datetime
import pathlib
import subprocess
import sys

report, target = pathlib.Path(sys.argv[1]).read_text().strip().splitlines(), pathlib.Path(sys.argv[2])
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
summary, judged = report[0], report[1:]
block = [
    "<!-- differential -->",
    f"Last run: {datetime.date.today()}, commit {commit}: {summary}.",
    "",
    "Judged disagreements in that run (the simulator is wrong; AWS's documentation is the judge):",
    "",
    *[f"- {line}" for line in judged],
    "<!-- /differential -->",
]
text = target.read_text()
start, end = text.index("<!-- differential -->"), text.index("<!-- /differential -->") + len("<!-- /differential -->")
target.write_text(text[:start] + "\n".join(block) + text[end:])
print("\n".join(block))
