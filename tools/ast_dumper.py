#!/usr/bin/env python3
"""Dump the analysis of a benchmark's linalg ops as JSON.

Usage: python tools/ast_dumper.py FILE.mlir
Prints {"file": ..., "ops": [...]} with one entry per tagged linalg op (loops, access matrices, arithmetic
counts, producers and consumers). On a bad benchmark prints one `error: ...` line to stderr and exits 2.
"""

import argparse
import json
import sys
from pathlib import Path

from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import BenchmarkError, load_benchmark


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, load and check the benchmark, print its analysis; return the exit code."""
    parser = argparse.ArgumentParser(description="Print the loop nests, access matrices and producer/consumer "
                                                 "edges of the linalg ops of an MLIR benchmark as JSON.")
    parser.add_argument("file", type=Path, help="a .mlir benchmark (linalg on static tensors, public @main)")
    parser.add_argument("--indent", type=int, default=2, help="JSON indentation (default 2; 0 for one line)")
    args = parser.parse_args(argv)
    try:
        benchmark = load_benchmark(args.file)
    except BenchmarkError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    ops = [info.to_json() for info in analyze(benchmark.text)]
    print(json.dumps({"file": str(args.file), "ops": ops}, indent=args.indent or None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
