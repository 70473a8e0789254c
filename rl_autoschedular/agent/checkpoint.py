"""Training checkpoints: written atomically, read with ``torch.load(weights_only=True)``.

Layout: ``RUN_DIR/checkpoints/ckpt_<iteration>.pt``, the iteration zero-padded to six digits (`checkpoint_path`).
There is no ``last.pt``: `latest_checkpoint` picks the highest iteration whose file is a complete archive, so a
second copy would only cost disk.

A checkpoint is a dict:

- ``format``: `FORMAT_VERSION`;
- ``iteration``: the last completed iteration (its logs are kept on resume, later ones dropped);
- ``model``, ``optimizer``: the state dicts;
- ``config``: the run's configuration, stored as a JSON string (``load_checkpoint`` gives it back as a dict);
- ``rng``: the states of Python's ``random``, NumPy's global generator, torch's CPU generator and every CUDA device's,
  as tensors, lists and numbers;
- ``extra``: whatever else the trainer needs (best score, its own generators' states...), which must hold only
  tensors and plain Python values.

Everything is a tensor or a plain Python value because the safe loader refuses arbitrary pickled objects; the
saver checks this by loading the temporary file back before it replaces anything.
"""

from __future__ import annotations

import json
import os
import random
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import torch

FORMAT_VERSION = 1
CHECKPOINT_DIR = "checkpoints"
_NAME = re.compile(r"ckpt_(\d+)\.pt")


def checkpoint_path(run_dir: str | Path, iteration: int) -> Path:
    """Where the checkpoint of `iteration` goes in `run_dir`."""
    return Path(run_dir) / CHECKPOINT_DIR / f"ckpt_{iteration:06d}.pt"


def rng_state() -> dict[str, Any]:
    """The global random generators' states, in a form ``weights_only`` loading accepts."""
    version, internal, gauss_next = random.getstate()
    name, keys, pos, has_gauss, cached_gaussian = np.random.get_state()
    return {
        "python": {"version": version, "internal": list(internal), "gauss_next": gauss_next},
        "numpy": {"name": name, "keys": torch.from_numpy(keys.astype(np.int64)), "pos": int(pos),
                  "has_gauss": int(has_gauss), "cached_gaussian": float(cached_gaussian)},
        "torch": torch.get_rng_state(),
        "cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else [],
    }


def restore_rng(ckpt: dict) -> None:
    """Put back the generator states saved in `ckpt` (CUDA states only for devices present now)."""
    rng = ckpt["rng"]
    py = rng["python"]
    random.setstate((py["version"], tuple(py["internal"]), py["gauss_next"]))
    npy = rng["numpy"]
    np.random.set_state((npy["name"], npy["keys"].numpy().astype(np.uint32), npy["pos"], npy["has_gauss"],
                         npy["cached_gaussian"]))
    torch.set_rng_state(rng["torch"])
    if torch.cuda.is_available():
        for device, state in enumerate(rng["cuda"][:torch.cuda.device_count()]):
            torch.cuda.set_rng_state(state, device)


def save_checkpoint(path: str | Path, *, model_state: dict, optimizer_state: dict, iteration: int, config: dict,
                    extra: dict | None = None) -> Path:
    """Write a checkpoint atomically: a temporary file in the same folder, fsync, check, rename, fsync the folder.
    A process killed at any point leaves either the previous file or the new one, never a torn one. Raises
    ValueError (and writes nothing) if the content could not be read back with ``weights_only=True``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"format": FORMAT_VERSION, "iteration": int(iteration), "model": model_state,
               "optimizer": optimizer_state, "config": json.dumps(config, sort_keys=True), "rng": rng_state(),
               "extra": extra or {}}
    # the temp name never matches ckpt_<n>.pt, so latest_checkpoint cannot pick a half-written file
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            torch.save(payload, f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp creates it private; a checkpoint is as readable as the run's other files
        try:
            torch.load(tmp, map_location="cpu", weights_only=True)
        except Exception as e:  # the unpickler's error types vary; any of them means resume would fail
            raise ValueError(f"checkpoint content cannot be loaded with weights_only=True: {e}") from e
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return path


def load_checkpoint(path: str | Path) -> dict:
    """Read a checkpoint safely (``weights_only=True``, tensors on the CPU); ``config`` comes back as a dict."""
    ckpt = torch.load(Path(path), map_location="cpu", weights_only=True)
    if ckpt.get("format") != FORMAT_VERSION:
        raise ValueError(f"{path}: checkpoint format {ckpt.get('format')!r}, expected {FORMAT_VERSION}")
    ckpt["config"] = json.loads(ckpt["config"])
    return ckpt


def latest_checkpoint(run_dir: str | Path) -> Path | None:
    """The checkpoint of the highest iteration in `run_dir` whose archive is complete, or None."""
    folder = Path(run_dir) / CHECKPOINT_DIR
    found = [(int(m.group(1)), p) for p in folder.glob("ckpt_*.pt") if (m := _NAME.fullmatch(p.name))]
    for _, path in sorted(found, reverse=True):
        if _complete(path):
            return path
    return None


def _complete(path: Path) -> bool:
    """torch.save writes a zip archive with checksums: a truncated or damaged file fails this check."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is None
    except (OSError, zipfile.BadZipFile):
        return False


def _fsync_dir(folder: Path) -> None:
    # makes the rename itself durable (POSIX); Windows cannot open a folder this way
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
