#!/usr/bin/env python3
"""Optimize your own MLIR file with a trained policy, measured and verified per op and as a whole (the same as the
`mlir-rl-optimize` command; its code is rl_autoschedular/commands/optimize.py)."""

import sys
from pathlib import Path

# The repository's data_generation package builds nn_to_mlir.py's whole models for their PyTorch baseline.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rl_autoschedular.commands.optimize import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
