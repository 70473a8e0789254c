#!/usr/bin/env python3
"""Fit the learned cost model on the results cache (the same as the `mlir-rl-fit-cost-model` command; its code is
rl_autoschedular/commands/fit_cost_model.py)."""

import sys

from rl_autoschedular.commands.fit_cost_model import main

if __name__ == "__main__":
    sys.exit(main())
