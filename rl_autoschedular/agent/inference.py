"""A trained policy at work outside training: load it from a checkpoint, play its greedy schedule, or search with
it (the best verified of its greedy schedule and schedules sampled from it)."""

from __future__ import annotations

import pickle
import zipfile
from pathlib import Path

import torch
from pydantic import ValidationError

from rl_autoschedular.agent.checkpoint import load_checkpoint
from rl_autoschedular.agent.models import Policy
from rl_autoschedular.agent.trainer import play
from rl_autoschedular.config import RunConfig
from rl_autoschedular.env.search import SearchResult
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
        raise ValueError(str(exc).strip().splitlines()[0].rstrip(":")[:200]) from None
    policy.eval()
    return policy, cfg, ckpt


def agent_search(policy: Policy, env, benchmark: str, samples: int,
                 seed: int = 0) -> tuple[SearchResult, Measurement | None, Schedule]:
    """The greedy schedule (one measurement) and `samples - 1` sampled ones on `benchmark`, the sampled episodes
    played in lockstep. Returns the best verified of all (a SearchResult counting every measurement), and the greedy
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
    measurements, failures = stats.measurements, dict(stats.failures)
    if samples > 1:
        torch.manual_seed(seed)
        clones = [MeasurementStatistics(env.clone()) for _ in range(samples - 1)]
        play(policy, torch.device("cpu"), clones, [benchmark] * len(clones), greedy=False)
        for c in clones:
            if c.unwrapped.last_measurement is not None:
                out.consider(c.unwrapped.last_measurement, c.unwrapped.schedule(), [])
            measurements += c.measurements
            for k, v in c.failures.items():
                failures[k] = failures.get(k, 0) + v
    out.measurements, out.failures = measurements, failures
    return out, greedy, greedy_schedule
