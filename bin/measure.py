#!/usr/bin/env python3
"""Measure benchmarks (baseline, and a schedule if given), verified and timed (the same as the `mlir-rl-measure`
command; its code is rl_autoschedular/commands/measure.py)."""

import sys

from rl_autoschedular.commands.measure import main

if __name__ == "__main__":
    sys.exit(main())
