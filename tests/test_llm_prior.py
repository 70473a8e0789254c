"""The LLM prior against a real local chat-completions server: it plays the legal answers it is given, sends the
request an OpenAI-compatible server expects, and falls back to the heuristic prior (with one warning per kind of
failure) when the server is unreachable, silent, or answers nonsense; an unreachable server is given up on."""

from __future__ import annotations

import json
import socket
import threading
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest
from conftest import DATA

from rl_autoschedular.agent.llm_prior import LLMPrior, chat_url
from rl_autoschedular.config import EnvConfig
from rl_autoschedular.env.prior import HeuristicPrior
from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
from rl_autoschedular.env.search import make_action
from rl_autoschedular.ir.benchmarks import load_benchmark

KEY = "sk-test-5ecret-never-logged"
BENCH = "matmul_bias_relu_256x512x512"  # first op decided: the bias + relu generic, loops (256, 512) parallel


class ChatServer:
    """A chat-completions endpoint on 127.0.0.1: records each request (path, headers, JSON body) and answers
    `content` as the assistant's message, or `status` with `content` as the body when `status` is not 200."""

    def __init__(self):
        self.requests: list[tuple[str, dict, dict]] = []
        self.content, self.status = "", 200
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append((self.path, dict(self.headers), body))
                content = server.content.replace("$KEY", self.headers.get("Authorization", ""))
                reply = content if server.status != 200 else json.dumps(
                    {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]})
                self.send_response(server.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(reply.encode())

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()


@pytest.fixture(scope="module")
def env():
    return MlirSchedulingEnv([load_benchmark(DATA / f"{BENCH}.mlir")], None, EnvConfig(reward_mode="proxy"))


@pytest.fixture
def local(monkeypatch):
    """The API key in its variable, and no proxy: the requests must reach 127.0.0.1 itself."""
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MLIR_RL_LLM_API_KEY", KEY)


@pytest.fixture
def server(local):
    s = ChatServer()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


def _act(prior: LLMPrior, env) -> tuple[np.ndarray, list[str]]:
    """The prior's action and the texts of the warnings it emitted."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        action = prior.act(env)
    return action, [str(w.message) for w in caught]


def test_the_endpoint_rule():
    assert chat_url("http://h:8000") == "http://h:8000/v1/chat/completions"
    assert chat_url("http://h:8000/v1/") == "http://h:8000/v1/chat/completions"
    assert chat_url("https://h/api/chat/completions") == "https://h/api/chat/completions"
    with pytest.raises(ValueError):
        LLMPrior("h:8000", "m", HeuristicPrior())


@pytest.mark.parametrize("answer, want, bounds", [
    ({"action": "T", "tiles": [32, 64]}, ("T", (32, 64)), [32, 64]),
    ({"action": "I", "order": [1, 0]}, ("I", (), (1, 0)), [512, 256]),
])
@pytest.mark.parametrize("wrap", ["{}", "Sure {{as asked}}, here:\n```json\n{}\n```\nThat keeps rows in L1."],
                         ids=["bare", "fenced"])
def test_a_legal_answer_is_played(env, server, answer, want, bounds, wrap):
    server.content = wrap.format(json.dumps(answer))
    env.reset(options={"benchmark": BENCH})
    fallback = HeuristicPrior()
    prior = LLMPrior(server.url, "tiny-model", fallback)
    action, warned = _act(prior, env)
    want = make_action(env, *want)
    assert action.tolist() == want.tolist() and action.tolist() != fallback.act(env).tolist()
    assert (prior.calls, prior.used, prior.fallbacks, warned) == (1, 1, 0, [])
    path, headers, body = server.requests[0]
    assert path == "/v1/chat/completions" and headers["Authorization"] == f"Bearer {KEY}"
    assert body["model"] == "tiny-model" and body["temperature"] == 0
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    user = body["messages"][1]["content"]
    # The op, its loops and what the masks allow: TPF (a producer to fuse) but not IM2COL, 128 but not 256 tiles.
    assert "linalg.generic" in user and "loop 1: 512 parallel" in user and "TPF:" in user and "IM2COL" not in user
    assert "loop 0: [0, 1, 2, 4, 8, 16, 32, 64, 128]" in user
    _, _, _, _, info = env.step(action)
    assert not info.get("invalid_action")
    assert env.episode.op.bounds == bounds  # the env applied what the model chose


@pytest.mark.parametrize("endpoint", ["refused", "silent"])
def test_an_unreachable_endpoint_falls_back_then_is_given_up(env, local, endpoint):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    if endpoint == "silent":
        sock.listen(8)  # connections queue and are never answered: every request times out
    port = sock.getsockname()[1]
    if endpoint == "refused":
        sock.close()  # nothing listens there any more
    fallback = HeuristicPrior()
    prior = LLMPrior(f"http://127.0.0.1:{port}", "m", fallback, timeout=0.2)
    env.reset(options={"benchmark": BENCH})
    steps, warned, done = 0, [], False
    while not done:
        want = fallback.act(env)
        action, texts = _act(prior, env)
        assert action.tolist() == want.tolist()
        warned += texts
        _, _, done, _, info = env.step(action)
        assert not info.get("invalid_action"), info["invalid_action"]
        steps += 1
    sock.close()
    kind = "timeout" if endpoint == "silent" else "unreachable"
    assert steps > prior.max_failures == 3
    assert (prior.calls, prior.used, prior.fallbacks, prior.disabled) == (3, 0, steps, True)
    assert prior.failures == {kind: 3}
    assert len(warned) == 2 and warned[0].startswith(f"LLM prior ({kind})") and "not called again" in warned[1]
    assert all("heuristic prior" in w and KEY not in w for w in warned)


@pytest.mark.parametrize("status, content, kind, says", [
    (200, "Tile the rows by 32 and the columns by 64. $KEY", "reply", "no JSON object"),
    (200, '{"action": "T", "tiles": [3, 64]}', "illegal", "tile size 3 "),  # 3 is no size choice
    (200, '{"action": "T", "tiles": [256, 64]}', "illegal", "tile size 256 "),  # a choice, but the whole loop
    (200, '{"action": "T", "tiles": [32]}', "illegal", "list of 2 integers"),  # one size for two loops
    (200, '{"action": "T", "tiles": [0, 0]}', "illegal", "tile nothing"),
    (200, '{"action": "IM2COL"}', "illegal", "'IM2COL' is not one of the allowed"),  # not a convolution
    (200, '{"action": "I", "order": [1, 1]}', "illegal", "not a permutation"),
    (500, '{"error": "model not loaded", "echo": "$KEY"}', "http", "HTTP 500: {\"error\": \"model not loaded\""),
])
def test_nonsense_falls_back_with_one_warning(env, server, status, content, kind, says):
    server.status, server.content = status, content
    env.reset(options={"benchmark": BENCH})
    fallback = HeuristicPrior()
    prior = LLMPrior(server.url + "/v1", "m", fallback)
    first, warned = _act(prior, env)
    second, again = _act(prior, env)  # the same failure again: counted, not warned again
    assert first.tolist() == second.tolist() == fallback.act(env).tolist()
    assert (prior.calls, prior.used, prior.fallbacks, prior.disabled) == (2, 0, 2, False)
    assert prior.failures == {kind: 2} and again == []
    assert len(warned) == 1 and warned[0].startswith(f"LLM prior ({kind})") and "heuristic prior" in warned[0]
    assert says in warned[0] and KEY not in warned[0]
    assert all(headers["Authorization"] == f"Bearer {KEY}" for _, headers, _ in server.requests)


def test_an_interchange_in_swaps_mode_is_one_exchange(server):
    env = MlirSchedulingEnv([load_benchmark(DATA / f"{BENCH}.mlir")], None,
                            EnvConfig(reward_mode="proxy", interchange_mode="swaps"))
    env.reset(options={"benchmark": BENCH})
    prior = LLMPrior(server.url, "m", HeuristicPrior())
    server.content = '{"action": "I", "order": [1, 0]}'
    assert prior.act(env).tolist() == make_action(env, "I", (), (0,)).tolist()  # swap pair 0 is (0, 1)
    server.content = '{"action": "I", "order": [0, 1]}'  # the identity exchanges nothing
    with pytest.warns(UserWarning, match="does not exchange exactly two loops"):
        prior.act(env)
    assert (prior.used, prior.fallbacks) == (1, 1)


def test_training_goes_on_with_an_unreachable_llm_prior(local, tmp_path):
    from rl_autoschedular.agent.trainer import Trainer
    from rl_autoschedular.config import RunConfig

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    cfg = RunConfig.model_validate({
        "name": "llm", "iterations": 1, "device": "cpu", "env": {"reward_mode": "proxy"},
        "model": {"hidden": 16}, "tracking": {"backends": ["jsonl"]},
        "ppo": {"episodes_per_iteration": 2, "minibatch_size": 8, "update_epochs": 1, "prior_episodes": 1.0,
                "prior": "llm", "llm_url": f"http://127.0.0.1:{port}", "llm_timeout": 0.2}})
    with pytest.warns(UserWarning, match="heuristic prior"):
        Trainer(cfg, tmp_path / "run", None, benchmarks=([load_benchmark(DATA / f"{BENCH}.mlir")], [])).train()
    metrics = json.loads((tmp_path / "run" / "metrics.jsonl").read_text().splitlines()[-1])
    assert metrics["prior_episodes"] == 2 and metrics["llm_calls"] == 3 and metrics["llm_answers_used"] == 0
    assert metrics["llm_fallbacks"] == metrics["steps"]


def test_an_llm_prior_without_a_url_is_a_config_error():
    from pydantic import ValidationError

    from rl_autoschedular.config import PPOConfig

    with pytest.raises(ValidationError, match="needs llm_url"):
        PPOConfig(prior="llm")
