"""The heuristic prior policy: every action it takes is one the masks allow, on every op of the bundled data, and
its schedules verify on every benchmark of the bundled suite."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, FAST, ROOT

from rl_autoschedular.config import EnvConfig
from rl_autoschedular.env.prior import HeuristicPrior, Machine, prior_episode
from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.ir.benchmarks import load_benchmark, load_dataset


def test_the_machine_facts_come_from_this_cpu():
    m = Machine.detect()
    assert m.vector_bytes in (32, 64)
    assert 8 * 1024 <= m.l1_bytes < m.l2_bytes


@pytest.fixture(scope="module")
def proxy_env():
    """The bundled suite, the block families and every training benchmark (real torch-mlir output, LQCD and
    random programs) in an env that measures nothing, so that every op kind is covered in seconds."""
    benches = load_dataset(DATA) + load_dataset(ROOT / "data" / "families") + load_dataset(ROOT / "data" / "train")
    return MlirSchedulingEnv(benches, None, EnvConfig(reward_mode="proxy"))


@pytest.mark.parametrize("threads", [1, 4])
def test_every_action_of_the_prior_is_allowed(proxy_env, threads):
    env = proxy_env
    prior = HeuristicPrior(threads=threads)
    kinds = set()
    for b in env.benches:
        env.reset(options={"benchmark": b.bench.name})
        done = False
        while not done:
            _, _, done, _, info = env.step(prior.act(env))
            assert not info.get("invalid_action"), (b.bench.name, info["invalid_action"])
        kinds |= {a.kind + ("+fold" if a.kind == "vectorize" and a.sizes else "")
                  for op in env.schedule().ops for a in op.actions}
    # The rules reach every kind of transformation they know, so a rule that stopped firing shows here (vectorize
    # +fold: an NCHW depthwise conv; im2col: a 1x1 or strided NCHW conv).
    want = {"layout", "tile_fuse", "interchange", "vectorize", "vectorize+fold", "im2col", "flatten", "pack"}
    want.add("tile_parallel" if threads > 1 else "tile")
    assert want <= kinds, want - kinds


@pytest.mark.slow
def test_the_prior_schedules_verify_on_every_bundled_benchmark(bundled_cache):
    benches = load_dataset(DATA)
    with Measurer(bundled_cache, FAST) as m:
        env = MlirSchedulingEnv(benches, m, EnvConfig())
        prior = HeuristicPrior()
        for b in benches:
            info = prior_episode(env, b.name, prior)
            assert info["status"] == "ok" and info["verified"], (b.name, info.get("message"))
            assert any(op.actions for op in env.schedule().ops), b.name  # the prior scheduled something


def test_the_prior_plays_the_early_episodes_then_fades(tmp_path):
    """A real (proxy-reward) training run with the prior on: it plays every episode of the first iteration, about
    half of the second, none after its decay."""
    from rl_autoschedular.agent.trainer import Trainer
    from rl_autoschedular.config import RunConfig
    cfg = RunConfig.model_validate({
        "name": "prior", "iterations": 3, "device": "cpu", "env": {"reward_mode": "proxy"},
        "model": {"hidden": 16}, "tracking": {"backends": ["jsonl"]},
        "ppo": {"episodes_per_iteration": 4, "minibatch_size": 8, "update_epochs": 1, "prior_episodes": 1.0,
                "prior_decay_iterations": 2}})
    Trainer(cfg, tmp_path, None, benchmarks=([load_benchmark(DATA / "matmul_bias_relu_256x512x512.mlir")], [])).train()
    metrics = [json.loads(line) for line in (tmp_path / "metrics.jsonl").read_text().splitlines()]
    led = [m["prior_episodes"] for m in metrics]
    assert led[0] == 4 and led[2] == 0 and 0 <= led[1] <= 4, led


_CLONED = ["matmul_bias_relu_256x512x512", "conv2d_nchw_64x56x56_k3", "add_1x64x56x56"]


def test_imitation_makes_the_greedy_policy_the_prior():
    """Behaviour cloning on three bundled benchmarks: the untrained greedy policy agrees with few of the prior's
    decisions, the cloned one with nearly all."""
    import torch

    from rl_autoschedular.agent.imitation import demonstrations, imitate
    from rl_autoschedular.agent.models import Policy
    from rl_autoschedular.agent.models.policy import same_decision
    from rl_autoschedular.config import ModelConfig

    cfg = EnvConfig(reward_mode="proxy")
    env = MlirSchedulingEnv([load_benchmark(DATA / f"{n}.mlir") for n in _CLONED], None, cfg)
    obs, actions = demonstrations(env, HeuristicPrior())
    torch.manual_seed(0)
    policy = Policy(cfg, ModelConfig(hidden=32, prior_gain=0.0))  # one that starts by ignoring the prior's choice
    before = same_decision(policy(obs, greedy=True)[0], actions).float().mean()
    stats = imitate(policy, torch.optim.Adam(policy.parameters(), lr=3e-3), obs, actions, epochs=100,
                    minibatch_size=len(obs), device=torch.device("cpu"), seed=0)
    assert before < 0.5 and stats["imitation_accuracy"] >= 0.9, (before, stats)


def test_an_untrained_policy_takes_the_priors_decisions_and_samples_around_them():
    """The observation carries the prior's proposal and the policy a bonus on it (`model.prior_gain`): with no
    training at all, the greedy policy takes the prior's decision at every one of the bundled benchmarks' decisions,
    and sampling departs from it at some."""
    import torch

    from rl_autoschedular.agent.imitation import demonstrations
    from rl_autoschedular.agent.models import Policy
    from rl_autoschedular.agent.models.policy import same_decision
    from rl_autoschedular.config import ModelConfig

    cfg = EnvConfig(reward_mode="proxy")
    obs, actions = demonstrations(MlirSchedulingEnv(load_dataset(DATA), None, cfg), HeuristicPrior())
    torch.manual_seed(0)
    policy = Policy(cfg, ModelConfig(hidden=32))
    with torch.no_grad():
        greedy = same_decision(policy(obs, greedy=True)[0], actions).float().mean()
        sampled = same_decision(policy(obs)[0], actions).float().mean()
    assert len(obs) > 90 and greedy == 1.0 and 0.2 < sampled < 0.95, (len(obs), greedy, sampled)


def test_the_anchor_keeps_ppo_on_the_cloned_prior(tmp_path):
    """`ppo.prior_anchor_coef` adds the prior's decisions to every PPO minibatch. Large steps on proxy rewards move
    the freshly cloned policy off the prior's greedy decisions; with the anchor it keeps all of them."""
    import torch

    from rl_autoschedular.agent.models.policy import same_decision
    from rl_autoschedular.agent.trainer import Trainer
    from rl_autoschedular.config import RunConfig

    benches = [load_benchmark(DATA / f"{n}.mlir")
               for n in ("matmul_bias_relu_256x512x512", "conv2d_nchw_64x56x56_k3", "add_1x64x56x56")]

    def agreement(coef: float) -> float:
        cfg = RunConfig.model_validate({
            "name": "anchor", "iterations": 3, "device": "cpu", "seed": 0, "env": {"reward_mode": "proxy"},
            "model": {"hidden": 32}, "tracking": {"backends": ["jsonl"]},
            "ppo": {"episodes_per_iteration": 8, "minibatch_size": 16, "update_epochs": 8, "learning_rate": 0.01,
                    "prior_imitation_epochs": 100, "prior_anchor_coef": coef}})
        trainer = Trainer(cfg, tmp_path / f"run{coef}", None, benchmarks=(benches, []))
        trainer.train()
        obs, actions = trainer.prior_demonstrations()
        with torch.no_grad():
            return same_decision(trainer.policy(obs, greedy=True)[0], actions).float().mean().item()

    free, anchored = agreement(0.0), agreement(2.0)
    assert anchored == 1.0 and free < anchored, (free, anchored)


TRANSPOSE = """
func.func @main(%a: tensor<{rows}x{cols}x{t}>) -> tensor<{cols}x{rows}x{t}> {{
  %e = tensor.empty() : tensor<{cols}x{rows}x{t}>
  %t = linalg.transpose ins(%a : tensor<{rows}x{cols}x{t}>) outs(%e : tensor<{cols}x{rows}x{t}>) permutation = [1, 0]
  return %t : tensor<{cols}x{rows}x{t}>
}}
"""


def _verified_prior_schedule(tmp_path, text: str) -> dict[str, list[tuple]]:
    """The prior's schedule of the program `text` (measured, and asserted verified): (kind, sizes) per op tag."""
    path = tmp_path / "program.mlir"
    path.write_text(text)
    bench = load_benchmark(path)
    with Measurer(tmp_path / "cache", FAST) as m:
        env = MlirSchedulingEnv([bench], m, EnvConfig())
        info = prior_episode(env, bench.name, HeuristicPrior(threads=1))
        assert info["verified"], info.get("message")
        return {op.tag: [(a.kind, a.sizes) for a in op.actions] for op in env.schedule().ops}


@pytest.mark.parametrize("rows, cols, dtype, tile", [
    (64, 128, "f32", (8, 8)), (64, 128, "f64", (8, 4)),
    (100, 128, "f32", (16, 4)),  # result rows of 100: 4 of them, and 256 bytes in all
    (16, 1024, "f32", (16, 8)),  # input rows 4 KiB apart: a whole cache line of each
])
def test_a_transpose_gets_a_two_dimensional_tile_that_verifies(tmp_path, rows, cols, dtype, tile):
    # loops (d0 over the result's rows, d1 over its columns); the input's contiguous dim is d0. 32 bytes of each
    # input row by 32 bytes of each result row (or what divides them), whatever the vector width (16x16 ran 2.2x
    # slower on AVX-512).
    program = TRANSPOSE.format(rows=rows, cols=cols, t=dtype)
    assert _verified_prior_schedule(tmp_path, program) == {"op_0": [("tile", tile), ("vectorize", ())]}


def test_a_layout_transpose_whose_channels_are_4_kib_apart_reads_whole_lines(tmp_path):
    """NCHW -> NHWC over 32x64x64: the result's rows step through channels 16 KiB apart in the input, so 16 pixels
    (a whole line) of each; over 32x56x56 (12.25 KiB apart), 8."""
    program = """
func.func @main(%a: tensor<1x32x{hw}x{hw}xf32>) -> tensor<1x{hw}x{hw}x32xf32> {{
  %e = tensor.empty() : tensor<1x{hw}x{hw}x32xf32>
  %t = linalg.transpose ins(%a : tensor<1x32x{hw}x{hw}xf32>) outs(%e : tensor<1x{hw}x{hw}x32xf32>)
    permutation = [0, 2, 3, 1]
  return %t : tensor<1x{hw}x{hw}x32xf32>
}}
"""
    for hw, pixels in ((64, 16), (56, 8)):
        (tmp_path / str(hw)).mkdir()
        assert _verified_prior_schedule(tmp_path / str(hw), program.format(hw=hw)) == {
            "op_0": [("tile", (0, 1, pixels, 8)), ("vectorize", ())]}


def test_pack_only_where_the_tile_fills_a_register_tile_row(proxy_env):
    """P copies a contraction's vector operand per outer tile: a matmul's 128-column tiles keep it, the 3-wide
    loops of an LQCD baryon contraction drop it (there the copy per tiny tile made the kernel 2.2x slower)."""
    env, prior = proxy_env, HeuristicPrior(threads=1)
    packed = {}
    for name in ("matmul_128x768x768", "lqcd_baryon_4x4x4x8_f32"):
        env.reset(options={"benchmark": name})
        done = False
        while not done:
            _, _, done, _, _ = env.step(prior.act(env))
        packed[name] = [op.tag for op in env.schedule().ops if any(a.kind == "pack" for a in op.actions)]
    assert packed["matmul_128x768x768"] == ["op_1"]
    assert packed["lqcd_baryon_4x4x4x8_f32"] == []


def test_a_row_tile_of_a_narrow_loop_keeps_the_loop_whole_and_compiles(tmp_path):
    """A bias between two tanh GELUs over 2x32x3x3 (a random training program): the prior once vectorized it whole
    when FLAT was refused (a broadcast bias), 192 rows of 3 whose tanh expansions compiled past the 10 s limit, and
    its 64-lane row tile of the 3-wide loop became tiles of 1. Now: rows of the whole loop, vectorized, verified."""
    bench = load_benchmark(ROOT / "data" / "train" / "random_s0_0124_depthwise_conv_2d_nchw_chw_5ops.mlir")
    with Measurer(tmp_path / "cache", FAST) as m:
        env = MlirSchedulingEnv([bench], m, EnvConfig())
        info = prior_episode(env, bench.name, HeuristicPrior(threads=1))
    assert info["status"] == "ok" and info["verified"], info.get("message")
    gelus = next(op.actions for op in env.schedule().ops if op.tag == "op_2")
    assert [(a.kind, a.sizes) for a in gelus] == [("tile", (1, 1, 1, 0)), ("vectorize", ())]


def _linear(rows: int, features: int, depth: int) -> str:
    """torch-mlir's linear layer x @ W.T: W (features x depth) transposed whole, then a matmul of `rows` rows."""
    x, w, wt, y = (f"tensor<{rows}x{depth}xf32>", f"tensor<{features}x{depth}xf32>",
                   f"tensor<{depth}x{features}xf32>", f"tensor<{rows}x{features}xf32>")
    return f"""
func.func @main(%w: {w}, %x: {x}) -> {y} {{
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : {wt}
  %wt = linalg.transpose ins(%w : {w}) outs(%e : {wt}) permutation = [1, 0]
  %o = tensor.empty() : {y}
  %acc = linalg.fill ins(%zero : f32) outs(%o : {y}) -> {y}
  %y = linalg.matmul ins(%x, %wt : {x}, {wt}) outs(%acc : {y}) -> {y}
  return %y : {y}
}}
"""


def test_a_linear_layers_weight_transpose_is_fused_into_the_matmuls_column_tiles(tmp_path):
    """torch-mlir's x @ W.T transposes the whole weight, then multiplies. The prior fuses the transpose into column
    tiles of four vectors (TPF), so each panel is transposed into a buffer the register tile reads contiguously;
    the copy P would add is left out, and the fused transpose gets its own 2-D tile. The result verifies."""
    lanes = Machine.detect().vector_bytes // 4
    ops = _verified_prior_schedule(tmp_path, _linear(16, 128, 64))
    matmul, transpose = ops["op_2"], ops["op_0"]
    assert matmul[0] == ("tile_fuse", (0, 4 * lanes, 0)) and ("pack", (0, 1, 0)) not in matmul
    assert matmul[-1] == ("vectorize", ())
    assert transpose == [("tile", (8, 8)), ("vectorize", ())]


def test_a_one_row_linear_layer_is_a_dot_product_of_four_weight_rows_at_a_time(tmp_path):
    """Batch 1: the loader folds the weight's transpose away (test_simplify), and the prior tiles the dot product
    4 rows of W by 256 of the reduction. The builder vectorizes each row as one horizontal sum, without forming a
    contraction (its outer products transposed both tiles: 5x slower on 1x1024 @ (2048x1024).T). Verified."""
    from rl_autoschedular.execution.measure import compile_schedule
    from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule

    ops = _verified_prior_schedule(tmp_path, _linear(1, 96, 512))
    assert ops == {"op_1": [("tile", (0, 4, 256)), ("vectorize", ())]}, ops
    bench = load_benchmark(tmp_path / "program.mlir")
    dot = Schedule((OpSchedule("op_1", (Action("tile", (0, 4, 256)), Action("vectorize"))),))
    script = compile_schedule(bench, dot)[1]
    assert 'lowering_strategy = "innerreduction"' in script and "reduction_to_contract" not in script, script
    (tmp_path / "linear.mlir").write_text(_linear(16, 128, 64))
    matmul = Schedule((OpSchedule("op_2", (Action("tile", (4, 16, 1)), Action("vectorize"))),))
    assert "reduction_to_contract" in compile_schedule(load_benchmark(tmp_path / "linear.mlir"), matmul)[1]


CASTING_SUM = """
#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0, 0)>
func.func @main(%x: tensor<16x256xf32>) -> tensor<16x1xf64> {
  %zero = arith.constant 0.0 : f64
  %e = tensor.empty() : tensor<16x1xf64>
  %acc = linalg.fill ins(%zero : f64) outs(%e : tensor<16x1xf64>) -> tensor<16x1xf64>
  %s = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<16x256xf32>) outs(%acc : tensor<16x1xf64>) {
  ^bb0(%in: f32, %out: f64):
    %w = arith.extf %in : f32 to f64
    %a = arith.addf %w, %out : f64
    linalg.yield %a : f64
  } -> tensor<16x1xf64>
  return %s : tensor<16x1xf64>
}
"""


def test_a_casting_row_sum_is_tiled_so_that_it_vectorizes(tmp_path):
    """torch-mlir's layer norm sums f32 rows into f64. V on a casting body needs its innermost loop within
    `cast_vector_limit`; the prior once kept the 256-long reduction whole, V was masked, and the sum stayed scalar.
    Now it tiles the reduction to the limit and vectorizes, verified."""
    limit = EnvConfig().cast_vector_limit
    ops = _verified_prior_schedule(tmp_path, CASTING_SUM)
    assert ops["op_1"] == [("tile", (8, limit)), ("vectorize", ())], ops


def _conv(size: int, filters: int, channels: int = 16, stride: int = 1, dilation: int = 1,
          layout: str = "nchw") -> str:
    """A 3x3 convolution of one size x size image of `channels` channels into `filters` channels, NCHW/FCHW or
    NHWC/HWCF."""
    out = (size - 2 * dilation - 1) // stride + 1
    if layout == "nchw":
        x, w = f"tensor<1x{channels}x{size}x{size}xf32>", f"tensor<{filters}x{channels}x3x3xf32>"
        y, op = f"tensor<1x{filters}x{out}x{out}xf32>", "linalg.conv_2d_nchw_fchw"
    else:
        x, w = f"tensor<1x{size}x{size}x{channels}xf32>", f"tensor<3x3x{channels}x{filters}xf32>"
        y, op = f"tensor<1x{out}x{out}x{filters}xf32>", "linalg.conv_2d_nhwc_hwcf"
    attrs = f"dilations = dense<{dilation}> : vector<2xi64>, strides = dense<{stride}> : vector<2xi64>"
    return f"""
func.func @main(%x: {x}, %w: {w}) -> {y} {{
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : {y}
  %acc = linalg.fill ins(%zero : f32) outs(%e : {y}) -> {y}
  %y = {op} {{{attrs}}} ins(%x, %w : {x}, {w}) outs(%acc : {y}) -> {y}
  return %y : {y}
}}
"""


def test_a_dilated_convolution_is_not_offered_im2col(tmp_path):
    """Upstream im2col refuses dilations other than 1 ("failed to apply"; four random training programs failed so
    under the prior, whose rule picks im2col for a 3x3 window at stride 2). The mask refuses IM2COL there, and the
    prior changes layout instead; the result verifies."""
    ops = _verified_prior_schedule(tmp_path, _conv(12, 8, channels=8, stride=2, dilation=2))
    assert ops["op_1"][0] == ("layout", ()), ops


STRIDED_POOL = """
func.func @main(%x: tensor<1x4x64x64xf32>) -> tensor<1x4x32x32xf32> {
  %low = arith.constant -3.40282347E+38 : f32
  %window = tensor.empty() : tensor<2x2xf32>
  %e = tensor.empty() : tensor<1x4x32x32xf32>
  %acc = linalg.fill ins(%low : f32) outs(%e : tensor<1x4x32x32xf32>) -> tensor<1x4x32x32xf32>
  %y = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>}
    ins(%x, %window : tensor<1x4x64x64xf32>, tensor<2x2xf32>) outs(%acc : tensor<1x4x32x32xf32>)
    -> tensor<1x4x32x32xf32>
  return %y : tensor<1x4x32x32xf32>
}
"""


@pytest.mark.parametrize("channels", [4, 32])
def test_a_strided_nchw_pooling_over_rows_longer_than_a_vector_is_not_vectorized(tmp_path, channels):
    """Vectorized, a stride-2 NCHW pooling's reads become shuffles: VGG's 2x2/2 max pool over 16 columns ran 4x
    slower than unoptimized under the prior's old rule (V up to two vectors of columns). It is tiled by rows only,
    with channels that fill vectors or not: a 2x2/2 window reads each input once, and the layout change's
    transposes made VGG's 32x64x64 pool 4x slower. Rows of 32 columns: longer than a vector on both machines."""
    ops = _verified_prior_schedule(tmp_path, STRIDED_POOL.replace("1x4x", f"1x{channels}x"))
    assert ops["op_1"] == [("tile", (0, 1, 1, 0, 0, 0))], ops


def test_a_strided_nchw_pooling_whose_channels_fill_vectors_is_vectorized_along_them_in_nhwc(tmp_path):
    """A 3x3/2 window (windows overlap) over 32 channels, which fill vectors on both machines: the layout change,
    then the NHWC pooling's tiles, the window a step at a time in the register tile. Verified. (The 2x2/2 pool
    above reads each input once: there the transposes cost more than they save, whatever the channels.)"""
    lanes = Machine.detect().vector_bytes // 4
    text = STRIDED_POOL.replace("1x4x64x64", "1x32x65x65").replace("1x4x", "1x32x").replace("2x2xf32", "3x3xf32")
    ops = _verified_prior_schedule(tmp_path, text)
    channels = 0 if 2 * lanes >= 32 else 2 * lanes
    assert ops["op_1"] == [("layout", ()), ("tile", (0, 1, 0, 0, 0, 0)), ("tile", (0, 0, 4, channels, 1, 1)),
                           ("vectorize", ())], ops


def test_a_convolution_with_fewer_pixels_than_filters_becomes_a_matmul(tmp_path):
    """The layout change transposes the whole filter on every call. ResNet-18's last 3x3/1 convs (512 filters over
    2x2 pixels) ran at 10 ms so, 1.0x of unoptimized; as im2col and a matmul of 8-row register tiles over the whole
    reduction, 0.5 ms. A 2x2 output with 32 filters, 288 deep, takes that recipe, verified."""
    ops = _verified_prior_schedule(tmp_path, _conv(4, 32, channels=32))
    assert ops["op_1"] == [("im2col", ()), ("tile", (0, 8, 0, 1)), ("vectorize", ())], ops


@pytest.mark.parametrize("size, filters, stride", [(18, 64, 1), (8, 64, 1), (16, 64, 2)],
                         ids=["more pixels than filters", "6x6 pixels", "3x3/2 into 7x7"])
def test_a_convolution_keeps_the_layout_change_where_im2col_would_not_vectorize_well(tmp_path, size, filters,
                                                                                      stride):
    """With more output pixels than filters, or pixels that leave part of a vector (6x6 outputs ran 2x slower as
    im2col; ResNet-18's 3x3/2 conv of 512 filters into 7x7 4.5x slower), the layout change stays."""
    ops = _verified_prior_schedule(tmp_path, _conv(size, filters, stride=stride))
    assert ops["op_1"][0] == ("layout", ()), ops


def test_a_strided_convolution_whose_pixels_fill_vectors_becomes_a_matmul(tmp_path):
    """A 3x3/2 window copies the input about twice into im2col's matrix; over 8x8 pixels that is cheaper than the
    layout change's transposes."""
    ops = _verified_prior_schedule(tmp_path, _conv(17, 16, stride=2))
    assert ops["op_1"][0] == ("im2col", ()), ops


def test_an_output_row_of_seven_pixels_is_one_register_tile(tmp_path):
    """Rows of 4 pixels do not divide 7 (ResNet's last stage at 224x224), and the register tile shrank to one pixel
    by two vectors: the 512-filter conv ran 1.5x slower so. A single image's row of 7 is now one tile by one
    vector, verified."""
    lanes = Machine.detect().vector_bytes // 4
    ops = _verified_prior_schedule(tmp_path, _conv(9, 32, layout="nhwc"))
    assert ops["op_1"] == [("tile", (0, 1, 0, 0, 1, 0, 0)), ("tile", (0, 0, 0, lanes, 0, 1, 1)), ("vectorize", ())], ops


def test_a_tile_of_whole_vectors_stays_so_with_other_tile_choices(tmp_path):
    """With 28, 56 and 112 among the tile sizes, the 128 columns the rules want of a 224-wide matmul are 32 (a
    divisor of 128), not 112: a tile that is no whole number of vectors left the conv of `data/families` with a
    28-lane register tile, 14x slower. The schedule verifies."""
    path = tmp_path / "matmul.mlir"
    path.write_text(MATMUL_8x224x32)
    bench = load_benchmark(path)
    cfg = EnvConfig(tile_sizes=[1, 2, 4, 8, 16, 28, 32, 56, 64, 112, 128])
    with Measurer(tmp_path / "cache", FAST) as m:
        env = MlirSchedulingEnv([bench], m, cfg)
        info = prior_episode(env, bench.name, HeuristicPrior(threads=1))
        assert info["verified"], info.get("message")
        first = env.schedule().ops[0].actions[0]
    assert first.kind == "tile" and first.sizes[1] == 32, first


MATMUL_8x224x32 = """
func.func @main(%a: tensor<8x32xf32>, %b: tensor<32x224xf32>) -> tensor<8x224xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x224xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<8x224xf32>) -> tensor<8x224xf32>
  %y = linalg.matmul ins(%a, %b : tensor<8x32xf32>, tensor<32x224xf32>) outs(%acc : tensor<8x224xf32>)
    -> tensor<8x224xf32>
  return %y : tensor<8x224xf32>
}
"""
