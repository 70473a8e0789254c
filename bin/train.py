#!/usr/bin/env python3
"""Train the scheduling agent with PPO on measured, verified speedups (the same as the `mlir-rl-train` command; its
code is rl_autoschedular/commands/train.py)."""

import sys

from rl_autoschedular.commands.train import main

if __name__ == "__main__":
    sys.exit(main())
