"""The training loop: rollouts of whole episodes on the training split, a PPO update, evaluation of the greedy
policy on the held-out split, checkpoints and tracking. The order of one iteration:

    1. collect `ppo.episodes_per_iteration` episodes, benchmarks drawn from the training split (measured through
       the execution core and its cache);
    2. one PPO update (ppo.ppo_update) over their steps, anchored to the prior's decisions if
       `ppo.prior_anchor_coef`, then, if `replay.self_imitation_epochs`, advantage-weighted
       regression (agent/offline.py) on the best stored episodes of the training benchmarks (self-imitation);
    3. log one line of metrics (losses, entropy, approx_kl, clip fraction, explained variance, reward, geomean
       speedup, failures by status (every failed measurement, mid-episode ones included), measurements per
       second, cache hit rate);
    4. every `eval_every` iterations and at the end: the greedy policy on every held-out benchmark;
    5. every `checkpoint_every` iterations and at the end: an atomic checkpoint (model, optimizer, iteration, RNG
       states, config).

Every rollout episode is written to the replay store (env/replay.py) with its source (`agent`, or `prior` for
prior-led ones) and the policy's log-probabilities, unless `replay.record` is off or the reward is the proxy (an
estimate, not a measurement).
A resumed run loads the last checkpoint, drops the log lines of iterations after it, and goes on with the next one.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from rl_autoschedular.agent.checkpoint import (
    checkpoint_path,
    latest_checkpoint,
    load_checkpoint,
    restore_rng,
    save_checkpoint,
)
from rl_autoschedular.agent.imitation import demonstrations, imitate
from rl_autoschedular.agent.llm_prior import LLMPrior
from rl_autoschedular.agent.models import Policy
from rl_autoschedular.agent.offline import awr_update
from rl_autoschedular.agent.ppo import Rollout, ppo_update
from rl_autoschedular.config import ConfigError, RunConfig
from rl_autoschedular.env.observation import fits
from rl_autoschedular.env.prior import HeuristicPrior
from rl_autoschedular.env.replay import ReplayStore, encoding_key, episode_of
from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
from rl_autoschedular.env.wrappers import MeasurementStatistics
from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import Benchmark, BenchmarkError, load_dataset
from rl_autoschedular.tracking.base import summarize_eval
from rl_autoschedular.tracking.trackers import make_tracker


def split(cfg: RunConfig) -> tuple[list[Benchmark], list[Benchmark]]:
    """(train, eval) benchmarks of the config's dataset, disjoint. Empty `data.train` means every benchmark not in
    `data.eval`; empty `data.eval` means no held-out set (the trainer then evaluates nothing).

    Raises BenchmarkError for a benchmark that does not load, and ConfigError (without the file name) for a name
    not in the dataset, a name in both lists, no benchmark left to train on, or a list none of whose benchmarks
    has an op the encoding can hold."""
    benches = {b.name: b for b in load_dataset(cfg.data.dataset)}
    for key in ("train", "eval"):
        unknown = sorted(set(getattr(cfg.data, key)) - set(benches))
        if unknown:
            raise ConfigError(f"data.{key}: no benchmark named {', '.join(unknown)} in {cfg.data.dataset}")
    both = sorted(set(cfg.data.train) & set(cfg.data.eval))
    if both:
        raise ConfigError(f"data.eval: {', '.join(both)} also in data.train; a held-out benchmark must not be "
                          "trained on")
    evals = [benches[n] for n in cfg.data.eval]
    train = [benches[n] for n in cfg.data.train] or [b for n, b in benches.items() if n not in cfg.data.eval]
    if not train:
        raise ConfigError(f"data.eval: holds every benchmark of {cfg.data.dataset}, leaving none to train on")
    for key, group in (("train", train), ("eval", evals)):
        # The env drops benchmarks with nothing to schedule and refuses a list of only those; say so before a run
        # directory exists.
        if group and not any(not fits(cfg.env, info) for b in group for info in analyze(b.text)
                             if info.name != "linalg.fill"):
            raise ConfigError(f"data.{key}: no benchmark has an op the encoding can hold (env.max_loops "
                              f"{cfg.env.max_loops}, env.max_operands {cfg.env.max_operands}, env.max_rank "
                              f"{cfg.env.max_rank})")
    return train, evals


def with_trusted_baselines(measurer, benches: list[Benchmark], what: str) -> tuple[list[Benchmark], dict[str, str]]:
    """The benchmarks whose baseline measures and whose reference outputs are verified (by IREE, see
    execution.reference), and {name: why} for the others, each said in one line: a refused benchmark is never
    trained on nor evaluated. The baselines are needed by the first episodes anyway; the cache keeps them."""
    kept, refused = [], {}
    for bench in tqdm(benches, desc=f"baselines ({what})", unit="bench", leave=False, file=sys.stderr,
                      disable=len(benches) <= 1):
        base = measurer.baseline(bench)
        if base.status == "ok":
            kept.append(bench)
        else:
            refused[bench.name] = f"{base.status}: {base.message}"
            tqdm.write(f"refused {bench.name} ({what}): {refused[bench.name]}", file=sys.stderr)
    return kept, refused


def git_commit() -> str:
    """The commit the code runs at (and whether the tree has changes), or "unknown" outside a checkout."""
    root = Path(__file__).resolve().parents[2]
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True).stdout.strip()
        return head.stdout.strip() + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def play(policy: Policy, device: torch.device, envs: list[MlirSchedulingEnv | MeasurementStatistics],
         names: list[str], greedy: bool, prefetch=None, prior: HeuristicPrior | LLMPrior | None = None,
         guided: list[bool] | None = None, temperature: float = 1.0) -> tuple[list[list], list[dict], int]:
    """One episode per env (bare or wrapped), in lockstep: one batched forward pass per step of all unfinished
    episodes. With a `prefetch`, the schedules this step will measure are measured together first (in parallel,
    into the cache). The episodes flagged in `guided` play the `prior`'s actions instead of the policy's, logged
    with the policy's own log-probability and value of them (PPO then learns from them as from its own). Returns
    each episode's steps (obs, action, logp, value, reward, done), its last info, and how many prefetched
    measurements really ran (were not served by the cache). `temperature` flattens the sampled distributions
    (`Policy.forward`)."""
    obs = [env.reset(options={"benchmark": n})[0] for env, n in zip(envs, names)]
    steps: list[list] = [[] for _ in envs]
    infos: list[dict] = [{} for _ in envs]
    fresh = 0
    active = list(range(len(envs)))
    while active:
        with torch.no_grad():
            o = torch.as_tensor(np.stack([obs[i] for i in active]), device=device)
            actions, logps, _, values = policy(o, greedy=greedy, temperature=temperature)
            led = [k for k, i in enumerate(active) if guided and guided[i]]
            if led:
                chosen = torch.as_tensor(np.stack([prior.act(envs[active[k]]) for k in led]), device=device)
                _, logps[led], _, values[led] = policy(o[led], chosen)
                actions[led] = chosen.to(actions.dtype)
        actions = actions.cpu().numpy()
        if prefetch is not None:
            pending = [(envs[i].unwrapped.benchmark, s) for i, a in zip(active, actions)
                       if (s := envs[i].unwrapped.pending_measurement(a)) is not None]
            if pending:
                fresh += sum(not m.cached for m in prefetch(pending))
        for k, i in enumerate(active):
            next_obs, reward, done, _, infos[i] = envs[i].step(actions[k])
            steps[i].append((o[k].cpu(), torch.as_tensor(actions[k]), logps[k].item(), values[k].item(), reward,
                             float(done)))
            obs[i] = next_obs
        active = [i for i in active if not steps[i][-1][5]]
    return steps, infos, fresh


def eval_rows(names: list[str], infos: list[dict]) -> list[dict]:
    """Per-benchmark evaluation results: status and verified speedup (None unless verified)."""
    return [{"name": n, "status": i.get("status"), "speedup": i.get("speedup") if i.get("verified") else None,
             "time_ns": i.get("time_ns"), "baseline_ns": i.get("baseline_ns"), "schedule": i["schedule"]}
            for n, i in zip(names, infos)]


class Trainer:
    """Owns the policy, the optimizer, the envs and the tracker of one run directory."""

    def __init__(self, cfg: RunConfig, run_dir: Path, measurer, resume: bool = False, prefetch=None,
                 benchmarks: tuple[list[Benchmark], list[Benchmark]] | None = None, store: ReplayStore | None = None):
        """`measurer` serves the envs; `prefetch(items)`, if given, measures [(benchmark, schedule)] in parallel
        into the same cache (cluster.ClusterMeasurer) before the envs ask for them. `benchmarks` is the
        (train, eval) split when the caller already loaded it. `store` receives the rollouts' episodes and serves
        self-imitation."""
        self.cfg, self.run_dir, self.store = cfg, Path(run_dir), store
        if cfg.replay.self_imitation_epochs and store is None:
            raise ConfigError("replay.self_imitation_epochs needs a replay store")
        self.device = torch.device("cuda" if cfg.device == "cuda" or
                                   (cfg.device == "auto" and torch.cuda.is_available()) else "cpu")
        train, evals = benchmarks or split(cfg)
        self.refused: dict[str, str] = {}
        if measurer is not None:  # the proxy reward measures nothing, so it trusts no baseline
            train, refused_train = with_trusted_baselines(measurer, train, "train")
            evals, refused_eval = with_trusted_baselines(measurer, evals, "eval")
            self.refused = {**refused_train, **refused_eval}
            if not train:
                raise BenchmarkError(cfg.data.dataset, "every training benchmark was refused (see the lines above)",
                                     "fix or remove them, or check the measurement setup")
        # The training envs count their measurements and failures (every one, mid-episode ones included).
        self.env = MeasurementStatistics(MlirSchedulingEnv(train, measurer, cfg.env))
        self.envs = [self.env] + [MeasurementStatistics(self.env.unwrapped.clone())
                                  for _ in range(cfg.ppo.episodes_per_iteration - 1)]
        self.train_names = [b.bench.name for b in self.env.unwrapped.benches]
        # Without a held-out set nothing is evaluated: the training benchmarks are never reported as held out.
        self.eval_env = MlirSchedulingEnv(evals, measurer, cfg.env) if evals else None
        self.prefetch = prefetch
        self.fresh_measurements = 0
        self.rng = np.random.default_rng(cfg.seed)
        torch.manual_seed(cfg.seed)
        np.random.seed(cfg.seed)
        self.policy = Policy(cfg.env, cfg.model).to(self.device)
        self.heuristic = HeuristicPrior(cfg.measure.threads)
        self._demonstrations = None
        self.prior = self.heuristic if cfg.ppo.prior == "heuristic" else \
            LLMPrior(cfg.ppo.llm_url, cfg.ppo.llm_model, self.heuristic, cfg.ppo.llm_timeout)
        self.optimizer = torch.optim.Adam(self.policy.parameters(), lr=cfg.ppo.learning_rate, eps=1e-5)
        self.iteration = 0
        if resume:
            self._resume()
        self.tracker = make_tracker(self.run_dir, cfg.tracking.backends, cfg.tracking.experiment,
                                    cfg.tracking.neptune_mode, resume_iteration=self.iteration if resume else None)
        self.tracker.log_params({"config": cfg.model_dump(), "git_commit": git_commit(),
                                 "device": str(self.device), "refused_benchmarks": self.refused})

    def _resume(self) -> None:
        path = latest_checkpoint(self.run_dir)
        if path is None:
            return  # killed before its first checkpoint: start over in the same directory
        ckpt = load_checkpoint(path)
        self.policy.load_state_dict(ckpt["model"])
        self.optimizer.load_state_dict(ckpt["optimizer"])
        self.iteration = ckpt["iteration"]
        restore_rng(ckpt)
        self.rng.bit_generator.state = ckpt["extra"]["rng"]
        tqdm.write(f"resumed {self.run_dir} from {path.name} (iteration {self.iteration})", file=sys.stderr)

    def _checkpoint(self) -> None:
        save_checkpoint(checkpoint_path(self.run_dir, self.iteration), model_state=self.policy.state_dict(),
                        optimizer_state=self.optimizer.state_dict(), iteration=self.iteration,
                        config=self.cfg.model_dump(), extra={"rng": self.rng.bit_generator.state})

    def _measured(self, envs) -> tuple[int, int]:
        """(measurements by the envs so far, how many of them ran rather than came from the cache)."""
        total = sum(e.measurements for e in envs)
        fresh = self.fresh_measurements if self.prefetch is not None else \
            total - sum(e.cached_measurements for e in envs)
        return total, fresh

    def rollout(self) -> tuple[Rollout, dict]:
        """Whole episodes on training benchmarks drawn by the trainer's generator."""
        names = [str(n) for n in self.rng.choice(self.train_names, size=len(self.envs))]
        ppo = self.cfg.ppo
        share = ppo.prior_episodes * max(0.0, 1 - self.iteration / ppo.prior_decay_iterations)
        # No draw when the prior is off, so that such runs keep the random stream they always had.
        guided = list(self.rng.random(len(self.envs)) < share) if share > 0 else [False] * len(self.envs)
        measured0, fresh0 = self._measured(self.envs)
        t0 = time.perf_counter()
        episodes, infos, fresh = play(self.policy, self.device, self.envs, names, False, self.prefetch, self.prior,
                                      guided)
        self.fresh_measurements += fresh
        seconds = time.perf_counter() - t0
        measured1, fresh1 = self._measured(self.envs)
        flat = [step for episode in episodes for step in episode]
        obs, actions, logps, values, rewards, dones = zip(*flat)
        batch = Rollout(torch.stack(obs), torch.stack(actions), torch.tensor(logps), torch.tensor(values),
                        torch.tensor(rewards, dtype=torch.float32), torch.tensor(dones))
        # Proxy rewards are estimates, not measurements: they would pollute the store's measured returns.
        if self.store is not None and self.cfg.replay.record and self.cfg.env.reward_mode != "proxy":
            for env, steps, info, led in zip(self.envs, episodes, infos, guided):
                obs_, actions_, logps_, _, rewards_, _ = zip(*steps)
                self.store.add(episode_of(env, "prior" if led else "agent", [o.numpy() for o in obs_],
                                          [a.numpy() for a in actions_], list(rewards_), info, list(logps_),
                                          {"iteration": self.iteration + 1, "run": self.run_dir.name}))
        failures = sum((Counter(i["episode"]["failures"]) for i in infos), Counter())
        measured = measured1 - measured0
        stats = {"reward_mean": float(np.mean([sum(s[4] for s in e) for e in episodes])),
                 # A failed schedule is not deployed: its baseline stays (1.0x).
                 "speedup_geomean": summarize_eval(eval_rows(names, infos))["speedup_geomean"],
                 "episodes": len(episodes), "prior_episodes": int(sum(guided)), "steps": len(flat),
                 "failures": dict(failures), "measurements": measured,
                 "measurements_per_s": measured / seconds if seconds else 0.0,
                 "cache_hit_rate": 1 - (fresh1 - fresh0) / measured if measured else 0.0, "rollout_s": seconds}
        if isinstance(self.prior, LLMPrior):
            stats.update(llm_calls=self.prior.calls, llm_answers_used=self.prior.used,
                         llm_fallbacks=self.prior.fallbacks)
        return batch, stats

    def prior_demonstrations(self) -> tuple[torch.Tensor, torch.Tensor]:
        """The heuristic prior's (observations, actions) on the training benchmarks, played once without
        measuring."""
        if self._demonstrations is None:
            env = MlirSchedulingEnv([b.bench for b in self.env.unwrapped.benches], None,
                                    self.cfg.env.model_copy(update={"reward_mode": "proxy"}))
            self._demonstrations = demonstrations(env, self.heuristic)
        return self._demonstrations

    def imitate_prior(self) -> dict[str, float]:
        """Behaviour cloning of the heuristic prior on the training benchmarks (no measurement): its metrics."""
        obs, actions = self.prior_demonstrations()
        ppo = self.cfg.ppo
        return imitate(self.policy, self.optimizer, obs, actions, ppo.prior_imitation_epochs, ppo.minibatch_size,
                       self.device, self.cfg.seed)

    def self_imitate(self, iteration: int) -> dict[str, float]:
        """Advantage-weighted regression on the best stored episodes (any source) of each training benchmark."""
        rp = self.cfg.replay
        episodes = self.store.episodes(encoding_key(self.cfg.env), benchmarks=self.train_names,
                                       best_per_benchmark=rp.self_imitation_top_k)
        return awr_update(self.policy, self.optimizer, episodes, rp.self_imitation_epochs, rp.minibatch_size,
                          rp.beta, rp.max_weight, self.cfg.ppo.vf_coef, self.device, self.cfg.seed + iteration)

    def evaluate(self) -> list[dict]:
        """The greedy policy once on every held-out benchmark: verified speedups per benchmark (none without a
        held-out set)."""
        if self.eval_env is None:
            return []
        names = [b.bench.name for b in self.eval_env.benches]
        envs = [self.eval_env] + [self.eval_env.clone() for _ in names[1:]]
        _, infos, fresh = play(self.policy, self.device, envs, names, True, self.prefetch)
        self.fresh_measurements += fresh
        return eval_rows(names, infos)

    def train(self) -> None:
        """Run the remaining iterations (all of them for a new run)."""
        cfg = self.cfg
        bar = tqdm(range(self.iteration + 1, cfg.iterations + 1), initial=self.iteration, total=cfg.iterations,
                   desc="training", unit="it", dynamic_ncols=True)
        failed = True
        if self.eval_env is None:
            tqdm.write("no held-out benchmark (data.eval is empty, or each one was refused): nothing is evaluated, "
                       "eval.jsonl stays empty", file=sys.stderr)
        try:
            if self.iteration == 0 and cfg.ppo.prior_imitation_epochs:
                stats = self.imitate_prior()
                self.tracker.log_metrics(0, stats)
                tqdm.write(f"imitated the prior on {stats['imitation_steps']} decisions: greedy agrees on "
                           f"{stats['imitation_accuracy']:.0%}", file=sys.stderr)
            for it in bar:
                if cfg.ppo.anneal_lr:
                    for group in self.optimizer.param_groups:
                        group["lr"] = cfg.ppo.learning_rate * (1 - (it - 1) / cfg.iterations)
                batch, stats = self.rollout()
                t0 = time.perf_counter()
                anchor = self.prior_demonstrations() if cfg.ppo.prior_anchor_coef else None
                losses = ppo_update(self.policy, self.optimizer, batch, cfg.ppo, self.device, anchor)
                if cfg.replay.self_imitation_epochs:
                    losses.update(self.self_imitate(it))
                self.iteration = it
                metrics = {**stats, **losses, "update_s": time.perf_counter() - t0,
                           "learning_rate": self.optimizer.param_groups[0]["lr"]}
                self.tracker.log_metrics(it, metrics)
                bar.set_postfix(reward=f"{stats['reward_mean']:.3f}", speedup=f"{stats['speedup_geomean']:.2f}x",
                                failures=sum(stats["failures"].values()),
                                meas_s=f"{stats['measurements_per_s']:.2f}")
                if self.eval_env is not None and (it % cfg.eval_every == 0 or it == cfg.iterations):
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
