"""Validated configuration of the environment (and, through `load_config`, of whole runs).

Every model forbids unknown keys, so a typo in a config file is an error naming the key, not a silently ignored
setting.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .cluster import ClusterConfig
from .measure import MeasureConfig
from .runner import STATUSES


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _powers_of_two(limit: int) -> list[int]:
    return [2 ** i for i in range(limit.bit_length()) if 2 ** i <= limit]


class EnvConfig(_Strict):
    """The scheduling environment: action space, observation sizes and reward."""

    max_steps_per_op: int = Field(5, ge=2, description="decisions per op; the last one must be terminal (V or NT)")
    tile_sizes: list[int] = Field(default_factory=lambda: _powers_of_two(128),
                                  description="candidate tile sizes of parallel loops")
    reduction_tile_sizes: list[int] = Field(default_factory=lambda: _powers_of_two(256),
                                            description="candidate tile sizes of reduction loops")
    divisible_tiles: bool = Field(True, description="mask sizes that do not divide the loop (partial tiles do not "
                                                    "vectorize)")
    max_tilings: int = Field(2, ge=1, description="T actions per op (outer tile, then register tile)")
    vector_limit: int = Field(2048, ge=1, description="V needs the tiled iteration space to hold at most this many "
                                                      "points")
    interchange_mode: Literal["pointers", "swaps"] = "pointers"
    max_loops: int = Field(8, ge=1, description="loops the encoding holds; ops with more are reported and skipped")
    max_operands: int = Field(4, ge=2, description="operands (access matrices) the encoding holds per op")
    max_rank: int = Field(4, ge=1, description="tensor rank the access matrices hold")
    reward_mode: Literal["final", "immediate", "proxy"] = "final"
    penalties: dict[str, float] = Field(default_factory=lambda: {
        "transform_error": -1.0, "compile_error": -1.0, "crash": -2.0, "timeout": -2.0, "wrong_output": -2.0,
        "lost": -1.0, "invalid_action": -0.5})

    @field_validator("tile_sizes", "reduction_tile_sizes")
    @classmethod
    def _positive_sorted(cls, v: list[int]) -> list[int]:
        if not v or any(s < 1 for s in v) or sorted(set(v)) != v:
            raise ValueError("tile sizes must be positive, distinct and increasing")
        return v

    @field_validator("penalties")
    @classmethod
    def _known_statuses(cls, v: dict[str, float]) -> dict[str, float]:
        known = set(STATUSES) - {"ok"} | {"lost", "invalid_action"}
        unknown = set(v) - known
        if unknown:
            raise ValueError(f"unknown statuses {sorted(unknown)}; expected some of {sorted(known)}")
        if any(p > 0 for p in v.values()):
            raise ValueError("penalties must not be positive: a failure is never rewarded")
        return {s: v.get(s, -1.0) for s in sorted(known)}

    @property
    def size_choices(self) -> list[int]:
        """Tile size per choice index: 0 = not tiled, then every candidate of either list."""
        return [0] + sorted(set(self.tile_sizes) | set(self.reduction_tile_sizes))


class DataConfig(_Strict):
    """The dataset and its split. Empty `train` means every benchmark not in `eval`."""

    dataset: str = "data/test"
    train: list[str] = Field(default_factory=list)
    eval: list[str] = Field(default_factory=list)


class ModelConfig(_Strict):
    """The state encoder (`model_type`) and its size; small defaults that train on a CPU."""

    model_type: Literal["lstm", "distilbert"] = "lstm"
    hidden: int = Field(64, ge=4, description="lstm: width of the MLPs and of the LSTM")
    lstm_layers: int = Field(1, ge=1)
    bert_dim: int = Field(64, ge=8, description="distilbert: token width (a multiple of bert_heads)")
    bert_layers: int = Field(2, ge=1)
    bert_heads: int = Field(2, ge=1)
    bert_ffn: int = Field(128, ge=8)


class PPOConfig(_Strict):
    """Every PPO hyperparameter; nothing is hidden in the code."""

    episodes_per_iteration: int = Field(8, ge=1, description="whole episodes collected per iteration")
    learning_rate: float = Field(3e-4, gt=0)
    anneal_lr: bool = False
    gamma: float = Field(1.0, ge=0, le=1)
    gae_lambda: float = Field(0.95, ge=0, le=1)
    update_epochs: int = Field(4, ge=1)
    minibatch_size: int = Field(32, ge=1)
    clip_coef: float = Field(0.2, gt=0)
    clip_vloss: bool = True
    norm_adv: bool = True
    ent_coef: float = Field(0.01, ge=0)
    vf_coef: float = Field(0.5, ge=0)
    max_grad_norm: float = Field(0.5, gt=0)
    target_kl: float | None = Field(None, gt=0, description="stop the epochs of an update early past this KL")


class TrackingConfig(_Strict):
    """Where metrics go: JSONL always, plus MLflow and/or Neptune."""

    backends: list[Literal["jsonl", "mlflow", "neptune"]] = Field(default_factory=lambda: ["jsonl", "mlflow"])
    experiment: str = "mlir-rl"
    neptune_mode: Literal["offline", "debug", "async"] = "offline"


class RunConfig(_Strict):
    """One training run."""

    name: str = Field("run", pattern=r"^[A-Za-z0-9_.-]+$")
    seed: int = 0
    iterations: int = Field(10, ge=1)
    eval_every: int = Field(5, ge=1, description="evaluate the greedy policy every K iterations (and at the end)")
    checkpoint_every: int = Field(1, ge=1, description="checkpoint every K iterations (and at the end)")
    results_dir: str = "results"
    cache_dir: str | None = Field(None, description="results cache; default $MLIR_RL_CACHE or .cache")
    device: Literal["auto", "cpu", "cuda"] = "auto"
    data: DataConfig = Field(default_factory=DataConfig)
    env: EnvConfig = Field(default_factory=EnvConfig)
    measure: MeasureConfig = Field(default_factory=MeasureConfig)
    model: ModelConfig = Field(default_factory=ModelConfig)
    ppo: PPOConfig = Field(default_factory=PPOConfig)
    tracking: TrackingConfig = Field(default_factory=TrackingConfig)
    cluster: ClusterConfig = Field(default_factory=ClusterConfig, description="where measurements run")

    @model_validator(mode="after")
    def _one_thread_count(self) -> "RunConfig":
        if self.cluster.threads_per_measurement != self.measure.threads:
            raise ValueError(f"cluster.threads_per_measurement ({self.cluster.threads_per_measurement}) must equal "
                             f"measure.threads ({self.measure.threads})")
        return self


class ConfigError(ValueError):
    """A config file that cannot be used; the message is one line naming the file and the problem."""


def _drop_comments(node):
    """Keys starting with "_" are comments (config/example.json documents every option with them)."""
    if isinstance(node, dict):
        return {k: _drop_comments(v) for k, v in node.items() if not k.startswith("_")}
    return node


def load_config(path) -> RunConfig:
    """Read and validate a run config (JSON). Raises ConfigError with one line: file, key and problem."""
    import json
    from pathlib import Path

    from pydantic import ValidationError

    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found; pass --config with a JSON file such as config/quick.json")
    try:
        raw = json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    raw = _drop_comments(raw)
    try:
        cfg = RunConfig.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "(top level)"
        unknown = err["type"] in ("extra_forbidden", "unexpected_keyword_argument")
        problem = "unknown key" if unknown else err["msg"]
        raise ConfigError(f"{path}: {where}: {problem}") from None
    dataset = Path(cfg.data.dataset)
    if not dataset.is_absolute():
        dataset = Path.cwd() / dataset
    if not dataset.is_dir():
        raise ConfigError(f"{path}: data.dataset: folder {cfg.data.dataset} not found; point it at a dataset "
                          "folder with a manifest.json (e.g. data/test)")
    return cfg
