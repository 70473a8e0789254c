#!/usr/bin/env bash
#SBATCH --job-name=mlir-rl-eval
#SBATCH --time=02:00:00
#SBATCH --nodes=1
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=2
#SBATCH --mem=8G
#SBATCH --output=logs/evaluate-%j.out
#
# Evaluate a run's greedy policy on its held-out benchmarks (measured and verified).
# Under Slurm: sbatch scripts/evaluate.sh [CONFIG|RUN_DIR] [bin/evaluate.py options]; without it: bash ...
# Given a config (default $CONFIG, then config/config.json), the run directory is $RUN_DIR or results/run_<name>.
set -euo pipefail
ROOT="${MLIR_RL_ROOT:-${SLURM_SUBMIT_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}}"
cd "$ROOT"
mkdir -p logs
TARGET="${1:-${CONFIG:-config/config.json}}"
shift || true
source scripts/env.sh
if [ -d "$TARGET" ]; then
  RUN_DIR="$TARGET"
else
  read -r NAME RESULTS < <(python -c 'import json, sys; c = json.load(open(sys.argv[1]))
print(c.get("name", "run"), c.get("results_dir", "results"))' "$TARGET")
  RUN_DIR="${RUN_DIR:-$RESULTS/run_$NAME}"
fi
echo "[evaluate.sh] job ${SLURM_JOB_ID:-local}: run directory $RUN_DIR" >&2
exec python bin/evaluate.py "$RUN_DIR" "$@"
