#!/usr/bin/env bash
# Quick start, command 1: install everything, then run the main job: measure the bundled suite (baselines,
# verified against the unoptimized reference, 1 thread).
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
python bin/measure.py data/test "$@"
