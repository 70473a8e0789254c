#!/usr/bin/env python3
"""Evaluate a trained run's greedy policy, measured and verified (the same as the `mlir-rl-evaluate` command; its
code is rl_autoschedular/commands/evaluate.py)."""

import sys

from rl_autoschedular.commands.evaluate import main

if __name__ == "__main__":
    sys.exit(main())
