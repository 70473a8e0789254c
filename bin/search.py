#!/usr/bin/env python3
"""Random or greedy search for schedules, measured and verified (the same as the `mlir-rl-search` command; its code
is rl_autoschedular/commands/search.py)."""

import sys

from rl_autoschedular.commands.search import main

if __name__ == "__main__":
    sys.exit(main())
