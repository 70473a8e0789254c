"""Policy updates from stored episodes (env/replay.py): advantage-weighted regression (AWR, Peng et al. 2019).

Stored episodes come from other policies (an older agent, the searches, the prior, staging), so their actions are
off-policy. AWR fits the policy to them by maximum likelihood with each step weighted by how much better its episode
did than the other stored episodes of the same benchmark. It needs no importance ratio against the behaviour policy,
which is what makes it usable on the searches' episodes, which have no logged log-probability. The order:

    1. per benchmark, the advantage of an episode is (its return - the mean return of that benchmark's episodes) /
       (their standard deviation + 0.1), the unscheduled program counted as one more episode of return 0 (it is
       always there to fall back on, and it keeps the sign of a benchmark's only episode): returns span about -2 to
       +4 in log speedup between benchmarks, and normalising per benchmark keeps a benchmark with large speedups
       from drowning the others;
    2. each step of the episode gets the weight min(exp(advantage / beta), max_weight);
    3. epochs of minibatch steps on  -weight * log pi(action | obs) + vf_coef * (V(obs) - return-to-go)^2.

`policy_change` reports what an update did to the policy on the same episodes.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import torch

from rl_autoschedular.agent.models.policy import same_decision
from rl_autoschedular.env.replay import Episode


def episode_advantages(episodes: list[Episode]) -> np.ndarray:
    """Step 1: each episode's return normalised against the other episodes of its benchmark and the unscheduled
    program's 0."""
    returns = np.array([e.episode_return for e in episodes])
    by_bench: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(episodes):
        by_bench[e.benchmark].append(i)
    adv = np.zeros(len(episodes))
    for idx in by_bench.values():
        r = np.append(returns[idx], 0.0)
        adv[idx] = (returns[idx] - r.mean()) / (r.std() + 0.1)
    return adv


def _steps(episodes: list[Episode], beta: float, max_weight: float):
    """(obs, actions, weights, returns-to-go) of every step, weights from steps 1 and 2."""
    adv = episode_advantages(episodes)
    weights = np.concatenate([np.full(len(e.actions), min(np.exp(a / beta), max_weight))
                              for e, a in zip(episodes, adv)])
    to_go = np.concatenate([np.cumsum(e.rewards[::-1])[::-1] for e in episodes])
    return (torch.as_tensor(np.concatenate([e.obs for e in episodes])),
            torch.as_tensor(np.concatenate([e.actions for e in episodes])),
            torch.as_tensor(weights, dtype=torch.float32),
            torch.as_tensor(to_go.copy(), dtype=torch.float32))


def awr_update(policy: torch.nn.Module, optimizer: torch.optim.Optimizer, episodes: list[Episode], epochs: int,
               minibatch_size: int, beta: float, max_weight: float, vf_coef: float, device: torch.device,
               seed: int) -> dict[str, float]:
    """Steps 1 to 3 on `episodes`; returns the last epoch's mean losses and the effective sample size share of the
    weights (1: every step counts alike; near 0: a few episodes dominate)."""
    if not episodes:
        return {"awr_steps": 0}
    obs, actions, weights, to_go = (t.to(device) for t in _steps(episodes, beta, max_weight))
    gen = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        pg_losses, v_losses = [], []
        for mb in torch.randperm(len(obs), generator=gen).split(minibatch_size):
            mb = mb.to(device)
            _, logp, _, value = policy(obs[mb], actions[mb])
            pg = -(weights[mb] * logp).mean()
            v = ((value - to_go[mb]) ** 2).mean()
            optimizer.zero_grad()
            (pg + vf_coef * v).backward()
            torch.nn.utils.clip_grad_norm_(policy.parameters(), 0.5)
            optimizer.step()
            pg_losses.append(pg.item())
            v_losses.append(v.item())
    ess = float(weights.sum() ** 2 / (weights ** 2).sum() / len(weights))
    return {"awr_steps": len(obs), "awr_episodes": len(episodes), "awr_policy_loss": float(np.mean(pg_losses)),
            "awr_value_loss": float(np.mean(v_losses)), "awr_effective_sample_share": ess}


@torch.no_grad()
def snapshot(policy: torch.nn.Module, episodes: list[Episode]) -> dict:
    """What `policy_change` compares: the log-probability the policy gives each stored step and its greedy action."""
    obs = torch.as_tensor(np.concatenate([e.obs for e in episodes]))
    actions = torch.as_tensor(np.concatenate([e.actions for e in episodes]))
    return {"logp": policy(obs, actions)[1], "greedy": policy(obs, greedy=True)[0], "actions": actions}


def policy_change(before: dict, after: dict, episodes: list[Episode]) -> dict:
    """How the policy moved between two snapshots on the same episodes: mean log-likelihood of the stored actions
    and its mean absolute change (not a KL: the stored actions were not sampled from either policy), the share of
    steps whose greedy decision changed, and per benchmark whether the greedy policy reproduces the best verified
    stored episode (every one of its decisions)."""
    log_ratio = after["logp"] - before["logp"]
    changed = ~same_decision(before["greedy"], after["greedy"])
    best: dict[str, int] = {}
    for i, e in enumerate(episodes):
        if e.speedup is not None and (e.benchmark not in best or e.speedup > episodes[best[e.benchmark]].speedup):
            best[e.benchmark] = i
    starts = np.cumsum([0] + [len(e.actions) for e in episodes])
    per_bench = {}
    for name, i in sorted(best.items()):
        rows = slice(int(starts[i]), int(starts[i + 1]))
        per_bench[name] = {
            "best_speedup": episodes[i].speedup, "best_source": episodes[i].source,
            "greedy_reproduces_before": bool(same_decision(before["greedy"][rows], before["actions"][rows]).all()),
            "greedy_reproduces_after": bool(same_decision(after["greedy"][rows], after["actions"][rows]).all()),
            "logp_before": float(before["logp"][rows].sum()), "logp_after": float(after["logp"][rows].sum())}
    return {"steps": len(log_ratio), "mean_logp_before": float(before["logp"].mean()),
            "mean_logp_after": float(after["logp"].mean()),
            "mean_abs_logp_change": float(log_ratio.abs().mean()),
            "greedy_changed_share": float(changed.float().mean()), "best_episodes": per_bench}
