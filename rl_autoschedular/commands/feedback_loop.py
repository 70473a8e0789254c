"""The staging feedback loop, on loopback. Each cycle:

  1. proposes a schedule for the benchmark with the current policy (its greedy schedule in cycle 1, then schedules
     sampled from it, so that the loop explores);
  2. stages it as a canary against the baseline (bin/stage.py's harness: two services, interleaved load, and the
     reward engine's verdict on the latency SLI);
  3. writes a conclusive reward to the replay store with source `staging` (an inconclusive cycle stores nothing and
     leaves the policy as it is);
  4. updates the policy offline from the store's episodes of this benchmark (bin/train_offline.py's advantage-
     weighted update) and writes the new checkpoint.

It prints, per cycle, the reward, the verdict and how the policy changed, and writes OUT/cycle_K.json (the proposal,
the staging report and the update) and OUT/policy.pt (the latest policy).

Production-file mode (--production-file FILE --proposal OUT/cycle_K.proposal.json): latency samples of a proposal
that was deployed elsewhere (the reward engine's JSON or CSV layout) enter the store with source `production-file`,
and the same update follows."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rl_autoschedular.cli import DEFAULT_CACHE, DEFAULT_CHECKPOINT, fail


def _args(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("benchmark", nargs="?", help="the .mlir file to schedule (a single op or a whole network)")
    ap.add_argument("--cycles", type=int, default=3, help="cycles to run (default 3)")
    ap.add_argument("--checkpoint", help="the starting policy (default: the shipped pretrained one)")
    ap.add_argument("--store", default=str(DEFAULT_CACHE / "replay.sqlite"), help="the replay store")
    ap.add_argument("--out", default="results/feedback", help="folder for the cycles' records and the policy")
    ap.add_argument("--requests", type=int, default=200, help="requests per service and cycle (default 200)")
    ap.add_argument("--time-limit", type=float, default=120.0, help="seconds of load per cycle (default 120)")
    ap.add_argument("--sli", choices=("p50", "p95", "p99"), default="p95")
    ap.add_argument("--reward", choices=("canary", "slo"), default="canary")
    ap.add_argument("--slo-ms", type=float, help="the SLO of --reward slo, in milliseconds")
    ap.add_argument("--epochs", type=int, default=4, help="epochs of the offline update per cycle (default 4)")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cache-dir", default=str(DEFAULT_CACHE), help=f"results cache (default {DEFAULT_CACHE})")
    ap.add_argument("--production-file", help="latency samples (JSON or CSV) of a proposal deployed elsewhere")
    ap.add_argument("--proposal", help="with --production-file: the cycle_K.proposal.json they belong to")
    return ap.parse_args(argv)


def propose(policy, bench, cfg, greedy: bool, seed: int) -> dict:
    """One episode of the policy on `bench` without measuring (proxy reward): its steps and its schedule."""
    import torch

    from rl_autoschedular.agent.trainer import play
    from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv

    env = MlirSchedulingEnv([bench], None, cfg.env.model_copy(update={"reward_mode": "proxy"}))
    torch.manual_seed(seed)
    (steps,), _, _ = play(policy, torch.device("cpu"), [env], [bench.name], greedy)
    return {"benchmark": bench.name, "file": str(bench.path), "ir_hash": bench.ir_hash, "greedy": greedy,
            "obs": [s[0].tolist() for s in steps], "actions": [s[1].tolist() for s in steps],
            "logps": [s[2] for s in steps], "schedule": env.schedule().canonical()}


def record(store, proposal: dict, reward, source: str, cfg, extra: dict) -> int:
    """The proposal's episode with `reward` (a reward_engine.RewardReport) at its last step, into the store."""
    import numpy as np

    from rl_autoschedular.env.replay import Episode, encoding_key

    rewards = np.zeros(len(proposal["actions"]), np.float32)
    rewards[-1] = reward.reward
    return store.add(Episode(
        benchmark=proposal["benchmark"], ir_hash=proposal["ir_hash"], source=source, encoding=encoding_key(cfg.env),
        obs=np.asarray(proposal["obs"], np.float32), actions=np.asarray(proposal["actions"], np.int64),
        logps=np.asarray(proposal["logps"], np.float32), rewards=rewards, status="ok",
        speedup=reward.sli_baseline_s / reward.sli_candidate_s, schedule=proposal["schedule"],
        extra={**extra, "verdict": reward.verdict, "sli": reward.sli, "p_value": reward.p_value}))


def update(policy, optimizer, store, cfg, benchmark: str, epochs: int, seed: int) -> dict:
    """The offline update of `policy` on the store's episodes of `benchmark` (every source); how it moved."""
    import torch

    from rl_autoschedular.agent.offline import awr_update, policy_change, snapshot
    from rl_autoschedular.env.replay import encoding_key

    episodes = store.episodes(encoding_key(cfg.env), benchmarks=[benchmark])
    before = snapshot(policy, episodes)
    policy.train()
    losses = awr_update(policy, optimizer, episodes, epochs, cfg.replay.minibatch_size, cfg.replay.beta,
                        cfg.replay.max_weight, cfg.ppo.vf_coef, torch.device("cpu"), seed)
    policy.eval()
    change = policy_change(before, snapshot(policy, episodes), episodes)
    return {**losses, **{k: v for k, v in change.items() if k != "best_episodes"}}


def _save(policy, optimizer, cfg, ckpt: dict, path: Path) -> None:
    from rl_autoschedular.agent.checkpoint import save_checkpoint

    save_checkpoint(path, model_state=policy.state_dict(), optimizer_state=optimizer.state_dict(),
                    iteration=ckpt["iteration"], config=cfg.model_dump(), extra={"feedback_loop": True})


def _say_update(change: dict) -> str:
    return (f"policy: log-likelihood of this benchmark's stored actions {change['mean_logp_before']:.3f} -> "
            f"{change['mean_logp_after']:.3f}, greedy decision changed on {change['greedy_changed_share']:.0%} of "
            f"{change['steps']} stored steps")


def main(argv=None) -> int:
    args = _args(argv)
    if args.production_file and not args.proposal:
        return fail("--production-file needs --proposal (the cycle_K.proposal.json the samples belong to)")
    if not args.production_file and not args.benchmark:
        return fail("give the benchmark to schedule (a .mlir file), or --production-file with --proposal")
    if args.cycles < 1 or args.epochs < 1:
        return fail("--cycles and --epochs must be at least 1")

    from rl_autoschedular import reward_engine
    from rl_autoschedular.agent.inference import load_policy
    from rl_autoschedular.env.replay import ReplayStore
    from rl_autoschedular.execution.schedule import Schedule
    from rl_autoschedular.staging import StageError
    from rl_autoschedular.staging.harness import load_bench, stage, table

    out = Path(args.out)
    checkpoint = Path(args.checkpoint) if args.checkpoint else (out / "policy.pt" if (out / "policy.pt").is_file()
                                                                 else DEFAULT_CHECKPOINT)
    try:
        policy, cfg, ckpt = load_policy(checkpoint)
    except ValueError as exc:
        return fail(f"{checkpoint}: {exc}")
    import torch

    optimizer = torch.optim.Adam(policy.parameters(), lr=cfg.ppo.learning_rate, eps=1e-5)
    out.mkdir(parents=True, exist_ok=True)
    with ReplayStore(args.store) as store:
        if args.production_file:
            try:
                proposal = json.loads(Path(args.proposal).read_text())
                samples = reward_engine.load_samples(args.production_file)
                result = reward_engine.evaluate(samples.baseline, samples.candidate, sli=args.sli,
                                                formula=args.reward,
                                                slo_s=args.slo_ms / 1e3 if args.slo_ms else None, seed=args.seed)
            except (OSError, ValueError, KeyError) as exc:
                return fail(f"{args.production_file}: {exc}")
            print(f"production samples of {proposal['benchmark']}: reward "
                  f"{'none' if result.reward is None else f'{result.reward:+.4f}'}, verdict {result.verdict} "
                  f"({result.reason})")
            if result.reward is None:
                print("inconclusive: nothing stored, the policy is unchanged")
                return 0
            record(store, proposal, result, "production-file", cfg, {"file": args.production_file})
            change = update(policy, optimizer, store, cfg, proposal["benchmark"], args.epochs, args.seed)
            _save(policy, optimizer, cfg, ckpt, out / "policy.pt")
            print(_say_update(change) + f"; wrote {out / 'policy.pt'}")
            return 0

        try:
            bench = load_bench(args.benchmark)
        except StageError as exc:
            return fail(str(exc))
        for cycle in range(1, args.cycles + 1):
            proposal = propose(policy, bench, cfg, greedy=cycle == 1, seed=args.seed + cycle)
            (out / f"cycle_{cycle}.proposal.json").write_text(json.dumps(proposal) + "\n")
            try:
                report = stage(bench, Schedule.from_canonical(proposal["schedule"]), requests=args.requests,
                               time_limit=args.time_limit, sli=args.sli, reward=args.reward, slo_ms=args.slo_ms,
                               threads=args.threads, seed=args.seed + cycle, cache_dir=args.cache_dir,
                               schedule_label=f"cycle {cycle} ({'greedy' if cycle == 1 else 'sampled'})")
            except (StageError, ValueError) as exc:
                return fail(f"cycle {cycle}: {exc}")
            print(f"\n== cycle {cycle} ==\n{table(report)}")
            entry = {"cycle": cycle, "proposal": {k: proposal[k] for k in ("schedule", "greedy")},
                     "report": {k: v for k, v in report.to_json().items() if k != "latencies"}, "stored": None}
            if report.reward.reward is None:
                print("inconclusive: nothing stored, the policy is unchanged")
            else:
                entry["stored"] = record(store, proposal, report.reward, "staging", cfg, {"cycle": cycle})
                entry["update"] = update(policy, optimizer, store, cfg, bench.name, args.epochs, args.seed + cycle)
                _save(policy, optimizer, cfg, ckpt, out / "policy.pt")
                print(f"stored as episode {entry['stored']} (source staging); " + _say_update(entry["update"]))
            (out / f"cycle_{cycle}.json").write_text(json.dumps(entry, indent=1) + "\n")
    print(f"\nwrote {out}/cycle_*.json" + (f" and {out / 'policy.pt'}" if (out / "policy.pt").is_file() else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
