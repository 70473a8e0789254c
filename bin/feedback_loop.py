#!/usr/bin/env python3
"""The staging feedback loop on loopback: propose, stage as a canary, reward, store, update offline (the same as the
`mlir-rl-feedback-loop` command; its code is rl_autoschedular/commands/feedback_loop.py)."""

import sys

from rl_autoschedular.commands.feedback_loop import main

if __name__ == "__main__":
    sys.exit(main())
