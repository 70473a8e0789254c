#!/usr/bin/env bash
# Create or reuse the project's virtual environment (.venv) and install the pinned requirements into it.
# Sourced by the other scripts; re-installs only when requirements.txt or pyproject.toml changed since the last
# install.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${MLIR_RL_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "[env] creating $VENV" >&2
  "$PY" -m venv "$VENV"
fi
STAMP="$VENV/.requirements.sha256"
WANT="$(cat "$ROOT/requirements.txt" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$WANT" ]; then
  echo "[env] installing requirements.txt (a few minutes the first time)" >&2
  # this machine's pip config lists local mirrors that may be absent; drop those warnings, keep real errors
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/requirements.txt" \
    2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
  # the project itself, editable: `import rl_autoschedular` works from any directory and in spawned workers
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e "$ROOT" \
    2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
  echo "$WANT" > "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
cd "$ROOT"
