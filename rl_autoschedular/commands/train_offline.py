"""Update a trained policy offline from the replay store: advantage-weighted regression over the stored episodes
(training rollouts, searches, the prior, staging) whose observations the checkpoint's policy reads, then a new
checkpoint and a report of how the policy changed (log-likelihood of the stored actions, share of greedy decisions
changed, and whether the greedy policy now replays the best verified episode of each benchmark).

Nothing is measured: the rewards are the stored ones. `--dataset data/train` keeps only episodes of that dataset's
benchmarks (by IR hash), so held-out code stays out of training."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rl_autoschedular.cli import DEFAULT_CACHE, fail


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--store", default=str(DEFAULT_CACHE / "replay.sqlite"),
                    help=f"the replay store (default {DEFAULT_CACHE / 'replay.sqlite'})")
    ap.add_argument("--checkpoint", required=True, help="the policy to update (a training checkpoint)")
    ap.add_argument("--out", help="the new checkpoint (default: <checkpoint>_offline.pt beside it)")
    ap.add_argument("--sources", help="comma-separated sources to learn from (default all: agent, random, greedy, "
                                      "ranked, prior, staging, production-file)")
    ap.add_argument("--dataset", help="only episodes of this dataset's benchmarks (a folder with manifest.json)")
    ap.add_argument("--epochs", type=int, help="epochs over the episodes (default: the checkpoint config's "
                                                "replay.offline_epochs)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.epochs is not None and args.epochs < 1:
        return fail(f"--epochs {args.epochs}: give at least 1")
    store_path = Path(args.store)
    if not store_path.is_file():
        return fail(f"{store_path}: replay store not found; bin/train.py and bin/search.py write one (replay.sqlite "
                    "in the results cache)")

    import torch

    from rl_autoschedular.agent.checkpoint import save_checkpoint
    from rl_autoschedular.agent.inference import load_policy
    from rl_autoschedular.agent.offline import awr_update, policy_change, snapshot
    from rl_autoschedular.env.replay import SOURCES, ReplayStore, encoding_key
    from rl_autoschedular.ir.benchmarks import BenchmarkError, load_dataset

    sources = tuple(args.sources.split(",")) if args.sources else None
    unknown = set(sources or ()) - set(SOURCES)
    if unknown:
        return fail(f"--sources: unknown {', '.join(sorted(unknown))}; choose from {', '.join(SOURCES)}")
    try:
        policy, cfg, ckpt = load_policy(args.checkpoint)
    except ValueError as exc:
        return fail(f"{args.checkpoint}: {exc}")
    with ReplayStore(store_path) as store:
        episodes = store.episodes(encoding_key(cfg.env), sources)
    if args.dataset:
        try:
            hashes = {b.ir_hash for b in load_dataset(args.dataset)}
        except BenchmarkError as exc:
            return fail(str(exc))
        episodes = [e for e in episodes if e.ir_hash in hashes]
    if not episodes:
        limits = "".join(f", {what} {value}" for what, value in (("the sources", args.sources),
                                                                 ("the dataset", args.dataset)) if value)
        return fail(f"{store_path}: no stored episode fits {args.checkpoint} (its env encoding{limits}); train or "
                    "search with the same env settings first")

    rp = cfg.replay
    torch.manual_seed(args.seed)
    optimizer = torch.optim.Adam(policy.parameters(), lr=cfg.ppo.learning_rate, eps=1e-5)
    before = snapshot(policy, episodes)
    policy.train()
    losses = awr_update(policy, optimizer, episodes, args.epochs or rp.offline_epochs, rp.minibatch_size, rp.beta,
                        rp.max_weight, cfg.ppo.vf_coef, torch.device("cpu"), args.seed)
    policy.eval()
    change = policy_change(before, snapshot(policy, episodes), episodes)
    counts: dict[str, int] = {}
    for e in episodes:
        counts[e.source] = counts.get(e.source, 0) + 1
    report = {"checkpoint": str(args.checkpoint), "store": str(store_path), "episodes_by_source": counts,
              "benchmarks": len({e.benchmark for e in episodes}), **losses, **change}
    out = Path(args.out) if args.out else Path(args.checkpoint).with_name(Path(args.checkpoint).stem + "_offline.pt")
    save_checkpoint(out, model_state=policy.state_dict(), optimizer_state=optimizer.state_dict(),
                    iteration=ckpt["iteration"], config=cfg.model_dump(),
                    extra={"offline_update": {k: v for k, v in report.items() if k != "best_episodes"}})
    out.with_suffix(".report.json").write_text(json.dumps(report, indent=1) + "\n")

    print(f"learned from {len(episodes)} stored episodes ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}) "
          f"of {report['benchmarks']} benchmarks, {report['steps']} steps")
    print(f"mean log-likelihood of the stored actions: {change['mean_logp_before']:.3f} -> "
          f"{change['mean_logp_after']:.3f}; greedy decision changed on {change['greedy_changed_share']:.0%} of "
          f"the stored steps")
    best = change["best_episodes"]
    replayed = [sum(b[f"greedy_reproduces_{w}"] for b in best.values()) for w in ("before", "after")]
    print(f"greedy replays the best verified episode of {replayed[0]} -> {replayed[1]} of {len(best)} benchmarks")
    print(f"wrote {out} and {out.with_suffix('.report.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
