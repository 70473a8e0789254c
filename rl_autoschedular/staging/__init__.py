"""Staging harness: a benchmark compiled with a schedule and without one, served by two local HTTP services, driven
by an interleaved load generator, and compared by the reward engine (`harness.stage`, `bin/stage.py`).

Modules: `service` (one service process: the compiled program behind Starlette on uvicorn), `processes` (starting,
waiting for and stopping the service processes), `load` (the bounded A/B load generator, httpx), `harness` (the
whole staging run and its report)."""


class StageError(Exception):
    """A staging run that cannot go on (bad input, a schedule that does not verify, a service that died); its
    message is one line for the user."""
