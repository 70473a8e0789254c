#!/usr/bin/env bash
# Quick start, command 1: install everything, then run the main job: a short PPO training (config/quick.json) on the
# bundled benchmarks, measured on the local machine. It writes results/run_quick_<time>/ (metrics, evaluation,
# checkpoints, MLflow store).
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
python bin/train.py --config config/quick.json "$@"
