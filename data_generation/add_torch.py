"""Add verified PyTorch descriptions to the manifest of an existing dataset, in place.

For each entry it builds the candidate description of the same computation (rl_autoschedular/execution/torch_fns.py):
a single op of a model from its file (`torch_describe.describe_op`), a whole model from its source's weights
(`torch_describe.describe_model`), an LQCD kernel from its source (`lqcd_gen.build`). An entry with none of these keeps
the description it has, if any, checked the same way. `external.pytorch` runs each candidate on the benchmark's
seeded inputs and compares every PyTorch variant with the benchmark's IREE-confirmed reference: a description is kept
only when all match, and dropped otherwise. Blocks and random programs get none: no single PyTorch function is the
same computation.

    .venv/bin/python data_generation/add_torch.py data/train data/eval
    .venv/bin/python data_generation/add_torch.py data/eval --families op,lqcd --limit 5
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: make `data_generation` importable

from tqdm import tqdm  # noqa: E402

from data_generation import lqcd_gen  # noqa: E402
from data_generation.nn_models import MODELS  # noqa: E402
from data_generation.torch_describe import describe_model, describe_op  # noqa: E402
from rl_autoschedular.cli import DEFAULT_CACHE  # noqa: E402
from rl_autoschedular.config import MeasureConfig  # noqa: E402
from rl_autoschedular.execution import external  # noqa: E402
from rl_autoschedular.execution.job import random_inputs  # noqa: E402
from rl_autoschedular.execution.measure import Measurer  # noqa: E402
from rl_autoschedular.ir.benchmarks import MANIFEST, BenchmarkError, load_benchmark  # noqa: E402

OUTCOMES = ("described", "no mapping", "failed")


def candidate(folder: Path, entry: dict) -> tuple[dict | None, str]:
    """(description, "") of the entry's computation, to be verified, or (None, why it has none)."""
    source = entry.get("source") if isinstance(entry.get("source"), dict) else {}
    if source.get("generator") == "lqcd":
        kernel = lqcd_gen.build(source["kind"], tuple(source["lattice"]), source["dtype"], source["colors"],
                                source["spin"])
        return kernel.torch, ""
    if entry["family"] == "model":
        if source.get("model") in MODELS and isinstance(source.get("torch"), dict) and not entry.get("torch"):
            # make_datasets exports the bundled models at their default sizes; a generator's own description
            # (below) knows the sizes it used.
            return describe_model({"model": source["model"], "sizes": {}}, source["torch"]), ""
        why = f"model {source.get('model')!r} is not one of nn_models', or its source has no weights"
    elif entry["family"] == "op":
        desc, why = describe_op((folder / entry["file"]).read_text())
        if desc:
            return desc, ""
    else:
        why = (f"{'a random program' if source.get('generator') == 'random' else 'a ' + entry['family']} of several "
               "linalg ops: no single PyTorch function computes it")
    existing = entry.get("torch")
    return (existing, "") if isinstance(existing, dict) and existing.get("fn") else (None, why)


def verify(folder: Path, entry: dict, desc: dict, measurer: Measurer) -> str:
    """'' when every PyTorch variant of `desc` matches the benchmark's verified reference, else why not."""
    try:
        bench = load_benchmark(folder / entry["file"], entry["name"], torch=desc)
        reference = measurer.reference(bench)
    except (BenchmarkError, RuntimeError) as err:
        return f"no verified reference: {' '.join(str(err).split())[:200]}"
    inputs = random_inputs([(s.shape, s.dtype) for s in bench.inputs], measurer.config.seed)
    try:
        results = external.pytorch(bench, inputs, reference)
    except Exception as err:  # torch refusing the call (a shape it cannot take) is this entry's failure only
        return f"PyTorch raised {type(err).__name__}: {' '.join(str(err).split())[:200]}"
    bad = [r for r in results if not r.verified]
    return f"{bad[0].executor}: {bad[0].message}" if bad else ""


def backfill(folder: Path, measurer: Measurer, families: set[str] | None = None,
             limit: int | None = None) -> list[tuple[str, str, str, str]]:
    """Describe and verify the entries of `folder`'s manifest (those of `families`, at most `limit`), rewrite the
    manifest with the verified descriptions under "torch" (failed ones removed); return (family, outcome, name,
    reason) per entry, outcome one of OUTCOMES."""
    path = folder / MANIFEST
    manifest = json.loads(path.read_text())
    entries = [e for e in manifest["benchmarks"] if families is None or e["family"] in families][:limit]
    rows = []
    for entry in tqdm(entries, desc=f"describe {folder.name}", unit="benchmark"):
        desc, why = candidate(folder, entry)
        if desc is None:
            rows.append((entry["family"], "no mapping", entry["name"], why))
            continue
        why = verify(folder, entry, desc, measurer)
        if why:
            entry.pop("torch", None)
        else:
            entry["torch"] = desc
        rows.append((entry["family"], "failed" if why else "described", entry["name"], why))
    tmp = path.with_suffix(".json.tmp")  # written whole, then renamed: an interrupted run leaves the old manifest
    tmp.write_text(json.dumps(manifest, indent=2) + "\n")  # as write_baselines writes it
    os.replace(tmp, path)
    return rows


def print_table(name: str, rows: list[tuple[str, str, str, str]]) -> None:
    """Counts per family and outcome, then the reasons: no-mapping ones counted, failures one by one."""
    counts = Counter((family, outcome) for family, outcome, *_ in rows)
    print(f"\n{name}\n{'family':<8} " + " ".join(f"{o:>10}" for o in OUTCOMES))
    for family in sorted({f for f, *_ in rows}):
        print(f"{family:<8} " + " ".join(f"{counts[family, o]:>10}" for o in OUTCOMES))
    print(f"{'total':<8} " + " ".join(f"{sum(n for (_, o2), n in counts.items() if o2 == o):>10}" for o in OUTCOMES))
    for (family, reason), n in sorted(Counter((f, r) for f, o, _, r in rows if o == "no mapping").items()):
        print(f"  no mapping ({family}, {n}): {reason}")
    for family, outcome, bench, reason in rows:
        if outcome == "failed":
            print(f"  FAILED {bench}: {reason}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: 0 when every candidate verified, 1 when some failed, 2 for bad arguments."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="+", type=Path, metavar="DATASET_DIR",
                        help="dataset folders whose manifest.json is updated in place")
    parser.add_argument("--families", help="comma-separated families to process (op, model, lqcd, block, random; "
                                           "default all)")
    parser.add_argument("--limit", type=int, help="at most this many entries per dataset (after --families)")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE,
                        help=f"measurement cache holding the references (default {DEFAULT_CACHE})")
    args = parser.parse_args(argv)
    missing = [str(d) for d in args.datasets if not (d / MANIFEST).is_file()]
    if missing:
        parser.error(f"no {MANIFEST} in {', '.join(missing)}")
    families = set(args.families.split(",")) if args.families else None
    results = {}
    with Measurer(args.cache_dir, MeasureConfig()) as measurer:
        for folder in args.datasets:
            results[folder] = backfill(folder, measurer, families, args.limit)
    for folder, rows in results.items():
        print_table(str(folder), rows)
    return 1 if any(o == "failed" for rows in results.values() for _, o, *_ in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
