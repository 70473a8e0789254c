"""Behaviour cloning of the heuristic prior: a policy that starts from the prior's schedules instead of uniform noise.

The prior plays one episode on every training benchmark in an env that measures nothing (its actions do not
depend on rewards), and the policy is fitted to its (observation, action) pairs by maximum likelihood: the joint
log-probability the policy's heads give the prior's action, masks included. PPO then starts from a policy whose
greedy schedule is already the prior's, and learns from measured rewards where to depart from it.
"""

from __future__ import annotations

import numpy as np
import torch

from rl_autoschedular.agent.models.policy import same_decision
from rl_autoschedular.env.prior import HeuristicPrior
from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv


def demonstrations(env: MlirSchedulingEnv, prior: HeuristicPrior) -> tuple[torch.Tensor, torch.Tensor]:
    """(observations, actions) of one prior episode on each of the env's benchmarks."""
    obs, actions = [], []
    for b in env.benches:
        o, _ = env.reset(options={"benchmark": b.bench.name})
        done = False
        while not done:
            a = prior.act(env)
            obs.append(o)
            actions.append(a)
            o, _, done, _, _ = env.step(a)
    return torch.as_tensor(np.stack(obs)), torch.as_tensor(np.stack(actions))


def imitate(policy: torch.nn.Module, optimizer: torch.optim.Optimizer, obs: torch.Tensor, actions: torch.Tensor,
            epochs: int, minibatch_size: int, device: torch.device, seed: int) -> dict[str, float]:
    """Fit `policy` to the demonstrations for `epochs`; return the final mean negative log-likelihood and the
    share of demonstrated actions the greedy policy then reproduces exactly."""
    obs, actions = obs.to(device), actions.to(device)
    gen = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        for mb in torch.randperm(len(obs), generator=gen).split(minibatch_size):
            _, logp, _, _ = policy(obs[mb], actions[mb])
            loss = -logp.mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    with torch.no_grad():
        greedy = policy(obs, greedy=True)[0]
        nll = -policy(obs, actions)[1].mean()
    return {"imitation_nll": float(nll), "imitation_accuracy": float(same_decision(greedy, actions).float().mean()),
            "imitation_steps": len(obs)}
