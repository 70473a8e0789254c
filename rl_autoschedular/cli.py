"""Small helpers shared by the command-line tools: one-line errors and progress bars."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tqdm import tqdm

DEFAULT_CACHE = Path(os.environ.get("MLIR_RL_CACHE", Path(__file__).resolve().parent.parent / ".cache"))
# The shipped pretrained policy (a training checkpoint) and cost model, used when a command is given neither.
DEFAULT_CHECKPOINT = Path(__file__).resolve().parent.parent / "data" / "pretrained" / "policy.pt"
DEFAULT_COST_MODEL = DEFAULT_CHECKPOINT.with_name("cost_model.pt")


def fail(message: str, code: int = 2) -> int:
    """Print one `error:` line on stderr and return the exit code to use."""
    print(f"error: {message}", file=sys.stderr)
    return code


def progress(items, desc: str):
    """A progress bar on stderr for lists longer than one item (silent otherwise)."""
    return tqdm(items, desc=desc, file=sys.stderr, disable=len(items) <= 1, leave=False)
