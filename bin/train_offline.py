#!/usr/bin/env python3
"""Update a trained policy offline from the replay store (the same as the `mlir-rl-train-offline` command; its code is
rl_autoschedular/commands/train_offline.py)."""

import sys

from rl_autoschedular.commands.train_offline import main

if __name__ == "__main__":
    sys.exit(main())
