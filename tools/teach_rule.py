#!/usr/bin/env python3
"""Teach a trained policy one rule of the heuristic prior, and nothing else, by behaviour cloning.

The prior learns rules after a policy was trained, which cloned the older ones: `transposes` (tile a transpose 2-D),
`convolutions` (an NCHW depthwise conv tiles its window to 1 and vectorizes; an NCHW conv whose im2col copy is
small goes through im2col as a matmul, the others change layout) and `linear` (a matmul whose B operand is a weight
transpose fuses it into its column tiles, with no pack). Re-cloning the whole prior would also undo what
PPO changed elsewhere, so the demonstrations here are the policy's own greedy episodes on every benchmark of
--dataset, with the prior's action at every decision of an op the rule covers and the policy's own greedy action at
every other decision. Nothing is measured. It prints how many decisions of each kind the greedy policy reproduces
before and after, and writes a new checkpoint."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the repository's packages importable

from rl_autoschedular.cli import DEFAULT_CHECKPOINT, fail  # noqa: E402

_NCHW_CONVS = ("linalg.conv_2d_nchw_fchw", "linalg.depthwise_conv_2d_nchw_chw")


def covers(rule: str, ep) -> bool:
    """Whether `rule` decides for the op episode `ep` is deciding (after im2col or a layout change the op is
    renamed: its first action still says what it was)."""
    op = ep.op
    if rule == "linear":
        from rl_autoschedular.agent.prior import fuses_weight_transpose, is_contraction

        return is_contraction(op) and fuses_weight_transpose(op, ep.bench.infos[op.producer] if op.producer else None)
    if rule == "transposes":
        from rl_autoschedular.agent.prior import transposed_loop

        return transposed_loop(op) is not None
    first = op.actions[0].kind if op.actions else ""
    return op.info.name in _NCHW_CONVS or first in ("im2col", "layout")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rule", choices=("transposes", "convolutions", "linear"), required=True,
                    help="the prior's rule to teach")
    ap.add_argument("--checkpoint", default=str(DEFAULT_CHECKPOINT), help="the policy to teach")
    ap.add_argument("--dataset", default=str(ROOT / "data" / "train"), help="benchmarks to play (default data/train)")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--out", required=True, help="the new checkpoint")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    import numpy as np
    import torch

    from rl_autoschedular.agent.checkpoint import load_checkpoint, save_checkpoint
    from rl_autoschedular.agent.imitation import imitate
    from rl_autoschedular.agent.inference import load_policy
    from rl_autoschedular.agent.models.policy import same_decision
    from rl_autoschedular.agent.prior import HeuristicPrior
    from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
    from rl_autoschedular.ir.benchmarks import BenchmarkError, load_dataset

    try:
        policy, cfg, _ = load_policy(args.checkpoint)
        benches = load_dataset(args.dataset)
    except (ValueError, BenchmarkError) as exc:
        return fail(f"{args.checkpoint}: {exc}" if isinstance(exc, ValueError) else str(exc))
    env = MlirSchedulingEnv(benches, None, cfg.env.model_copy(update={"reward_mode": "proxy"}))
    prior = HeuristicPrior(cfg.measure.threads)
    obs, actions, is_rule = [], [], []
    for b in env.benches:
        o, _ = env.reset(options={"benchmark": b.bench.name})
        done = False
        while not done:
            rule = covers(args.rule, env.episode)
            if rule:
                a = prior.act(env)
            else:
                with torch.no_grad():
                    a = policy(torch.as_tensor(o)[None], greedy=True)[0][0].numpy()
            obs.append(o)
            actions.append(a)
            is_rule.append(rule)
            o, _, done, _, _ = env.step(a)
    obs_t, act_t, rule_t = torch.as_tensor(np.stack(obs)), torch.as_tensor(np.stack(actions)), torch.tensor(is_rule)
    if not rule_t.any():
        return fail(f"{args.dataset}: no op that the {args.rule} rule covers")

    def agreement() -> tuple[float, float]:
        with torch.no_grad():
            same = same_decision(policy(obs_t, greedy=True)[0], act_t)
        return same[rule_t].float().mean().item(), same[~rule_t].float().mean().item()

    before = agreement()
    optimizer = torch.optim.Adam(policy.parameters(), lr=cfg.ppo.learning_rate, eps=1e-5)
    # The few decisions of the rule repeated so that they weigh as much as the policy's own ones.
    reps = max(1, int((~rule_t).sum()) // int(rule_t.sum()))
    train_obs = torch.cat([obs_t, obs_t[rule_t].repeat(reps - 1, 1)])
    train_act = torch.cat([act_t, act_t[rule_t].repeat(reps - 1, 1)])
    policy.train()
    imitate(policy, optimizer, train_obs, train_act, args.epochs, cfg.ppo.minibatch_size, torch.device("cpu"),
            args.seed)
    policy.eval()
    after = agreement()
    print(f"{int(rule_t.sum())} decisions of the rule and {int((~rule_t).sum())} others on {len(env.benches)} "
          f"benchmarks; greedy reproduces the prior's {args.rule} rule {before[0]:.0%} -> {after[0]:.0%}, and its own "
          f"other decisions {before[1]:.0%} -> {after[1]:.0%}")
    ckpt = load_checkpoint(args.checkpoint)
    save_checkpoint(Path(args.out), model_state=policy.state_dict(), optimizer_state=optimizer.state_dict(),
                    iteration=ckpt["iteration"], config=cfg.model_dump(),
                    extra={"taught": {"rule": args.rule, "from": str(args.checkpoint), "epochs": args.epochs}})
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
