"""The bounded load generator of a staging run: sequential requests to the services on 127.0.0.1, interleaved
(A, B, A, B, ...) so that drift of the machine (other processes, frequency) falls on both alike.

Each round sends one POST /run to every service in turn. The first `warmup` rounds are not recorded. It stops after
`requests` recorded rounds or once `time_limit` seconds (warm-up included) have passed, whichever comes first, and
only between rounds, so every service has the same number of samples. A request's latency is measured by the client
(`time.perf_counter_ns` around the whole HTTP exchange, on a kept-alive connection); the service's own time of the
run is kept beside it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from rl_autoschedular.staging import StageError

LOOPBACK = "127.0.0.1"
# A request begun before the time limit may still finish within this many seconds after it.
_GRACE_S = 10.0


@dataclass
class LoadResult:
    """Per service (by name, in the order driven): client-side latencies (s) and the service's own run times (ns)."""

    latencies_s: dict[str, list[float]]
    server_ns: dict[str, list[int]]
    warmup: int
    stopped_by: str  # "requests" or "time_limit"
    wall_s: float


def drive(urls: dict[str, str], requests: int, time_limit: float, warmup: int = 5) -> LoadResult:
    """Drive the services `urls` ({name: "http://127.0.0.1:PORT"}) round by round; see the module docstring.
    ValueError for a URL off the loopback or bad bounds; StageError when a service fails a request."""
    if requests < 1 or warmup < 0 or time_limit <= 0:
        raise ValueError("requests must be at least 1, warmup at least 0, and the time limit positive")
    for url in urls.values():
        if urlsplit(url).hostname != LOOPBACK:
            raise ValueError(f"{url}: the load generator only drives services on {LOOPBACK}")
    # trust_env=False: an HTTP(S)_PROXY in the environment must never route loopback traffic elsewhere.
    clients = {name: httpx.Client(base_url=url, trust_env=False) for name, url in urls.items()}
    latencies: dict[str, list[float]] = {name: [] for name in urls}
    server: dict[str, list[int]] = {name: [] for name in urls}
    start = time.monotonic()
    deadline = start + time_limit
    stopped_by = "requests"
    try:
        for round_ in range(warmup + requests):
            if time.monotonic() >= deadline:
                stopped_by = "time_limit"
                break
            for name, client in clients.items():
                elapsed_ns, time_ns = _request(name, client, deadline)
                if round_ >= warmup:
                    latencies[name].append(elapsed_ns / 1e9)
                    server[name].append(time_ns)
    finally:
        for client in clients.values():
            client.close()
    return LoadResult(latencies, server, warmup, stopped_by, time.monotonic() - start)


def _request(name: str, client: httpx.Client, deadline: float) -> tuple[int, int]:
    """(client-side latency, the service's run time), both in ns, of one POST /run."""
    timeout = max(0.0, deadline - time.monotonic()) + _GRACE_S
    begin = time.perf_counter_ns()
    try:
        response = client.post("/run", timeout=timeout)
    except httpx.TimeoutException:
        raise StageError(f"the {name} service did not answer within {timeout:.0f} s") from None
    except httpx.TransportError as exc:
        raise StageError(f"the {name} service failed a request ({type(exc).__name__}: {exc})") from None
    elapsed = time.perf_counter_ns() - begin
    if response.status_code != 200:
        raise StageError(f"the {name} service answered HTTP {response.status_code}: {response.text[:200]}")
    return elapsed, int(response.json()["time_ns"])
