"""A learned cost model: it predicts a schedule's log speedup from the IR analysis and the schedule alone, with no
compilation, so that a search can rank many candidate schedules and measure only the promising ones (the role of
TVM's cost model).

The model reads each op as a feature row (`op_features`: what the op is, how big, and what the schedule does to it:
tile volumes, the innermost loop's length and stride, vectorization, fusion, layout) and predicts two numbers per
op with one small MLP: its share of the unscheduled program's time (softmax over the ops) and its own log speedup.
The program's predicted speedup is then the harmonic mix of the ops' speedups by their shares:

    log speedup = -log sum_i share_i * exp(-g_i)

so an op that keeps most of the time bounds the whole program, as it does when measured. It is trained by least
squares on the log speedups of the results cache (every verified measurement ever taken, on 1 thread), and judged by
the rank correlation of its predictions with the measured speedups on benchmarks it never saw.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from rl_autoschedular.execution.schedule import Schedule
from rl_autoschedular.ir.op_info import OpInfo

_KINDS = ("contraction", "conv", "pooling", "depthwise", "elementwise", "reduction", "transpose", "broadcast",
          "other")
_ACTIONS = ("layout", "tile", "tile_parallel", "tile_fuse", "interchange", "vectorize", "im2col", "decompose",
            "flatten", "pack")
N_FEATURES = len(_KINDS) + 8 + len(_ACTIONS) + 12
FORMAT = 1


def _kind(info: OpInfo) -> str:
    name = info.name
    for prefix, kind in (("linalg.depthwise", "depthwise"), ("linalg.conv", "conv"), ("linalg.pooling", "pooling"),
                         ("linalg.transpose", "transpose"), ("linalg.broadcast", "broadcast")):
        if name.startswith(prefix):
            return kind
    reduces = any(l.kind == "reduction" for l in info.loops)
    counts = info.arith_counts
    if "matmul" in name or (reduces and counts.get("arith.mulf", 0) and counts.get("arith.addf", 0)):
        return "contraction"
    if reduces:
        return "reduction"
    return "elementwise" if name in ("linalg.generic", "linalg.map", "linalg.elemwise_unary",
                                     "linalg.elemwise_binary", "linalg.add", "linalg.mul", "linalg.copy") \
        else "other"


def _log2(x: float) -> float:
    return math.log2(max(x, 1.0)) / 16.0


def _unit_stride(info: OpInfo, loop: int) -> tuple[float, float]:
    """(whether the store, and the share of loads, walk `loop` along their last, contiguous dim)."""
    def contiguous(matrix: list[list[int]]) -> bool:
        return bool(matrix) and matrix[-1][loop] != 0 and all(row[loop] == 0 for row in matrix[:-1])
    loads = [a for a in info.accesses if a.role == "load" and a.matrix]
    stores = [a for a in info.accesses if a.role == "store" and a.matrix]
    return (float(any(contiguous(a.matrix) for a in stores)),
            sum(contiguous(a.matrix) for a in loads) / max(1, len(loads)))


def op_features(info: OpInfo, actions: tuple, fused_into_consumer: bool) -> np.ndarray:
    """The feature row of one op under its actions (see the module docstring)."""
    points = math.prod(l.bound for l in info.loops) if info.loops else 1
    flops = points * max(1, sum(info.arith_counts.values()))
    width = 8 if info.dtype == "f64" else 4
    data = sum(math.prod(s) for s in info.operand_shapes if s) * width
    static = [_log2(points), _log2(flops), _log2(data), len(info.loops) / 8,
              sum(l.kind == "reduction" for l in info.loops) / 8, float(info.dtype == "f64"),
              float(not actions and not fused_into_consumer), float(fused_into_consumer)]
    kinds = [float(_kind(info) == k) for k in _KINDS]
    counts = [sum(a.kind == k for a in actions) / 2 for k in _ACTIONS]
    bounds = [l.bound for l in info.loops] or [1]
    order = list(range(len(bounds)))
    first_tile = last_tile = float(points)
    tiled = 0
    for a in actions:
        if a.kind in ("tile", "tile_parallel", "tile_fuse") and len(a.sizes) == len(bounds):
            bounds = [min(b, s) if s else b for b, s in zip(bounds, a.sizes)]
            last_tile = math.prod(bounds)
            first_tile = last_tile if not tiled else first_tile
            tiled += 1
        elif a.kind == "interchange" and len(a.perm) == len(bounds):
            bounds, order = [bounds[p] for p in a.perm], [order[p] for p in a.perm]
    inner = bounds[-1]
    store_unit, load_unit = _unit_stride(info, order[-1]) if info.loops and order[-1] < len(info.loops) else (0., 0.)
    vectorized = any(a.kind == "vectorize" for a in actions)
    geometry = [_log2(first_tile), _log2(last_tile), _log2(points / max(1.0, last_tile)), _log2(inner),
                float(inner % 8 == 0), float(inner > 64), store_unit, load_unit,
                _log2(last_tile) * vectorized, float(vectorized and last_tile > 4096),
                float(info.loops[order[-1]].kind == "reduction") if info.loops and order[-1] < len(info.loops)
                else 0.0, float(vectorized and inner < 8)]
    return np.array(static + kinds + counts + geometry, np.float32)


def schedule_features(infos: list[OpInfo], schedule: Schedule) -> np.ndarray:
    """One feature row per op of the benchmark (fills excluded: tiling pulls them in) under `schedule`."""
    acts = {o.tag: o.actions for o in schedule.ops}
    fused = {a.producer for o in schedule.ops for a in o.actions if a.kind == "tile_fuse"}
    rows = [op_features(i, acts.get(i.tag, ()), i.tag in fused) for i in infos if i.name != "linalg.fill"]
    return np.stack(rows) if rows else np.zeros((1, N_FEATURES), np.float32)


class CostModel(nn.Module):
    """Per-op MLP -> (share logit, log speedup); the program's log speedup mixes them (module docstring)."""

    def __init__(self, hidden: int = 64):
        super().__init__()
        self.hidden = hidden
        self.net = nn.Sequential(nn.Linear(N_FEATURES, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, feats: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """feats [batch, ops, N_FEATURES], mask [batch, ops] (True for real ops) -> predicted log speedups [batch]."""
        out = self.net(feats)
        share = torch.log_softmax(out[..., 0].masked_fill(~mask, -1e9), dim=-1)
        return -torch.logsumexp((share - out[..., 1]).masked_fill(~mask, -1e9), dim=-1)

    def predict(self, rows: list[np.ndarray]) -> np.ndarray:
        """Predicted log speedups of feature matrices (one per schedule)."""
        with torch.no_grad():
            return self(*pad(rows)).numpy()


def pad(rows: list[np.ndarray]) -> tuple[torch.Tensor, torch.Tensor]:
    """Stack feature matrices of different op counts into (features, mask)."""
    n = max(r.shape[0] for r in rows)
    feats = np.zeros((len(rows), n, N_FEATURES), np.float32)
    mask = np.zeros((len(rows), n), bool)
    for i, r in enumerate(rows):
        feats[i, :len(r)], mask[i, :len(r)] = r, True
    return torch.as_tensor(feats), torch.as_tensor(mask)


@dataclass
class Sample:
    """One measured schedule: its benchmark, feature matrix and verified log speedup."""

    benchmark: str
    features: np.ndarray
    log_speedup: float


def fit(samples: list[Sample], epochs: int = 20, lr: float = 2e-3, hidden: int = 64, batch: int = 256,
        seed: int = 0) -> CostModel:
    """Least squares on the samples' log speedups (clipped to [-3, 6]: a failure-like outlier must not dominate)."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = CostModel(hidden)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    target = torch.tensor([min(6.0, max(-3.0, s.log_speedup)) for s in samples])
    for _ in range(epochs):
        for idx in np.array_split(rng.permutation(len(samples)), max(1, len(samples) // batch)):
            loss = ((model(*pad([samples[i].features for i in idx])) - target[idx]) ** 2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
    model.eval()
    return model


def rank_correlation(model: CostModel, samples: list[Sample], min_per_benchmark: int = 8) -> dict[str, float]:
    """Spearman correlation of predicted and measured speedups within each benchmark (the ranking a search needs),
    averaged over benchmarks with at least `min_per_benchmark` samples; also the pooled correlation, and the mean
    share of the best measured speedup that the model's top pick reaches, next to what a random pick reaches."""
    from scipy.stats import spearmanr

    by: dict[str, list[Sample]] = {}
    for s in samples:
        by.setdefault(s.benchmark, []).append(s)
    per, regret, chance = [], [], []
    preds = {}
    for name, group in by.items():
        pred = model.predict([s.features for s in group])
        preds[name] = pred
        true = np.array([s.log_speedup for s in group])
        if len(group) >= min_per_benchmark and np.ptp(true) > 0:
            per.append(spearmanr(pred, true).statistic)
            regret.append(math.exp(true[int(np.argmax(pred))] - true.max()))
            chance.append(float(np.mean(np.exp(true - true.max()))))
    pooled = spearmanr(np.concatenate(list(preds.values())),
                       np.concatenate([[s.log_speedup for s in g] for g in by.values()])).statistic
    return {"per_benchmark_spearman": float(np.nanmean(per)) if per else float("nan"), "benchmarks": len(per),
            "pooled_spearman": float(pooled), "top1_share_of_best": float(np.mean(regret)) if regret else float("nan"),
            "random_share_of_best": float(np.mean(chance)) if chance else float("nan"), "samples": len(samples)}


def save(model: CostModel, path, report: dict) -> None:
    """Write the model's weights with its format version and the report of how it was fitted."""
    torch.save({"format": FORMAT, "hidden": model.hidden, "state": model.state_dict(), "report": report}, path)


def load(path) -> CostModel:
    """A cost model written by `save`. Raises ValueError, with one line saying why, for a missing file or a file
    that is not a cost model of this format."""
    try:
        ckpt = torch.load(path, weights_only=True)
    except FileNotFoundError:
        raise ValueError(f"{path}: no such cost model; bin/fit_cost_model.py writes one") from None
    except Exception as exc:  # torch's unpickling and archive errors span many lines and many types
        raise ValueError(f"{path}: not a cost model ({str(exc).strip().splitlines()[0][:120]})") from None
    if not isinstance(ckpt, dict) or ckpt.get("format") != FORMAT:
        raise ValueError(f"{path}: not a cost model of format {FORMAT}")
    model = CostModel(ckpt["hidden"])
    model.load_state_dict(ckpt["state"])
    model.eval()
    return model


def samples_from_cache(cache, benches: list, threads: int = 1) -> list[Sample]:
    """Every verified measurement of `benches` in a ResultsCache, as a speedup over the same identity's baseline."""
    from rl_autoschedular.ir.analysis import analyze

    out = []
    for b in benches:
        rows = cache.verified_times(b.ir_hash, threads)
        base = {ident: ns for sched, ident, ns in rows if sched == "[]"}
        if not any(sched != "[]" and ident in base for sched, ident, _ in rows):
            continue
        infos = analyze(b.text)
        for sched, ident, ns in rows:
            if sched != "[]" and ident in base and ns:
                out.append(Sample(b.name, schedule_features(infos, Schedule.from_canonical(sched)),
                                  math.log(base[ident] / ns)))
    return out
