"""Every action kind of the schedule builder, applied to a real bundled benchmark, gives verified outputs."""

from __future__ import annotations

import pytest
from conftest import DATA

from rl_autoschedular.config import MeasureConfig, TimingConfig
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule
from rl_autoschedular.ir.benchmarks import load_benchmark

CASES = {
    # bias + relu (one generic since load) <- matmul: parallel tiles of the bias + relu with the matmul and its
    # fill fused in, then the matmul tiled inside the fused loop and vectorized.
    "tile_fuse": ("matmul_bias_relu_256x512x512.mlir", (
        OpSchedule("op_2", (Action("tile_fuse", (32, 64), producer="op_1"),)),
        OpSchedule("op_1", (Action("tile", (8, 32, 1)), Action("vectorize"))))),
    "tile_parallel": ("matmul_128x768x768.mlir", (
        OpSchedule("op_1", (Action("tile_parallel", (64, 128, 0)), Action("tile", (8, 32, 1)),
                            Action("vectorize"))),)),
    # B's tile copied into a contiguous buffer between the outer and the register tiles.
    "pack": ("matmul_128x768x768.mlir", (
        OpSchedule("op_1", (Action("tile", (0, 64, 256)), Action("pack", (0, 1, 0)), Action("tile", (4, 16, 1)),
                            Action("vectorize"))),)),
    "interchange": ("matmul_128x768x768.mlir", (
        OpSchedule("op_1", (Action("tile", (32, 64, 0)), Action("interchange", perm=(0, 2, 1)))),)),
    "im2col": ("conv2d_nchw_64x56x56_k1_f256.mlir", (
        OpSchedule("op_1", (Action("im2col"), Action("tile", (1, 32, 56, 0)))),)),
    "decompose_vectorize_pool": ("maxpool_nhwc_64x112x112_k3_s2.mlir", (
        OpSchedule("op_1", (Action("tile", (1, 1, 8, 32, 1, 3)), Action("vectorize"))),)),
    # NCHW -> NHWC: the bias broadcast is rebuilt in NHWC and fused with the register tiles; relu stays NCHW.
    "layout_conv": ("conv2d_bias_relu_nchw_64x56x56_k3.mlir", (
        OpSchedule("op_1", (Action("layout"), Action("tile", (1, 1, 56, 64, 0, 0, 0)),
                            Action("tile", (1, 1, 8, 32, 1, 1, 1)), Action("vectorize"))),)),
    # The pool's -inf fill is rebuilt in NHWC.
    "layout_pool": ("maxpool_nchw_128x56x56_k2_s2.mlir", (
        OpSchedule("op_1", (Action("layout"), Action("tile", (1, 1, 7, 64, 1, 2)), Action("vectorize"))),)),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_action_gives_verified_outputs(tmp_path, case):
    file, ops = CASES[case]
    bench = load_benchmark(DATA / file)
    # Two threads so tile_parallel really runs its scf.forall through OpenMP.
    config = MeasureConfig(threads=2, timing=TimingConfig(warmup=1, min_runs=3, max_runs=10, target_seconds=0.05))
    with Measurer(tmp_path, config) as m:
        result = m.measure(bench, Schedule(ops))
    assert result.status == "ok", result.message
    assert result.verified and result.threads == 2
