"""PPO, in the order CleanRL's `ppo.py` does it: GAE over the collected episodes, then epochs of minibatch updates
with the clipped objective, a (clipped) value loss, an entropy bonus, advantage normalisation and gradient clipping.
Every coefficient comes from `config.PPOConfig`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from rl_autoschedular.config import PPOConfig


@dataclass
class Rollout:
    """Steps of whole episodes, in order. `dones[t]` is 1 where step t ended its episode."""

    obs: torch.Tensor
    actions: torch.Tensor
    logprobs: torch.Tensor
    values: torch.Tensor
    rewards: torch.Tensor
    dones: torch.Tensor


def gae(rewards: torch.Tensor, values: torch.Tensor, dones: torch.Tensor, gamma: float, lam: float):
    """Generalised advantage estimates and returns; an episode's last step bootstraps from 0."""
    n = len(rewards)
    advantages = torch.zeros(n)
    last = 0.0
    for t in reversed(range(n)):
        not_done = 1.0 - dones[t]
        next_value = values[t + 1] * not_done if t + 1 < n else 0.0
        delta = rewards[t] + gamma * next_value - values[t]
        last = delta + gamma * lam * not_done * last
        advantages[t] = last
    return advantages, advantages + values


def ppo_update(policy: nn.Module, optimizer: torch.optim.Optimizer, batch: Rollout, cfg: PPOConfig,
               device: torch.device, anchor: tuple[torch.Tensor, torch.Tensor] | None = None) -> dict[str, float]:
    """One PPO update over `batch`; returns the diagnostics that catch a collapsing policy. `anchor`, the
    prior's (observations, actions), adds `cfg.prior_anchor_coef` times their negative log-likelihood, on a
    random minibatch of them, to every minibatch's loss."""
    advantages, returns = gae(batch.rewards, batch.values, batch.dones, cfg.gamma, cfg.gae_lambda)
    obs, actions = batch.obs.to(device), batch.actions.to(device)
    old_logp, old_values = batch.logprobs.to(device), batch.values.to(device)
    advantages, returns = advantages.to(device), returns.to(device)
    n = len(obs)
    clip_fracs, approx_kl = [], torch.tensor(0.0)
    pg_loss = v_loss = entropy_loss = anchor_loss = torch.tensor(0.0)
    if anchor is not None:
        anchor = anchor[0].to(device), anchor[1].to(device)
    for _ in range(cfg.update_epochs):
        order = torch.randperm(n)
        for start in range(0, n, cfg.minibatch_size):
            mb = order[start:start + cfg.minibatch_size].to(device)
            _, new_logp, entropy, new_value = policy(obs[mb], actions[mb])
            log_ratio = new_logp - old_logp[mb]
            ratio = log_ratio.exp()
            with torch.no_grad():
                approx_kl = ((ratio - 1) - log_ratio).mean()
                clip_fracs.append(((ratio - 1.0).abs() > cfg.clip_coef).float().mean().item())
            mb_adv = advantages[mb]
            if cfg.norm_adv and len(mb) > 1:
                mb_adv = (mb_adv - mb_adv.mean()) / (mb_adv.std() + 1e-8)
            pg_loss = torch.max(-mb_adv * ratio,
                                -mb_adv * torch.clamp(ratio, 1 - cfg.clip_coef, 1 + cfg.clip_coef)).mean()
            if cfg.clip_vloss:
                clipped = old_values[mb] + torch.clamp(new_value - old_values[mb], -cfg.clip_coef, cfg.clip_coef)
                v_loss = 0.5 * torch.max((new_value - returns[mb]) ** 2, (clipped - returns[mb]) ** 2).mean()
            else:
                v_loss = 0.5 * ((new_value - returns[mb]) ** 2).mean()
            entropy_loss = entropy.mean()
            loss = pg_loss - cfg.ent_coef * entropy_loss + cfg.vf_coef * v_loss
            if anchor is not None and cfg.prior_anchor_coef:
                demo = torch.randint(len(anchor[0]), (len(mb),), device=device)
                anchor_loss = -policy(anchor[0][demo], anchor[1][demo])[1].mean()
                loss = loss + cfg.prior_anchor_coef * anchor_loss
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(policy.parameters(), cfg.max_grad_norm)
            optimizer.step()
        if cfg.target_kl is not None and approx_kl > cfg.target_kl:
            break
    y_pred, y_true = old_values.cpu().numpy(), returns.cpu().numpy()
    var_y = np.var(y_true)
    explained = float("nan") if var_y == 0 else float(1 - np.var(y_true - y_pred) / var_y)
    return {"policy_loss": pg_loss.item(), "value_loss": v_loss.item(), "entropy": entropy_loss.item(),
            "approx_kl": approx_kl.item(), "clip_fraction": float(np.mean(clip_fracs)) if clip_fracs else 0.0,
            "explained_variance": explained, "anchor_nll": anchor_loss.item()}
