#!/usr/bin/env bash
# The MLflow dashboard of every run: the shared store RESULTS_DIR/mlflow.db (default results/), or the store
# $MLFLOW_TRACKING_URI names, served on 127.0.0.1 only (see rl_autoschedular/tracking/mlflow_tracker.py).
set -euo pipefail
if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
  echo "usage: scripts/mlflow_ui.sh [RESULTS_DIR]  MLflow UI on http://127.0.0.1:\${PORT:-5000} for RESULTS_DIR/mlflow.db (default results/) or \$MLFLOW_TRACKING_URI"
  exit 0
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STORE="$(realpath -m "${1:-$ROOT/results}")/mlflow.db"
URI="${MLFLOW_TRACKING_URI:-sqlite:///$STORE}"
if [[ "$URI" == http* ]]; then
  # the URI is not shown: it may hold a password
  echo "error: MLFLOW_TRACKING_URI is a tracking server: open its own UI in a browser" >&2
  exit 2
fi
if [[ -z "${MLFLOW_TRACKING_URI:-}" && ! -f "$STORE" ]]; then
  echo "error: no $STORE yet (no run has logged to MLflow there)" >&2
  exit 2
fi
source "$ROOT/scripts/env.sh"
export MLFLOW_DISABLE_TELEMETRY="${MLFLOW_DISABLE_TELEMETRY:-true}"
exec mlflow ui --backend-store-uri "$URI" --host 127.0.0.1 --port "${PORT:-5000}"
