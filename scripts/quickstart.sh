#!/usr/bin/env bash
# Quick start, command 1: install everything, then run the main job: a short PPO training (config/quick.json) on the
# bundled benchmarks, measured on the local machine. It writes results/run_quick_<time>/ (metrics, evaluation,
# checkpoints) and logs to the MLflow store of all runs, results/mlflow.db (scripts/mlflow_ui.sh shows it).
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
python bin/train.py --config config/quick.json "$@"
