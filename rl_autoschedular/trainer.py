"""The training loop: rollouts of whole episodes on the training split, a PPO update, evaluation of the greedy
policy on the held-out split, checkpoints and tracking. The order of one iteration:

    1. collect `ppo.episodes_per_iteration` episodes, benchmarks drawn from the training split (measured through
       the execution core and its cache);
    2. one PPO update (ppo.ppo_update) over their steps;
    3. log one line of metrics (losses, entropy, approx_kl, clip fraction, explained variance, reward, geomean
       speedup, failures by status, measurements per second, cache hit rate);
    4. every `eval_every` iterations and at the end: the greedy policy on every held-out benchmark;
    5. every `checkpoint_every` iterations and at the end: an atomic checkpoint (model, optimizer, iteration, RNG
       states, config).

A resumed run loads the last checkpoint, drops the log lines of iterations after it, and goes on with the next one.
"""

from __future__ import annotations

import math
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from .benchmarks import Benchmark, load_dataset
from .checkpoint import checkpoint_path, latest_checkpoint, load_checkpoint, restore_rng, save_checkpoint
from .config import ConfigError, RunConfig
from .env import MlirSchedulingEnv
from .models import Policy
from .ppo import Rollout, ppo_update
from .tracking import make_tracker, summarize_eval


def split(cfg: RunConfig) -> tuple[list[Benchmark], list[Benchmark]]:
    """(train, eval) benchmarks of the config's dataset; names that do not exist are a ConfigError."""
    benches = {b.name: b for b in load_dataset(cfg.data.dataset)}
    for key in ("train", "eval"):
        unknown = sorted(set(getattr(cfg.data, key)) - set(benches))
        if unknown:
            raise ConfigError(f"data.{key}: no benchmark named {', '.join(unknown)} in {cfg.data.dataset}")
    evals = [benches[n] for n in cfg.data.eval]
    train = [benches[n] for n in cfg.data.train] or [b for n, b in benches.items() if n not in cfg.data.eval]
    return train, evals or train


def git_commit() -> str:
    """The commit the code runs at (and whether the tree has changes), or "unknown" outside a checkout."""
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True).stdout.strip()
        return head.stdout.strip() + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _geomean(speedups: list[float]) -> float:
    return math.exp(sum(math.log(s) for s in speedups) / len(speedups)) if speedups else float("nan")


class Trainer:
    """Owns the policy, the optimizer, the envs and the tracker of one run directory."""

    def __init__(self, cfg: RunConfig, run_dir: Path, measurer, resume: bool = False):
        self.cfg, self.run_dir = cfg, Path(run_dir)
        self.device = torch.device("cuda" if cfg.device == "cuda" or
                                   (cfg.device == "auto" and torch.cuda.is_available()) else "cpu")
        train, evals = split(cfg)
        self.env = MlirSchedulingEnv(train, measurer, cfg.env)
        self.eval_env = MlirSchedulingEnv(evals, measurer, cfg.env)
        self.measurer = measurer
        torch.manual_seed(cfg.seed)
        np.random.seed(cfg.seed)
        self.policy = Policy(cfg.env, cfg.model).to(self.device)
        self.optimizer = torch.optim.Adam(self.policy.parameters(), lr=cfg.ppo.learning_rate, eps=1e-5)
        self.iteration = 0
        self.env.reset(seed=cfg.seed)
        if resume:
            self._resume()
        self.tracker = make_tracker(self.run_dir, cfg.tracking.backends, cfg.tracking.experiment,
                                    cfg.tracking.neptune_mode, resume_iteration=self.iteration if resume else None)
        self.tracker.log_params({"config": cfg.model_dump(), "git_commit": git_commit(),
                                 "device": str(self.device)})

    def _resume(self) -> None:
        path = latest_checkpoint(self.run_dir)
        if path is None:
            return  # killed before its first checkpoint: start over in the same directory
        ckpt = load_checkpoint(path)
        self.policy.load_state_dict(ckpt["model"])
        self.optimizer.load_state_dict(ckpt["optimizer"])
        self.iteration = ckpt["iteration"]
        restore_rng(ckpt)
        self.env.np_random.bit_generator.state = ckpt["extra"]["env_rng"]
        tqdm.write(f"resumed {self.run_dir} from {path.name} (iteration {self.iteration})", file=sys.stderr)

    def _checkpoint(self) -> None:
        save_checkpoint(checkpoint_path(self.run_dir, self.iteration), model_state=self.policy.state_dict(),
                        optimizer_state=self.optimizer.state_dict(), iteration=self.iteration,
                        config=self.cfg.model_dump(), extra={"env_rng": self.env.np_random.bit_generator.state})

    def _act(self, obs: np.ndarray, greedy: bool = False):
        with torch.no_grad():
            o = torch.as_tensor(obs, device=self.device).unsqueeze(0)
            action, logp, _, value = self.policy(o, greedy=greedy)
        return action[0].cpu().numpy(), logp.item(), value.item(), o[0].cpu()

    def rollout(self) -> tuple[Rollout, dict]:
        """Whole episodes on training benchmarks drawn by the env's generator."""
        obs_l, act_l, logp_l, val_l, rew_l, done_l = [], [], [], [], [], []
        returns, speedups, failures = [], [], Counter()
        measured0, cached0 = self.env.measurements, self.env.cached_measurements
        t0 = time.perf_counter()
        for _ in range(self.cfg.ppo.episodes_per_iteration):
            obs, _ = self.env.reset()
            done, episode_return = False, 0.0
            while not done:
                action, logp, value, o = self._act(obs)
                obs, reward, done, _, info = self.env.step(action)
                obs_l.append(o)
                act_l.append(torch.as_tensor(action))
                logp_l.append(logp)
                val_l.append(value)
                rew_l.append(reward)
                done_l.append(float(done))
                episode_return += reward
            returns.append(episode_return)
            status = info.get("status", "ok")
            if status == "ok":
                speedups.append(info.get("speedup") or 1.0)
            else:
                failures[status] += 1
                speedups.append(1.0)  # a failed schedule is not deployed: the baseline stays
        seconds = time.perf_counter() - t0
        batch = Rollout(torch.stack(obs_l), torch.stack(act_l), torch.tensor(logp_l), torch.tensor(val_l),
                        torch.tensor(rew_l, dtype=torch.float32), torch.tensor(done_l))
        measured = self.env.measurements - measured0
        cached = self.env.cached_measurements - cached0
        stats = {"reward_mean": float(np.mean(returns)), "speedup_geomean": _geomean(speedups),
                 "episodes": len(returns), "steps": len(rew_l), "failures": dict(failures),
                 "measurements": measured, "measurements_per_s": measured / seconds if seconds else 0.0,
                 "cache_hit_rate": cached / measured if measured else 0.0, "rollout_s": seconds}
        return batch, stats

    def evaluate(self) -> list[dict]:
        """The greedy policy once on every held-out benchmark: verified speedups per benchmark."""
        rows = []
        for b in self.eval_env.benches:
            obs, _ = self.eval_env.reset(options={"benchmark": b.bench.name})
            done = False
            while not done:
                action, _, _, _ = self._act(obs, greedy=True)
                obs, _, done, _, info = self.eval_env.step(action)
            rows.append({"name": b.bench.name, "status": info.get("status"),
                         "speedup": info.get("speedup") if info.get("verified") else None,
                         "time_ns": info.get("time_ns"), "baseline_ns": info.get("baseline_ns"),
                         "schedule": info["schedule"]})
        return rows

    def train(self) -> None:
        """Run the remaining iterations (all of them for a new run)."""
        cfg = self.cfg
        bar = tqdm(range(self.iteration + 1, cfg.iterations + 1), initial=self.iteration, total=cfg.iterations,
                   desc="training", unit="it", dynamic_ncols=True)
        failed = True
        try:
            for it in bar:
                if cfg.ppo.anneal_lr:
                    for group in self.optimizer.param_groups:
                        group["lr"] = cfg.ppo.learning_rate * (1 - (it - 1) / cfg.iterations)
                batch, stats = self.rollout()
                t0 = time.perf_counter()
                losses = ppo_update(self.policy, self.optimizer, batch, cfg.ppo, self.device)
                self.iteration = it
                metrics = {**stats, **losses, "update_s": time.perf_counter() - t0,
                           "learning_rate": self.optimizer.param_groups[0]["lr"]}
                self.tracker.log_metrics(it, metrics)
                bar.set_postfix(reward=f"{stats['reward_mean']:.3f}", speedup=f"{stats['speedup_geomean']:.2f}x",
                                failures=sum(stats["failures"].values()),
                                meas_s=f"{stats['measurements_per_s']:.2f}")
                if it % cfg.eval_every == 0 or it == cfg.iterations:
                    rows = self.evaluate()
                    self.tracker.log_eval(it, rows)
                    summary = summarize_eval(rows)
                    tqdm.write(f"eval @ {it}: geomean {summary['speedup_geomean']:.2f}x, "
                               f"verified {summary['verified_fraction']:.0%} of {len(rows)}")
                if it % cfg.checkpoint_every == 0 or it == cfg.iterations:
                    self._checkpoint()
            failed = False
        finally:
            self.tracker.close(failed=failed)
