"""load_config: strict JSON types, every problem of a file reported at once, comments, penalties, unknown keys."""

from __future__ import annotations

import json

import pytest
from conftest import DATA

from rl_autoschedular.config import DEFAULT_PENALTIES, ConfigError, load_config


def _write(tmp_path, cfg: dict, name="run.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"data": {"dataset": str(DATA)}, **cfg}))
    return path


def _error(path) -> str:
    with pytest.raises(ConfigError) as err:
        load_config(path)
    return str(err.value)


@pytest.mark.parametrize("cfg, where", [
    ({"iterations": "10"}, "iterations"),
    ({"ppo": {"anneal_lr": "yes"}}, "ppo.anneal_lr"),
    ({"measure": {"threads": 1.0}}, "measure.threads"),
    ({"ppo": {"learning_rate": "0.001"}}, "ppo.learning_rate"),
    ({"tracking": {"backends": "jsonl"}}, "tracking.backends"),
])
def test_json_types_are_not_coerced(tmp_path, cfg, where):
    path = _write(tmp_path, cfg)
    message = _error(path)
    assert message.startswith(f"{path}: {where}: ") and "\n" not in message, message


def test_nested_sections_validate_from_json_objects(tmp_path):
    cfg = load_config(_write(tmp_path, {
        "iterations": 3,
        "measure": {"threads": 1, "timing": {"warmup": 0, "min_runs": 2, "max_runs": 4, "target_seconds": 1}},
        "ppo": {"learning_rate": 1, "anneal_lr": True, "target_kl": None},
        "cluster": {"job_extra_directives": ["--exclusive"]},
    }))
    assert cfg.iterations == 3
    assert (cfg.measure.timing.warmup, cfg.measure.timing.max_runs) == (0, 4)
    assert cfg.measure.timing.target_seconds == 1.0 and isinstance(cfg.measure.timing.target_seconds, float)
    assert cfg.ppo.learning_rate == 1.0 and cfg.ppo.anneal_lr is True and cfg.ppo.target_kl is None
    assert cfg.cluster.job_extra_directives == ["--exclusive"]


def test_every_problem_is_reported_at_once(tmp_path):
    path = _write(tmp_path, {
        "iterations": "10",
        "learning_rat": 0.1,
        "ppo": {"anneal_lr": "yes"},
        "measure": {"timing": {"min_runs": 9, "max_runs": 3}},
        "data": {"dataset": str(tmp_path / "nowhere")},
    })
    header, *lines = _error(path).splitlines()
    assert header == f"{path}: 5 problems"
    assert sorted(line.strip().split(":")[0] for line in lines) == [
        "data.dataset", "iterations", "learning_rat", "measure.timing", "ppo.anneal_lr"]
    assert "  learning_rat: unknown key" in lines
    assert any("min_runs <= max_runs" in line for line in lines)


@pytest.mark.parametrize("cfg, expected", [
    ({"learning_rat": 0.1}, "learning_rat: unknown key"),
    ({"measure": {"timing": {"warmupp": 1}}}, "measure.timing.warmupp: unknown key"),
    ({"env": {"penalties": {"crashh": -1.0}}}, "env.penalties: unknown statuses ['crashh']"),
])
def test_unknown_keys_are_named(tmp_path, cfg, expected):
    path = _write(tmp_path, cfg)
    assert _error(path).startswith(f"{path}: {expected}")


def test_comment_keys_are_dropped_at_every_level(tmp_path):
    cfg = load_config(_write(tmp_path, {"_note": "top", "ppo": {"_why": "nested", "update_epochs": 2}}))
    assert cfg.ppo.update_epochs == 2


def test_one_penalty_keeps_the_defaults_of_the_others(tmp_path):
    cfg = load_config(_write(tmp_path, {"env": {"penalties": {"crash": -5.0}}}))
    assert cfg.env.penalties == {**DEFAULT_PENALTIES, "crash": -5.0}


def test_positive_penalty_is_refused(tmp_path):
    assert "must not be positive" in _error(_write(tmp_path, {"env": {"penalties": {"timeout": 1.0}}}))


def test_not_json_and_missing_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"iterations": 3,}')
    assert _error(bad).startswith(f"{bad}: not valid JSON (line 1")
    assert _error(tmp_path / "none.json").startswith(f"{tmp_path / 'none.json'}: config file not found")
