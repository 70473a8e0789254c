"""Build the training and evaluation datasets from one seed: `data/all/` (everything generated, not committed), then
`data/train/` and `data/eval/` (committed), which share no structural hash.

Sources, each a dataset folder under `data/all/`:
- `models/`: `nn_to_mlir.py --models all`, the whole models, their single ops and their blocks of 2 and 5 ops;
- `random_train/`, `random_eval/`: `random_mlir_gen.py` with two seeds derived from --seed;
- `lqcd_train/`, `lqcd_eval/`: `lqcd_gen.py`, four kinds on one lattice for training, all five kinds (the dibaryon is
  never trained on) on another lattice for evaluation.

Evaluation holds code training never sees: the ops, blocks and whole models of EVAL_MODELS (a MobileNetV2-style CNN
and a GPT-style decoder block, none of whose files are in training), the held-out random programs and the held-out
LQCD kernels. Any evaluation file whose structural hash is also in training is dropped from evaluation (counted).
Training takes a spread sample of TRAIN_MODELS' ops and blocks, no whole models (their unscheduled baselines take
seconds per episode). Every kept file is measured here, verified, and its baseline recorded in the manifest.

    .venv/bin/python data_generation/make_datasets.py --seed 0
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: make `data_generation` importable

from tqdm import tqdm  # noqa: E402

from data_generation import lqcd_gen, nn_to_mlir, random_mlir_gen  # noqa: E402
from data_generation.nn_extract import structural_hash  # noqa: E402
from rl_autoschedular.config import MeasureConfig  # noqa: E402
from rl_autoschedular.execution.baselines import write_baselines  # noqa: E402
from rl_autoschedular.execution.measure import Measurer  # noqa: E402
from rl_autoschedular.ir.benchmarks import MANIFEST_VERSION, BenchmarkError, load_benchmark  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TRAIN_MODELS = ("mlp", "resnet18", "vgg", "bert_block")
EVAL_MODELS = ("mobilenetv2", "gpt_block")
LQCD_TRAIN = {"kinds": "su3_matvec,su3_matmul,dslash,baryon", "lattice": "4,4,4,8"}
LQCD_EVAL = {"kinds": "all", "lattice": "4,4,4,4"}


def origin(entry: dict) -> str:
    """Where a manifest entry comes from: "random", "lqcd" or "model" (nn_to_mlir.py)."""
    source = entry.get("source")
    return source.get("generator", "model") if isinstance(source, dict) else "model"


def read_manifest(folder: Path) -> list[tuple[Path, dict]]:
    """(folder, entry) for every benchmark of a generated dataset folder."""
    return [(folder, e) for e in json.loads((folder / "manifest.json").read_text())["benchmarks"]]


def spread(items: list, n: int) -> list:
    """At most `n` of `items`, evenly spaced (deterministic: a layer-ordered list keeps early and late layers)."""
    if len(items) <= n:
        return list(items)
    return [items[i * len(items) // n] for i in range(n)]


def split(train: list[tuple[Path, dict]], evals: list[tuple[Path, dict]]) -> tuple[list, list, int]:
    """Drop structural duplicates within each side and every evaluation file whose structural hash is in training;
    returns (train, eval, dropped from eval as seen in training)."""
    def unique(items):
        seen, out = set(), []
        for folder, entry in items:
            digest = structural_hash((folder / entry["file"]).read_text())
            if digest not in seen:
                seen.add(digest)
                out.append((folder, entry, digest))
        return out

    train_u, eval_u = unique(train), unique(evals)
    train_hashes = {d for *_, d in train_u}
    kept = [(f, e) for f, e, d in eval_u if d not in train_hashes]
    return [(f, e) for f, e, _ in train_u], kept, len(eval_u) - len(kept)


def write(items: list[tuple[Path, dict]], out: Path, measurer: Measurer) -> list[str]:
    """Copy `items` into the dataset folder `out` (replaced), measure each baseline verified and record it in the
    manifest; a file that does not verify is left out. Returns the reasons of those left out."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    entries, results, failures = [], [], []
    for folder, entry in tqdm(items, desc=f"verify {out.name}", unit="file"):
        try:
            bench = load_benchmark(folder / entry["file"], entry["name"])
            base = measurer.baseline(bench)
        except BenchmarkError as err:
            failures.append(f"{entry['name']}: {err}")
            continue
        if not base.verified:
            failures.append(f"{entry['name']}: {base.status}: {base.message}")
            continue
        shutil.copy(folder / entry["file"], out / entry["file"])
        entries.append({**entry, "baselines": {}})
        results.append((bench, base))
    (out / "manifest.json").write_text(json.dumps({"version": MANIFEST_VERSION, "benchmarks": entries}, indent=1)
                                       + "\n")
    write_baselines(out, results, measurer.config.threads)
    return failures


def generate(all_dir: Path, seed: int, args) -> None:
    """Run the three generators into `all_dir` (a folder already generated is reused)."""
    cache = ["--cache-dir", str(args.cache_dir)]
    steps = [
        ("models", lambda out: nn_to_mlir.main(["--models", "all", "--out", str(out)])),
        ("random_train", lambda out: random_mlir_gen.main(
            ["--count", str(args.random_train), "--seed", str(2 * seed), "--out", str(out), *cache])),
        ("random_eval", lambda out: random_mlir_gen.main(
            ["--count", str(args.random_eval), "--seed", str(2 * seed + 1), "--out", str(out), *cache])),
        ("lqcd_train", lambda out: lqcd_gen.main(
            ["--kinds", LQCD_TRAIN["kinds"], "--lattice", LQCD_TRAIN["lattice"], "--dtype", "both", "--out",
             str(out), *cache])),
        ("lqcd_eval", lambda out: lqcd_gen.main(
            ["--kinds", LQCD_EVAL["kinds"], "--lattice", LQCD_EVAL["lattice"], "--dtype", "both", "--out",
             str(out), *cache])),
    ]
    for name, run in steps:
        out = all_dir / name
        if (out / "manifest.json").exists():
            print(f"{name}: reusing {out}")
            continue
        print(f"== {name} ==")
        if run(out) != 0:
            raise SystemExit(f"error: generating {out} failed (see above); fix it or delete the folder and rerun")


def select(all_dir: Path, per_model: int, eval_per_model: int) -> tuple[list, list]:
    """The training and evaluation candidates, before the structural split."""
    models = read_manifest(all_dir / "models")
    by_model: dict[str, list] = {}
    for folder, entry in models:
        by_model.setdefault(entry["source"]["model"], []).append((folder, entry))
    train, evals = [], []
    for model in TRAIN_MODELS:
        parts = [x for x in by_model.get(model, []) if x[1]["family"] != "model"]
        train += spread(parts, per_model)
    for model in EVAL_MODELS:
        items = by_model.get(model, [])
        evals += [x for x in items if x[1]["family"] == "model"]
        evals += spread([x for x in items if x[1]["family"] != "model"], eval_per_model)
    train += read_manifest(all_dir / "random_train") + read_manifest(all_dir / "lqcd_train")
    evals += read_manifest(all_dir / "random_eval") + read_manifest(all_dir / "lqcd_eval")
    return train, evals


def summary(name: str, items: list[tuple[Path, dict]]) -> str:
    counts: dict[str, int] = {}
    for _, entry in items:
        key = origin(entry) if origin(entry) != "model" else f"model {entry['family']}"
        counts[key] = counts.get(key, 0) + 1
    return f"{name}: {len(items)} benchmarks (" + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ")"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0, help="seed of the random programs (default 0)")
    parser.add_argument("--data", type=Path, default=ROOT / "data",
                        help="parent of all/, train/ and eval/ (default: the repository's data/)")
    parser.add_argument("--per-model", type=int, default=40, help="ops and blocks per training model (default 40)")
    parser.add_argument("--eval-per-model", type=int, default=30,
                        help="ops and blocks per evaluation model, besides the whole model (default 30)")
    parser.add_argument("--random-train", type=int, default=120, help="random programs for training (default 120)")
    parser.add_argument("--random-eval", type=int, default=30, help="random programs for evaluation (default 30)")
    parser.add_argument("--cache-dir", type=Path, help="measurement cache (default: data/all/.cache)")
    args = parser.parse_args(argv)
    all_dir = args.data / "all"
    args.cache_dir = args.cache_dir or all_dir / ".cache"
    generate(all_dir, args.seed, args)
    train, evals = select(all_dir, args.per_model, args.eval_per_model)
    train, evals, seen = split(train, evals)
    with Measurer(args.cache_dir, MeasureConfig()) as measurer:
        failed = {name: write(items, args.data / name, measurer) for name, items in (("train", train),
                                                                                     ("eval", evals))}
    for name in ("train", "eval"):
        kept = read_manifest(args.data / name)
        print(summary(name, kept) + f"; {len(failed[name])} left out (not verified)")
        for reason in failed[name]:
            print(f"  left out of {name}: {' '.join(reason.split())[:200]}")
    print(f"dropped from eval as structurally equal to a training file: {seen}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
