"""A trained policy at work outside training: load it from a checkpoint, play its greedy schedule, or search with
it (the best verified of its greedy schedule and schedules sampled from it, or of the ones a cost model ranks
first among many drawn without measuring)."""

from __future__ import annotations

import pickle
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from pydantic import ValidationError

from rl_autoschedular.agent.checkpoint import load_checkpoint
from rl_autoschedular.agent.cost_model import CostModel, schedule_features
from rl_autoschedular.agent.models import Policy
from rl_autoschedular.agent.trainer import play
from rl_autoschedular.config import RunConfig
from rl_autoschedular.env.replay import Recorder, ReplayStore
from rl_autoschedular.env.rewards import ProxyReward
from rl_autoschedular.env.search import SearchResult, finish_episode, sample_action
from rl_autoschedular.env.wrappers import MeasurementStatistics
from rl_autoschedular.execution.measure import Measurement
from rl_autoschedular.execution.schedule import Schedule


def load_policy(path: str | Path) -> tuple[Policy, RunConfig, dict]:
    """(policy in eval mode on the CPU, the run's config, the checkpoint) of a training checkpoint. Raises
    ValueError with a one-line reason for a file that is not one (torch's own messages run over many lines)."""
    if not Path(path).is_file():
        raise ValueError("no such file")
    if not zipfile.is_zipfile(path):
        raise ValueError("not a checkpoint archive (torch.save writes a zip file)")
    try:
        ckpt = load_checkpoint(path)
        cfg = RunConfig.model_validate(ckpt["config"])
        policy = Policy(cfg.env, cfg.model)
        policy.load_state_dict(ckpt["model"])
    except (pickle.UnpicklingError, EOFError) as exc:  # the safe loader refuses anything but tensors and values
        raise ValueError(f"cannot be read with torch.load(weights_only=True): {str(exc).splitlines()[0][:200]}") \
            from None
    except (AttributeError, KeyError, TypeError):
        raise ValueError("holds no training checkpoint (format, model, config)") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ValueError(f"its config is not a run config ({'.'.join(map(str, first['loc']))}: {first['msg']})") \
            from None
    except ValueError as exc:  # its format version, or a config that is not JSON
        raise ValueError(str(exc).removeprefix(f"{path}: ")) from None
    except RuntimeError as exc:  # a damaged archive, or a model state that does not fit the config's policy
        if "size mismatch" in str(exc):
            raise ValueError("its model was trained on another observation layout (an older version's features): "
                             "retrain it, or use data/pretrained/policy.pt") from None
        raise ValueError(str(exc).strip().splitlines()[0].rstrip(":")[:200]) from None
    policy.eval()
    return policy, cfg, ckpt


# Policy episodes drawn without measuring per schedule a search wants: a trained policy repeats itself, and a repeat
# would spend a measurement on the result of one already measured. While it proposes fewer distinct schedules than
# the budget, it draws again from flatter distributions (these temperatures), so that the budget is spent near it.
_DRAWS_PER_SAMPLE = 4
_TEMPERATURES = (1.0, 2.0, 4.0)


def agent_search(policy: Policy, env, benchmark: str, samples: int,
                 seed: int = 0) -> tuple[SearchResult, Measurement | None, Schedule]:
    """The greedy schedule (one measurement), then the `samples - 1` other schedules the policy samples most often
    among `_DRAWS_PER_SAMPLE * (samples - 1)` episodes drawn without measuring, each measured once; while it
    proposes fewer, the next ones come from draws at the next of `_TEMPERATURES` (fewer measurements if even those
    run short). Returns the best verified of all (a SearchResult counting every measurement), and the greedy
    schedule with its measurement, so that a caller gets both the one-pass schedule and the search's best."""
    if samples < 1:
        raise ValueError(f"samples must be at least 1, not {samples}")
    env = env.unwrapped
    out = SearchResult(benchmark)
    stats = MeasurementStatistics(env)
    play(policy, torch.device("cpu"), [stats], [benchmark], greedy=True)
    greedy, greedy_schedule = env.last_measurement, env.schedule()
    if greedy is not None:
        out.consider(greedy, greedy_schedule, [])
    chosen = {greedy_schedule.canonical()}
    for temperature in _TEMPERATURES:
        wanted = samples - len(chosen)
        if wanted <= 0:
            break
        counts: Counter[str] = Counter()
        actions: dict[str, list] = {}
        for schedule, acts in _draws(env, benchmark, policy, _DRAWS_PER_SAMPLE * wanted, seed,
                                     temperature=temperature):
            key = schedule.canonical()
            if key not in chosen:
                counts[key] += 1
                actions.setdefault(key, acts)
        for key, _ in counts.most_common(wanted):
            chosen.add(key)
            result, schedule = finish_episode(stats, actions[key])
            out.consider(result, schedule, actions[key])
    out.count(stats)
    return out, greedy, greedy_schedule


def _proxy_clone(env):
    """A copy of the env that rewards with the proxy: its episodes compile and run nothing."""
    c = env.clone()
    c.reward = ProxyReward(1)
    return c


def _draws(env, benchmark: str, policy: Policy, n: int, seed: int, greedy_first: bool = False,
           temperature: float = 1.0) -> list[tuple[Schedule, list]]:
    """`n` complete schedules sampled from `policy` at `temperature` on `benchmark` (the first one greedy if
    `greedy_first`), with the actions that make them. Env clones in the proxy reward mode play them: nothing
    compiles or runs."""
    clones = [_proxy_clone(env) for _ in range(n)]
    torch.manual_seed(seed)
    actions: list[list] = []
    chunks = ((clones[:1], True), (clones[1:], False)) if greedy_first else ((clones, False),)
    for chunk, greedy in chunks:
        if chunk:
            steps, _, _ = play(policy, torch.device("cpu"), chunk, [benchmark] * len(chunk), greedy=greedy,
                               temperature=temperature)
            actions += [[s[1].numpy() for s in episode] for episode in steps]
    return [(c.schedule(), a) for c, a in zip(clones, actions)]


def _unmeasured(env, benchmark: str, policy: Policy | None, n: int, seed: int) -> list[tuple[Schedule, list]]:
    """`n` complete schedules on `benchmark` with the actions that make them, none measured: with a policy, its
    greedy schedule, `n // 2 - 1` samples from it and `n - n // 2` uniformly random masked episodes (a trained policy
    samples few distinct schedules, and the random half lets the cost model find what the policy never proposes: on
    8 held-out benchmarks the best-of-32 geomean went from 2.00x with 256 policy samples to 2.07x with this mix);
    without one, `n` random episodes. Env clones in the proxy reward mode play them: nothing compiles or runs."""
    guided = n // 2 if policy is not None else 0
    drawn = _draws(env, benchmark, policy, guided, seed, greedy_first=True) if guided else []
    rng = np.random.default_rng(seed)
    for _ in range(n - guided):
        c = _proxy_clone(env)
        c.reset(options={"benchmark": benchmark})
        acts = []
        while not c.episode.done:
            acts.append(sample_action(c, rng))
            c.step(acts[-1])
        drawn.append((c.schedule(), acts))
    return drawn


def ranked_search(policy: Policy | None, env, benchmark: str, model: CostModel, candidates: int, budget: int,
                  seed: int = 0, store: ReplayStore | None = None) -> SearchResult:
    """Draw `candidates` schedules without measuring (`_unmeasured`), keep the distinct ones, rank them by the
    cost model's predicted speedup and measure the first `budget` (each verified; replayed through the env, so a
    `store` records them as "ranked" episodes). The result counts only those measurements: the cost model replaces
    measurements, not the other way round."""
    env = env.unwrapped
    drawn: dict[str, tuple[Schedule, list]] = {}
    for schedule, actions in _unmeasured(env, benchmark, policy, candidates, seed):
        drawn.setdefault(schedule.canonical(), (schedule, actions))
    schedules = list(drawn.values())
    analysed = next(b for b in env.benches if b.bench.name == benchmark)
    infos = list(analysed.infos.values())
    order = np.argsort(-model.predict([schedule_features(infos, s) for s, _ in schedules]), kind="stable")
    stats = MeasurementStatistics(env)
    stats.reset(options={"benchmark": benchmark})  # finish_episode replays on the current episode's benchmark
    player = Recorder(stats, store, "ranked") if store is not None else stats
    out = SearchResult(benchmark)
    for i in order[:budget]:
        result, schedule = finish_episode(player, schedules[i][1])
        out.consider(result, schedule, schedules[i][1])
    out.count(stats)
    return out
