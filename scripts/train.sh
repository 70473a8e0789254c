#!/usr/bin/env bash
#SBATCH --job-name=mlir-rl-train
#SBATCH --time=24:00:00
#SBATCH --nodes=1
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=2
#SBATCH --mem=8G
#SBATCH --output=logs/train-%j.out
#
# Train MLIR-RL. Under Slurm:   sbatch scripts/train.sh [CONFIG]      (from the repository root)
#                 Without it:   bash scripts/train.sh [CONFIG]
# CONFIG defaults to $CONFIG, then config/config.json. The run directory is $RUN_DIR, or results/run_<name> from
# the config; if it already holds a checkpoint the run resumes from it, so resubmitting a cancelled or timed-out
# job continues it. Measurements go to the Dask cluster of the config's "cluster" section (local by default).
set -euo pipefail
ROOT="${MLIR_RL_ROOT:-${SLURM_SUBMIT_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}}"
cd "$ROOT"
mkdir -p logs
CONFIG="${1:-${CONFIG:-config/config.json}}"
source scripts/env.sh
read -r NAME RESULTS < <(python -c 'import json, sys; c = json.load(open(sys.argv[1]))
print(c.get("name", "run"), c.get("results_dir", "results"))' "$CONFIG")
RUN_DIR="${RUN_DIR:-$RESULTS/run_$NAME}"
echo "[train.sh] job ${SLURM_JOB_ID:-local} on $(hostname): config $CONFIG, run directory $RUN_DIR" >&2
if compgen -G "$RUN_DIR/checkpoints/ckpt_*.pt" > /dev/null; then
  exec python bin/train.py --resume "$RUN_DIR" --config "$CONFIG"
fi
exec python bin/train.py --config "$CONFIG" --run-dir "$RUN_DIR"
