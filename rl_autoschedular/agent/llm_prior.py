"""An optional prior policy that asks a language model, behind the interface of `HeuristicPrior`: `act(env)` gives
the action vector of the env's current decision.

Each decision is one OpenAI-compatible chat completion (stdlib `urllib`, temperature 0): the user message describes
the op (name, element type, loops with their current extents and kinds, the decision's index) and what the masks
allow now (action types, tile sizes per loop), and asks for one JSON object such as {"action": "T", "tiles": [32,
64, 0]}, {"action": "I", "order": [1, 0, 2]} or {"action": "V"}. The answer may sit in prose or a ```json fence.

An answer the masks allow is played. Anything else (no connection, a timeout, an HTTP error, a reply that is not
such an object, an action the masks refuse) plays the fallback's action and warns once per kind of failure; after
`max_failures` consecutive connection failures (refused or timed out) the endpoint is not called again in the run.
The API key comes from the environment variable `api_key_env` only and is redacted from every warning.
"""

from __future__ import annotations

import http.client
import json
import os
import urllib.error
import urllib.request
import warnings
from collections import Counter
from urllib.parse import urlsplit

import gymnasium as gym
import numpy as np

from rl_autoschedular.env.actions import ACTION_TYPES, decode, pointer_mask, swap_pairs
from rl_autoschedular.env.prior import HeuristicPrior
from rl_autoschedular.env.search import make_action

_MEANING = {"T": "tile the loops (an outer tile, then a register tile)", "TP": "tile the parallel loops over threads",
            "TPF": "TP, with the op's producer fused into the tiles", "I": "interchange the loops",
            "V": "vectorize (ends the op)", "IM2COL": "rewrite the convolution as a matmul (im2col)",
            "L": "change the layout from NCHW to NHWC", "FLAT": "collapse the elementwise op's loops into one",
            "P": "pack the tiled contraction's vector operands", "NT": "end the op as it is"}
_TILINGS = ("T", "TP", "TPF")
_CONNECTION = ("unreachable", "timeout")  # the failures that count towards giving up on the endpoint
SYSTEM = ("You schedule MLIR linalg ops for a CPU, one decision at a time, to make them fast. Answer with exactly "
          "one JSON object and nothing else.")


def chat_url(url: str) -> str:
    """The endpoint to POST to: `url` itself when its path ends in /chat/completions, `url` + /chat/completions
    when it ends in /v1, else `url` + /v1/chat/completions (a trailing slash is ignored)."""
    url = url.rstrip("/")
    path = urlsplit(url).path
    if path.endswith("/chat/completions"):
        return url
    return url + ("/chat/completions" if path.endswith("/v1") else "/v1/chat/completions")


class LLMPrior:
    """`act(env)` gives the model's next action for the env's current decision, or `fallback`'s when the model
    gives none the masks allow. `calls` (requests sent), `used` (answers played), `fallbacks`, `failures` (per
    kind: unreachable, timeout, http, reply, illegal) and `disabled` say how it went."""

    def __init__(self, url: str, model: str, fallback: HeuristicPrior, timeout: float = 10.0,
                 api_key_env: str = "MLIR_RL_LLM_API_KEY", max_failures: int = 3):
        if urlsplit(url).scheme not in ("http", "https"):
            raise ValueError(f"LLM prior URL {url!r} is not http(s)")  # a config error: no fallback hides it
        self.url, self.model, self.fallback, self.timeout = chat_url(url), model, fallback, timeout
        self.api_key_env, self.max_failures = api_key_env, max_failures
        self.calls = self.used = self.fallbacks = 0
        self.failures: Counter[str] = Counter()
        self.disabled = False
        self._consecutive = 0
        self._warned: set[str] = set()

    def act(self, env: gym.Env) -> np.ndarray:
        """The model's action if it answered one the masks allow, else the fallback's."""
        if not self.disabled:
            try:
                action = to_action(env, parse_reply(self._ask(prompt(env))))
                self.used, self._consecutive = self.used + 1, 0
                return action
            except _Failure as failure:
                self._fail(failure.kind, str(failure))
        self.fallbacks += 1
        return self.fallback.act(env)

    def _ask(self, content: str) -> str:
        """One chat completion; the content of its first choice."""
        body = {"model": self.model, "temperature": 0,
                "messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": content}]}
        headers = {"Content-Type": "application/json"}
        if os.environ.get(self.api_key_env):
            headers["Authorization"] = f"Bearer {os.environ[self.api_key_env]}"
        request = urllib.request.Request(self.url, json.dumps(body).encode(), headers, method="POST")
        self.calls += 1
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as e:
            raise _Failure("http", f"{self.url} answered HTTP {e.code}: {e.read()[:200].decode(errors='replace')}")
        except (urllib.error.URLError, OSError) as e:
            timed_out = isinstance(getattr(e, "reason", e), TimeoutError)
            raise _Failure("timeout" if timed_out else "unreachable", f"{self.url} did not answer ({e})")
        except http.client.HTTPException as e:
            raise _Failure("reply", f"{self.url} sent no HTTP response ({e!r})")
        try:
            content = json.loads(raw)["choices"][0]["message"]["content"]
        except (ValueError, LookupError, TypeError):
            content = None
        if not isinstance(content, str):
            raise _Failure("reply", f"{self.url} sent no chat completion: {raw[:200].decode(errors='replace')}")
        return content

    def _fail(self, kind: str, message: str) -> None:
        self.failures[kind] += 1
        key = os.environ.get(self.api_key_env)
        if key:
            message = message.replace(key, "***")
        if kind not in self._warned:
            self._warned.add(kind)
            warnings.warn(f"LLM prior ({kind}): {message}; the heuristic prior's action is used instead (further "
                          f"{kind} failures are not reported)", stacklevel=3)
        # Only failures to get any answer count: a server that answers badly costs a round trip, not a timeout.
        self._consecutive = self._consecutive + 1 if kind in _CONNECTION else 0
        if self._consecutive >= self.max_failures:
            self.disabled = True
            warnings.warn(f"LLM prior: {self._consecutive} consecutive connection failures; {self.url} is not called "
                          "again in this run, the heuristic prior decides alone", stacklevel=3)


class _Failure(Exception):
    """The endpoint gave no usable chat completion; `kind` says why."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def prompt(env: gym.Env) -> str:
    """The user message for the env's current decision: the op, and what the masks allow now."""
    base = env.unwrapped
    ep, comp, cfg = base.episode, base.current_masks(), base.cfg
    st = ep.op
    done = ", ".join(a.kind for a in st.actions) or "none"
    lines = [f"Op {st.name} ({st.info.dtype or 'unknown type'}), op {ep.index + 1} of {len(ep.bench.order)}; "
             f"decision {ep.step} (0-based) of at most {cfg.max_steps_per_op} on it; done on it so far: {done}.",
             "Loops, in their current order, with the extent each has now:"]
    lines += [f"  loop {i}: {st.bounds[i]} {st.kinds[i]}" for i in range(st.n_loops)]
    lines.append("Allowed action types now:")
    lines += [f"  {t}: {_MEANING[t]}" for k, t in enumerate(ACTION_TYPES) if comp[0][k]]
    lines.append("Allowed tile sizes per loop (0 = not tiled):")
    lines += [f"  loop {i}: {[cfg.size_choices[k] for k in np.flatnonzero(comp[1 + i])]}" for i in range(st.n_loops)]
    order = ("order[j] is the loop that goes to position j, a permutation of all loops"
             if cfg.interchange_mode == "pointers" else "a permutation that exchanges exactly two loops")
    lines += ["Answer with exactly one JSON object, for example:",
              f'  {{"action": "T", "tiles": [32, 64, 0]}} for {", ".join(_TILINGS)}: one allowed size per loop',
              f'  {{"action": "I", "order": [1, 0, 2]}} for I: {order}',
              '  {"action": "V"} for any other type']
    return "\n".join(lines)


def parse_reply(content: str) -> dict:
    """The first JSON object with an "action" in the model's reply, wherever it sits (prose, a ```json fence)."""
    decoder = json.JSONDecoder()
    start = content.find("{")
    while start >= 0:
        try:
            obj, _ = decoder.raw_decode(content, start)
            if isinstance(obj, dict) and "action" in obj:
                return obj
        except ValueError:
            pass
        start = content.find("{", start + 1)
    raise _Failure("reply", f"no JSON object with an \"action\" in the reply {content[:200]!r}")


def to_action(env: gym.Env, answer: dict) -> np.ndarray:
    """The action vector of the model's `answer`, checked against the current masks as the env would check it."""
    base = env.unwrapped
    comp, cfg, st = base.current_masks(), base.cfg, base.episode.op
    L, n, kind = cfg.max_loops, st.n_loops, answer.get("action")
    if kind not in ACTION_TYPES or not comp[0][ACTION_TYPES.index(kind)]:
        raise _Failure("illegal", f"action {kind!r} is not one of the allowed types")
    if kind in _TILINGS:
        tiles = _ints(answer.get("tiles"), n, "tiles")
        for i, size in enumerate(tiles):
            if size not in cfg.size_choices or not comp[1 + i][cfg.size_choices.index(size)]:
                raise _Failure("illegal", f"tile size {size} is not allowed for loop {i}")
        action = make_action(env, kind, tuple(tiles))
    elif kind == "I":
        order = _ints(answer.get("order"), n, "order")
        if cfg.interchange_mode == "pointers":
            for j, p in enumerate(order):
                if not 0 <= p < L or not pointer_mask(comp[1 + L + j], order[:j])[p]:
                    raise _Failure("illegal", f"order {order} is not a permutation of the {n} loops")
            action = make_action(env, kind, (), tuple(order))
        else:
            moved = [i for i, p in enumerate(order) if p != i]
            if len(moved) != 2 or order[moved[0]] != moved[1] or order[moved[1]] != moved[0]:
                raise _Failure("illegal", f"order {order} does not exchange exactly two loops")
            action = make_action(env, kind, (), (swap_pairs(L).index(tuple(moved)),))
    else:
        action = make_action(env, kind)
    _, decoded, error = decode(cfg, st, action, comp)
    if error or (decoded is None and kind != "NT"):
        raise _Failure("illegal", error or f"tiles {answer.get('tiles')} tile nothing")
    return action


def _ints(value, n: int, name: str) -> list[int]:
    """`value` as a list of `n` integers (JSON booleans are not integers here)."""
    if not isinstance(value, list) or len(value) != n or not all(type(v) is int for v in value):
        raise _Failure("illegal", f"{name} must be a list of {n} integers, one per loop, not {value!r}")
    return value
