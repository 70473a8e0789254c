#!/usr/bin/env python3
"""Optimize your own MLIR file with a trained policy, measured and verified per op and as a whole (the same as the
`mlir-rl-optimize` command; its code is rl_autoschedular/commands/optimize.py)."""

import sys

from rl_autoschedular.commands.optimize import main

if __name__ == "__main__":
    sys.exit(main())
