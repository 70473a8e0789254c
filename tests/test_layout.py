"""The layout action: NCHW convolutions and poolings rewritten to NHWC/HWCF, with the transposes around them."""

from __future__ import annotations

import pytest
from conftest import DATA, mlir_opt_replay

from rl_autoschedular.execution.measure import Measurer, compile_schedule
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule, _transpose_tile
from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import load_benchmark
from rl_autoschedular.ir.layout import to_channels_last
from rl_autoschedular.ir.op_info import TRANSPOSES


def test_conv_becomes_nhwc_with_its_tag_and_transposes():
    bench = load_benchmark(DATA / "conv2d_bias_relu_nchw_64x56x56_k3.mlir")
    ops = {o.tag: o for o in analyze(to_channels_last(bench.text, ["op_1"]))}
    assert ops["op_1"].name == "linalg.conv_2d_nhwc_hwcf"
    assert ops["op_1"].operand_shapes == [[1, 58, 58, 64], [3, 3, 64, 64], [1, 56, 56, 64]]
    # The bias broadcast keeps its tag, now in NHWC; image and filter go through new transposes.
    assert ops["op_0"].name == "linalg.broadcast" and ops["op_0"].operand_shapes[-1] == [1, 56, 56, 64]
    transposes = [o for o in ops.values() if o.name == "linalg.transpose"]
    assert sorted(t.tag for t in transposes) == ["op_1.hwcf", "op_1.nchw_out", "op_1.nhwc_in"]
    assert sorted(ops["op_1"].producers) == sorted([t.tag for t in transposes if "op_1" in t.consumers] + ["op_0"])
    # The relu now reads the result transposed back to NCHW.
    assert [ops[p].name for p in ops["op_2"].producers] == ["linalg.transpose"]


def test_pool_fill_is_rebuilt_in_nhwc():
    bench = load_benchmark(DATA / "maxpool_nchw_128x56x56_k2_s2.mlir")
    ops = {o.tag: o for o in analyze(to_channels_last(bench.text, ["op_1"]))}
    assert ops["op_1"].name == "linalg.pooling_nhwc_max"
    assert ops["op_0"].name == "linalg.fill" and ops["op_0"].consumers == ["op_1"]
    assert ops["op_0"].operand_shapes[-1] == [1, 28, 28, 128]


def test_layout_of_a_matmul_or_not_first_is_a_transform_error(tmp_path, fast_config):
    bench = load_benchmark(DATA / "matmul_128x768x768.mlir")
    conv = load_benchmark(DATA / "conv2d_nchw_64x56x56_k3.mlir")
    with Measurer(tmp_path, fast_config) as m:
        wrong_op = m.measure(bench, Schedule((OpSchedule("op_1", (Action("layout"),)),)))
        late = m.measure(conv, Schedule((OpSchedule("op_1", (Action("tile", (1, 8, 8, 8, 0, 0, 0)),
                                                             Action("layout"))),)))
    assert wrong_op.status == "transform_error" and "only linalg.conv_2d_nchw_fchw" in wrong_op.message
    assert late.status == "transform_error" and "layout must be the op's first action" in late.message


def test_layout_schedule_replays_with_mlir_opt_on_its_payload(tmp_path):
    bench = load_benchmark(DATA / "conv2d_nchw_64x56x56_k3.mlir")
    schedule = Schedule((OpSchedule("op_1", (Action("layout"), Action("tile", (1, 1, 56, 64, 0, 0, 0)),
                                             Action("tile", (1, 1, 8, 32, 1, 1, 1)), Action("vectorize"))),))
    payload, script = compile_schedule(bench, schedule)
    replay, in_process = mlir_opt_replay(tmp_path, payload, script)
    assert "vector.outerproduct" in in_process or "vector.fma" in in_process
    assert replay == in_process


@pytest.mark.parametrize("file, image_tile, filter_tile", [
    # The image's rows are 58 = 2 x 29 long; the filter's 3x3 window rows are shorter than a vector: taken whole,
    # one channel by 8 filters.
    ("conv2d_bias_relu_nchw_64x56x56_k3.mlir", [1, 1, 2, 8], [0, 0, 1, 8]),
    # A 1x1 window: the filter is a 256x64 matrix, transposed 8 channels by 8 filters.
    ("conv2d_nchw_64x56x56_k1_f256.mlir", [1, 1, 8, 8], [1, 1, 8, 8]),
])
def test_the_layout_transposes_are_vectorized_and_verify(tmp_path, fast_config, file, image_tile, filter_tile):
    bench = load_benchmark(DATA / file)
    schedule = Schedule((OpSchedule("op_1", (Action("layout"),)),))
    _, script = compile_schedule(bench, schedule)
    # Each tiled by up to 8 along the loop of its input's innermost non-unit dim and 8 along its own, only by sizes
    # that divide (16 by 8 was slower with AVX-512: 64x112x112 to NHWC, 0.22 ms against 0.19).
    for tag, sizes in (("op_1.nhwc_in", image_tile), ("op_1.hwcf", filter_tile), ("op_1.nchw_out", [1, 8, 1, 8])):
        assert f'tag = "{tag}"' in script
        assert f"tile_sizes {sizes}" in script, (tag, script)
    assert script.count("transform.structured.vectorize ") == 3
    with Measurer(tmp_path, fast_config) as m:
        assert m.measure(bench, schedule).verified


def test_a_7x7_filters_transpose_takes_rows_of_its_window_not_all_of_it():
    """Short window dims are taken whole only up to 128 elements a tile: ResNet's 7x7 stem filter (64x3x7x7), taken
    whole by 8 filters, took 2.3 s to compile (0.1 s by rows of 7) and ran no faster."""
    assert _transpose_tile((7, 7, 3, 64), TRANSPOSES[".hwcf"]) == [1, 0, 1, 8]
    assert _transpose_tile((3, 3, 64, 64), TRANSPOSES[".hwcf"]) == [0, 0, 1, 8]


def test_an_input_transpose_whose_channels_are_4_kib_apart_takes_whole_lines():
    """To NHWC, the result's rows step through the input's channels: 64x64 pixels apart (16 KiB, the same cache
    sets), 16 pixels of each (0.034 ms against 0.053 by 8 for 32 channels); 112x112 apart, 8 (0.19 against 0.22)."""
    assert _transpose_tile((1, 64, 64, 32), TRANSPOSES[".nhwc_in"]) == [1, 1, 16, 8]
    assert _transpose_tile((1, 112, 112, 64), TRANSPOSES[".nhwc_in"]) == [1, 1, 8, 8]
