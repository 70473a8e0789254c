"""Convert PyTorch models into a benchmark dataset: the whole model, every linalg op alone, and blocks of 2 to 5.

Each model is exported with torch-mlir (`export_and_import(..., output_type="linalg-on-tensors")`) in a spawned
child process, with its weights as @main arguments. This process, which never imports torch_mlir, parses the text
with the xtc `mlir` bindings, cuts out every linalg op (its operands become arguments) and producer/consumer blocks,
drops structural duplicates, checks that each file loads, and writes `.mlir` files plus `manifest.json`. An entry
whose computation PyTorch can run as it is gets a description of it under "torch" (rl_autoschedular/execution/
torch_fns.py): a whole model from its spec and weights, a single op from its file (`describe_op`); blocks get none.

    .venv/bin/python data_generation/nn_to_mlir.py --models all --out data/models --check
    .venv/bin/python data_generation/nn_to_mlir.py --module mypkg.nets:make_net --input-shape 1,3,224,224 --out d
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: make `data_generation` importable

from mlir import ir  # noqa: E402
from tqdm import tqdm  # noqa: E402

from data_generation import nn_extract  # noqa: E402
from data_generation.dataset_writer import Writer, check  # noqa: E402
from data_generation.nn_export import export  # noqa: E402
from data_generation.nn_models import MODELS  # noqa: E402
from data_generation.torch_describe import attr_ints, describe_model, describe_op  # noqa: E402

_TORCH_FN = {  # linalg op -> the torch function that computes the same thing
    "linalg.conv_2d_nchw_fchw": "torch.nn.functional.conv2d",
    "linalg.depthwise_conv_2d_nchw_chw": "torch.nn.functional.conv2d",
    "linalg.matmul": "torch.mm",
    "linalg.batch_matmul": "torch.bmm",
    "linalg.pooling_nchw_max": "torch.nn.functional.max_pool2d",
    "linalg.transpose": "torch.permute",
}


def export_all(specs: list[dict]) -> list[dict]:
    """Export each spec in a spawned child (torch_mlir must never share a process with `mlir`); a child that dies
    costs its model only, with the reason."""
    results, pool = [], None
    ctx = multiprocessing.get_context("spawn")
    for spec in tqdm(specs, desc="export", unit="model"):
        pool = pool or ProcessPoolExecutor(1, mp_context=ctx)
        try:
            results.append(pool.submit(export, spec).result())
        except BrokenProcessPool:
            results.append({"error": "the export process crashed"})
            pool = None
    if pool:
        pool.shutdown()
    return results


def torch_call(op, model: str, layer: str) -> dict:
    """How to time the same computation in PyTorch: the torch function and its argument shapes, where one maps."""
    shapes = [list(ir.ShapedType(v.type).shape) for v in op.operands if isinstance(v.type, ir.ShapedType)]
    out = {"model": model, "layer": layer, "kind": op.name.removeprefix("linalg."), "fn": _TORCH_FN.get(op.name),
           "args": shapes[:-1]}
    if "strides" in op.attributes:
        out["kwargs"] = {"stride": attr_ints(op, "strides"), "dilation": attr_ints(op, "dilations"), "padding": 0}
        if op.name.startswith("linalg.depthwise"):
            channels, kh, kw = shapes[1]
            out["args"][1] = [channels, 1, kh, kw]  # torch's grouped-conv weight layout
            out["kwargs"]["groups"] = channels
        if op.name.startswith("linalg.pooling"):
            out["args"] = shapes[:1]
            out["kwargs"]["kernel_size"] = shapes[1]
    if op.name == "linalg.transpose":
        out["kwargs"] = {"dims": attr_ints(op, "permutation")}
    return out


def convert(name: str, result: dict, writer: Writer, block_sizes: list[int], spec: dict | None = None) -> dict:
    """Write one exported model's benchmarks; return its summary row (counts and skip reasons). With the `spec` it
    was exported from, the whole model's entry gets its PyTorch description."""
    row = {"model": name, "ops": 0, "unique_ops": 0, "blocks": 0, "skipped": []}
    if "error" in result:
        row["skipped"].append(f"export: {result['error']}")
        return row
    ctx = ir.Context()
    try:
        module = nn_extract.clean(result["text"], ctx)
    except ir.MLIRError as err:  # e.g. torch-mlir's own dialects (tm_tensor) where linalg has no equivalent
        row["skipped"].append(f"parse: {' '.join(str(err).split())[:160]}")
        return row
    whole = {"model": name, "input_shape": result["input_shape"], "params": result["params"]}
    ops = nn_extract.body_ops(module)
    problem = nn_extract.domain_problem(ops, list(range(len(ops))))  # e.g. sqrt of the model's input
    status = f"domain: {problem}" if problem else writer.add(
        name, "model", str(module), {"model": name, "layer": None, "torch": whole})
    if status == "new" and spec:  # the writer's entry, just appended
        writer.entries[-1]["torch"] = describe_model(spec, result)
    if status not in ("new", "duplicate"):
        row["skipped"].append(f"whole model: {status}")
    for i, op in enumerate(ops):
        if not nn_extract.is_core(op):
            continue
        row["ops"] += 1
        kind = op.name.removeprefix("linalg.")
        layer = f"{i}:{op.name}"
        jobs = [(f"{name}_op{i}_{kind}", "op", [i], torch_call(op, name, layer))]
        for size in block_sizes:
            chosen = nn_extract.block(ops, i, size)
            if chosen:
                jobs.append((f"{name}_block{i}_{size}ops", "block", chosen,
                             {"model": name, "ops": [ops[j].name for j in chosen if nn_extract.is_core(ops[j])]}))
        for bench, family, chosen, torch in jobs:
            # An op like layer norm's rsqrt is NaN on random inputs alone: extract it with the producers that keep
            # its operand in its domain, or not at all (a file that cannot verify is never written).
            chosen, problem = nn_extract.valid_domain(ops, chosen)
            try:
                text = None if problem else nn_extract.extract(ops, chosen)
                status = f"domain: {problem}" if problem else writer.add(
                    bench, family, text, {"model": name, "layer": layer, "torch": torch})
                description = describe_op(text)[0] if status == "new" and family == "op" else None
            except Exception as err:  # one op that does not extract must not stop the model
                status, description = f"{type(err).__name__}: {err}", None
            if description:  # the writer's entry, just appended
                writer.entries[-1]["torch"] = description
            if status == "new":
                row["unique_ops" if family == "op" else "blocks"] += 1
            elif status != "duplicate":
                row["skipped"].append(f"{bench}: {' '.join(status.split())[:160]}")
    return row


def print_table(rows: list[dict]) -> None:
    """The summary: per model, its linalg ops, the unique ones written, blocks written, and what was skipped."""
    print(f"{'model':16s} {'ops':>5s} {'unique':>6s} {'blocks':>6s} {'skipped':>7s}")
    for row in rows:
        print(f"{row['model']:16s} {row['ops']:5d} {row['unique_ops']:6d} {row['blocks']:6d} {len(row['skipped']):7d}")
    for row in rows:
        for reason in row["skipped"]:
            print(f"  skipped {row['model']}: {reason}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", default="all", help=f"'all' or comma-separated names of {', '.join(MODELS)}")
    parser.add_argument("--module", help="your own model: pkg.mod:factory, a callable returning an nn.Module")
    parser.add_argument("--input-shape", help="input shape for --module, e.g. 1,3,224,224")
    parser.add_argument("--image", type=int, help="image size of the CNNs (default per model: 64 or 112)")
    parser.add_argument("--seq", type=int, help="sequence length of the transformer blocks (default 64)")
    parser.add_argument("--hidden", type=int, help="hidden size of the MLP and transformer blocks (default 256)")
    parser.add_argument("--heads", type=int, help="attention heads (default 4)")
    parser.add_argument("--block-sizes", default="2,5", help="linalg ops per extracted block (default 2,5)")
    parser.add_argument("--out", type=Path, required=True, help="dataset folder to write")
    parser.add_argument("--check", action="store_true", help="load and measure (verified) every written file")
    parser.add_argument("--cache-dir", type=Path, help="measurement cache for --check (default: a temporary one)")
    args = parser.parse_args(argv)

    sizes = {"image": args.image, "seq": args.seq, "hidden": args.hidden, "heads": args.heads}
    names = [] if args.module and args.models == "all" else (
        list(MODELS) if args.models == "all" else args.models.split(","))
    unknown = [n for n in names if n not in MODELS]
    if unknown or (args.module and not args.input_shape):
        parser.error(f"unknown models {unknown}" if unknown else "--module needs --input-shape")
    specs = [{"model": n, "sizes": sizes} for n in names]
    if args.module:
        specs.append({"module": args.module, "input_shape": [int(d) for d in args.input_shape.split(",")]})
    labels = names + ([args.module.rpartition(":")[2] or args.module] if args.module else [])
    block_sizes = [int(s) for s in args.block_sizes.split(",") if s]

    writer = Writer(args.out)
    rows = [convert(label, result, writer, block_sizes, spec)
            for label, result, spec in zip(labels, export_all(specs), specs)]
    writer.finish()
    print_table(rows)
    print(f"wrote {len(writer.entries)} benchmarks and manifest.json to {args.out}")
    if args.check:
        failures = check(args.out, writer.entries, args.cache_dir)
        print(f"check: {len(writer.entries) - len(failures)} verified, {len(failures)} failed")
        for file, reason in failures:
            print(f"  FAILED {file}: {reason}")
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
