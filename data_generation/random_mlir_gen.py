"""Generate random linalg-on-tensors benchmarks: chains of ops, each consuming the previous op's result.

Op kinds (`--families`; also the groups conv, pool, elementwise and reduce): matmul, batch_matmul, the convolutions
conv_2d_nchw_fchw and conv_2d_nhwc_hwcf (strides, dilations, `tensor.pad` padding), depthwise_conv_2d_nchw_chw,
max and sum pooling in NCHW and NHWC, elementwise add, mul, relu, sigmoid and tanh-GELU as `linalg.generic`, sum and
max over the last dim, and transposes, all written as torch-mlir writes them (`random_ops.py`). Weights and extra
operands are @main arguments. Shapes come from real CNN and transformer layers (`random_ops.SHAPES`, overridable
with --shapes); program `index` of `--seed` depends on nothing else, so its manifest entry regenerates it.

A program is kept only if it verifies (MLIR parser and verifier), is within --max-flops, is no structural duplicate
of a kept one, loads (`load_benchmark`), and its unscheduled baseline is measured verified within
--max-baseline-ms. Everything else is counted by reason and never written.

    .venv/bin/python data_generation/random_mlir_gen.py --count 50 --seed 1 --out data/random
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: make `data_generation` importable

from mlir import ir  # noqa: E402
from tqdm import tqdm  # noqa: E402

from data_generation import nn_extract  # noqa: E402
from data_generation.dataset_writer import Writer, flops  # noqa: E402
from data_generation.random_ops import GROUPS, LAYERS, OPS, SHAPES, Program, start_value  # noqa: E402
from rl_autoschedular.config import MeasureConfig  # noqa: E402
from rl_autoschedular.execution.measure import Measurer  # noqa: E402
from rl_autoschedular.ir.benchmarks import BenchmarkError, load_benchmark  # noqa: E402

FIRST_LAYER_SHARE = 0.7  # of programs that start with a matmul, conv or pool (when --families allows one)


@dataclass(frozen=True)
class Sample:
    """One generated program: its module text, its op kinds in chain order and its element type."""

    text: str
    chain: tuple[str, ...]
    dtype: str


def generate(seed: int, index: int, kinds: list[str], min_ops: int, max_ops: int, shapes: dict,
             f64_share: float = 0.0) -> Sample:
    """Program `index` of `seed`: a chain of min_ops..max_ops ops drawn from `kinds`, each one accepting the
    previous op's result, the first mostly a layer (LAYERS). The chain ends early when no kind accepts the result
    (e.g. a 1-D sum for a conv)."""
    rng = random.Random(f"{seed}:{index}")  # per program, so a rejection does not shift the programs after it
    program = Program("f64" if rng.random() < f64_share else "f32")
    length = rng.randint(min_ops, max_ops)
    layers = [k for k in kinds if k in LAYERS]
    op = rng.choice(layers if layers and rng.random() < FIRST_LAYER_SHARE else kinds)
    x = start_value(program, rng, shapes, rng.choice(OPS[op].starts))
    chain = []
    while True:
        x = OPS[op].emit(program, rng, shapes, x)
        chain.append(op)
        candidates = [k for k in kinds if OPS[k].accepts(x)]
        if len(chain) == length or not candidates:
            return Sample(program.text(x), tuple(chain), program.dtype)
        op = rng.choice(candidates)


class Admission:
    """Decides which samples are written: checks each against the limits, measures its baseline, and counts
    duplicates and rejections by reason."""

    def __init__(self, writer: Writer, measurer: Measurer, staging: Path, min_ops: int, max_flops: float,
                 max_baseline_ms: float):
        self.writer, self.measurer, self.staging = writer, measurer, staging
        self.min_ops, self.max_flops, self.max_baseline_ms = min_ops, max_flops, max_baseline_ms
        self.duplicates, self.rejected, self.examples = 0, Counter(), {}
        self.failed: dict[str, tuple[str, str]] = {}  # structural hash -> rejection, so no failure is measured twice

    def offer(self, name: str, sample: Sample, source: dict) -> bool:
        """Write `sample` as `name` if it passes every check; True if it was written."""
        reason, detail = self._check(name, sample, source)
        if reason == "new":
            return True
        if reason == "duplicate":
            self.duplicates += 1
        else:
            self.rejected[reason] += 1
            self.examples.setdefault(reason, f"{name}: {' '.join(detail.split())[:200]}")
        return False

    def _check(self, name: str, sample: Sample, source: dict) -> tuple[str, str]:
        if len(sample.chain) < self.min_ops:
            return "chain shorter than --min-ops", " -> ".join(sample.chain)
        try:
            text = str(ir.Module.parse(sample.text, ir.Context()))  # parses and verifies; prints torch-mlir's style
        except ir.MLIRError as err:
            return "verifier", str(err)
        work = flops(text)
        if work > self.max_flops:
            return "over --max-flops", f"{work:.3g} flops"
        digest = nn_extract.structural_hash(text)
        if digest in self.writer.by_hash:
            return self.writer.add(name, "random", text, source), ""  # "duplicate": records the source, writes nothing
        if digest not in self.failed:
            self.failed[digest] = self._measure(name, text)
        if self.failed[digest][0]:
            return self.failed[digest]
        status = self.writer.add(name, "random", text, source)
        return ("new", "") if status == "new" else ("load", status)

    def _measure(self, name: str, text: str) -> tuple[str, str]:
        """('', '') if the staged program loads and its baseline is verified within the time limit, else why not.
        Staged outside the output folder, so a rejected file never appears there."""
        path = self.staging / f"{name}.mlir"
        path.write_text(text)
        try:
            result = self.measurer.baseline(load_benchmark(path, name))
        except BenchmarkError as err:
            return "load", str(err)
        finally:
            path.unlink()
        if not result.verified:
            return f"baseline {result.status}", result.message
        if result.time_ns / 1e6 > self.max_baseline_ms:
            return "over --max-baseline-ms", f"{result.time_ns / 1e6:.3f} ms"
        return "", ""


def parse_kinds(text: str) -> list[str]:
    """Op kinds from a comma list of kinds and groups ("all" for every kind); ValueError names an unknown one."""
    kinds = []
    for word in filter(None, text.split(",")):
        found = list(OPS) if word == "all" else GROUPS.get(word, [word] if word in OPS else None)
        if found is None:
            raise ValueError(f"unknown family {word!r}; choose from all, {', '.join([*GROUPS, *OPS])}")
        kinds += [k for k in found if k not in kinds]
    return kinds


def parse_shapes(text: str) -> dict:
    """SHAPES with overrides like "channels=16,32;spatial=7,14"; ValueError for an unknown key or a bad size."""
    shapes = dict(SHAPES)
    for item in filter(None, text.split(";")):
        key, _, values = item.partition("=")
        if key.strip() not in SHAPES:
            raise ValueError(f"unknown shape key {key.strip()!r}; choose from {', '.join(SHAPES)}")
        sizes = tuple(int(v) for v in values.split(","))
        if not sizes or min(sizes) < 1:
            raise ValueError(f"shape sizes must be positive integers: {item!r}")
        shapes[key.strip()] = sizes
    return shapes


def _summary(writer: Writer, admission: Admission, attempts: int, out: Path) -> None:
    print(f"wrote {len(writer.entries)} benchmarks and manifest.json to {out} ({attempts} attempts)")
    print(f"duplicates: {admission.duplicates}")
    print(f"rejected: {sum(admission.rejected.values())}")
    for reason, n in admission.rejected.most_common():
        print(f"  {reason}: {n} (e.g. {admission.examples[reason]})")


def main(argv: list[str] | None = None, config: MeasureConfig | None = None) -> int:
    """Command-line entry point; `config` sets the baseline measurement (default MeasureConfig())."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=50, help="valid, distinct programs to write (default 50)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--out", type=Path, required=True, help="dataset folder to write")
    parser.add_argument("--families", default="all",
                        help=f"comma list of op kinds or groups (default all): {', '.join([*GROUPS, *OPS])}")
    parser.add_argument("--min-ops", type=int, default=2, help="fewest ops in a chain (default 2)")
    parser.add_argument("--max-ops", type=int, default=5, help="most ops in a chain (default 5)")
    parser.add_argument("--max-flops", type=float, default=2e8, help="largest program, in flops (default 2e8)")
    parser.add_argument("--max-baseline-ms", type=float, default=500.0,
                        help="slowest unscheduled baseline kept, in ms (default 500)")
    parser.add_argument("--f64-share", type=float, default=0.0, help="share of f64 programs (default 0: all f32)")
    parser.add_argument("--shapes", default="", help='override shape choices, e.g. "channels=16,32;spatial=7,14" '
                                                     f"(keys: {', '.join(SHAPES)})")
    parser.add_argument("--max-attempts", type=int, help="samples to try at most (default 50 per --count)")
    parser.add_argument("--cache-dir", type=Path, help="measurement cache (default: a temporary one)")
    args = parser.parse_args(argv)
    try:
        kinds, shapes = parse_kinds(args.families), parse_shapes(args.shapes)
    except ValueError as err:
        parser.error(str(err))
    if not 1 <= args.min_ops <= args.max_ops or args.count < 1 or not 0 <= args.f64_share <= 1:
        parser.error("need 1 <= --min-ops <= --max-ops, --count >= 1 and 0 <= --f64-share <= 1")
    max_attempts = args.max_attempts or 50 * args.count

    writer = Writer(args.out)
    attempts = 0
    with tempfile.TemporaryDirectory() as tmp, \
            Measurer(args.cache_dir or Path(tmp) / "cache", config or MeasureConfig()) as measurer, \
            tqdm(total=args.count, desc="random", unit="file") as bar:
        staging = Path(tmp) / "staging"
        staging.mkdir()
        admission = Admission(writer, measurer, staging, args.min_ops, args.max_flops, args.max_baseline_ms)
        while len(writer.entries) < args.count and attempts < max_attempts:
            index, attempts = attempts, attempts + 1
            sample = generate(args.seed, index, kinds, args.min_ops, args.max_ops, shapes, args.f64_share)
            name = f"random_s{args.seed}_{index:04d}_{sample.chain[0]}_{len(sample.chain)}ops"
            source = {"generator": "random", "chain": list(sample.chain), "seed": args.seed, "index": index,
                      "dtype": sample.dtype}
            written = admission.offer(name, sample, source)
            bar.set_postfix(attempts=attempts, duplicates=admission.duplicates,
                            rejected=sum(admission.rejected.values()), refresh=False)
            bar.update(written)
    writer.finish()
    _summary(writer, admission, attempts, args.out)
    if len(writer.entries) < args.count:
        print(f"error: only {len(writer.entries)} of {args.count} programs were valid and distinct after "
              f"{attempts} attempts (--max-attempts {max_attempts}); loosen the limits or the shapes", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
