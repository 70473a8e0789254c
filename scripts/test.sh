#!/usr/bin/env bash
# Quick start, command 2: create or reuse the environment and run the whole test suite (slow and Slurm tests too).
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
python -m pytest -q "$@"
