#!/usr/bin/env python3
"""Stage a benchmark with a schedule against its baseline: two local HTTP services, interleaved load, latency
percentiles, a reward and a verdict (its code is rl_autoschedular/commands/stage.py)."""

import sys

from rl_autoschedular.commands.stage import main

if __name__ == "__main__":
    sys.exit(main())
