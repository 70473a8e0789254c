"""Validated configuration of measurement, the environment, the cluster and whole runs (`load_config`).

Every model is strict (no silent coercion: `"10"` is not 10, `"yes"` is not true) and forbids unknown keys, so a
typo in a config file is an error naming the key, not a silently ignored setting. This module imports nothing
heavier than pydantic: the MLIR bindings, torch and Dask load only where they are used.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# What a measured schedule did. `harness_error` is a fault of ours (a missing reference, a bug, a Dask task
# error), never charged to the schedule; `lost` (in cluster/) means its workers kept dying.
STATUSES = ("ok", "transform_error", "compile_error", "crash", "timeout", "wrong_output", "harness_error")
# Failures the same schedule reproduces every time: cached. A timeout or crash may be the machine's fault
# (load, a killed process), so it is retried once and never cached.
DETERMINISTIC_FAILURES = ("transform_error", "compile_error", "wrong_output")


# Reward of each failure. harness_error is ours, not the schedule's: it costs the schedule nothing.
DEFAULT_PENALTIES = {"transform_error": -1.0, "compile_error": -1.0, "crash": -2.0, "timeout": -2.0,
                     "wrong_output": -2.0, "lost": -1.0, "invalid_action": -0.5, "harness_error": 0.0}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class TimingConfig(_Strict):
    """How a schedule is timed: warm-up runs, then at least `min_runs` and at most `max_runs` timed runs,
    stopping early once `target_seconds` of timed runs have accumulated (adaptive k)."""

    warmup: int = Field(2, ge=0)
    min_runs: int = Field(5, ge=1)
    max_runs: int = Field(500, ge=1)
    target_seconds: float = Field(0.3, gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> "TimingConfig":
        if self.max_runs < self.min_runs:
            raise ValueError(f"timing needs min_runs <= max_runs (got {self.min_runs} and {self.max_runs})")
        return self


class MeasureConfig(_Strict):
    """Measurement settings. Timeouts in seconds. The run timeout of a schedule is
    max(min_run_timeout, run_timeout_factor * baseline time * runs it may take); its compile timeout (apply, lower
    and JIT) is min(compile_timeout, max(min_compile_timeout, compile_timeout_factor * the unscheduled program's
    compile time)), so a schedule that makes a small benchmark's compile pathological is stopped in seconds."""

    threads: int = Field(1, ge=1)
    seed: int = 0
    timing: TimingConfig = Field(default_factory=TimingConfig)
    compile_timeout: float = Field(60.0, gt=0, description="the unscheduled program's compile timeout and the cap "
                                                           "of every schedule's")
    compile_timeout_factor: float = Field(20.0, gt=0, description="a schedule's compile may take this many times "
                                                                  "the unscheduled program's")
    min_compile_timeout: float = Field(10.0, gt=0, description="a schedule's compile timeout is never below this "
                                                               "(unless compile_timeout is)")
    baseline_run_timeout: float = Field(300.0, gt=0)
    run_timeout_factor: float = Field(10.0, gt=0)
    min_run_timeout: float = Field(5.0, gt=0)
    reference_check: Literal["iree", "none"] = Field(
        "iree", description="check each benchmark's reference outputs against IREE llvm-cpu once (none: trust "
                            "our own lowering; only for benchmarks IREE cannot compile)")


class ClusterConfig(_Strict):
    """The config's `cluster` section.

    local: one worker process per measurement slot on this machine, bound to 127.0.0.1.
    slurm: `workers` SLURM jobs of `cores` cores each (default threads_per_measurement), one worker per job.
    scheduler_file: connect to a scheduler started elsewhere (e.g. by `srun` inside one sbatch allocation).
    """

    mode: Literal["local", "slurm", "scheduler_file"] = "local"
    workers: int = Field(1, ge=1, description="measurement slots: worker processes (local) or jobs (slurm)")
    threads_per_measurement: int = Field(1, ge=1, description="OpenMP threads of one timed run")
    # slurm
    partition: str | None = None
    account: str | None = None
    cores: int | None = Field(None, ge=1, description="cores per worker job; default threads_per_measurement")
    memory: str = "2GB"
    walltime: str = "01:00:00"
    job_extra_directives: list[str] = Field(default_factory=list)
    job_script_prologue: list[str] = Field(default_factory=list)
    interface: str | None = "lo"
    python: str = sys.executable
    log_directory: str | None = "logs/dask-workers"
    # scheduler_file
    scheduler_file: str | None = None
    # all modes
    retries: int = Field(2, ge=0, description="extra attempts for a task whose worker died or that raised")
    start_timeout: float = Field(300.0, gt=0, description="seconds to wait for the workers to join")
    lost_worker_timeout: float = Field(5.0, gt=0, description="slurm: seconds before a vanished job is replaced")

    @model_validator(mode="after")
    def _check(self) -> "ClusterConfig":
        if self.mode == "scheduler_file" and not self.scheduler_file:
            raise ValueError("mode 'scheduler_file' needs scheduler_file (the path the scheduler wrote)")
        if self.cores is not None and self.cores < self.threads_per_measurement:
            raise ValueError(f"cores ({self.cores}) < threads_per_measurement ({self.threads_per_measurement})")
        return self


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
    cast_vector_limit: int = Field(64, ge=1, description="V on an op whose body casts between types (extf, truncf, "
                                                          "sitofp...) needs its innermost loop to hold at most this "
                                                          "many points: LLVM took 2 s to generate a 128-wide f32->f64 "
                                                          "vector cast and 41 s for 768")
    interchange_mode: Literal["pointers", "swaps"] = "pointers"
    max_loops: int = Field(8, ge=1, description="loops the encoding holds; ops with more are reported and skipped")
    max_operands: int = Field(4, ge=2, description="operands (access matrices) the encoding holds per op: the "
                              "store and the loads of highest rank")
    max_rank: int = Field(6, ge=1, description="tensor rank the access matrices hold (attention has rank 5)")
    reward_mode: Literal["final", "immediate", "proxy"] = "final"
    penalties: dict[str, float] = Field(default_factory=lambda: dict(DEFAULT_PENALTIES),
                                        description="reward of each failure status; unset ones keep their default")

    @field_validator("tile_sizes", "reduction_tile_sizes")
    @classmethod
    def _positive_sorted(cls, v: list[int]) -> list[int]:
        if not v or any(s < 1 for s in v) or sorted(set(v)) != v:
            raise ValueError("tile sizes must be positive, distinct and increasing")
        return v

    @field_validator("penalties")
    @classmethod
    def _known_statuses(cls, v: dict[str, float]) -> dict[str, float]:
        unknown = set(v) - set(DEFAULT_PENALTIES)
        if unknown:
            raise ValueError(f"unknown statuses {sorted(unknown)}; expected some of {sorted(DEFAULT_PENALTIES)}")
        if any(p > 0 for p in v.values()):
            raise ValueError("penalties must not be positive: a failure is never rewarded")
        return {**DEFAULT_PENALTIES, **v}

    @property
    def size_choices(self) -> list[int]:
        """Tile size per choice index: 0 = not tiled, then every candidate of either list."""
        return [0] + sorted(set(self.tile_sizes) | set(self.reduction_tile_sizes))


class DataConfig(_Strict):
    """The dataset and its split, disjoint. Empty `train` means every benchmark not in `eval`; empty `eval` means no
    held-out set (nothing is evaluated)."""

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
    prior_gain: float = Field(3.0, ge=0, description="initial gain of the logit bonus on the heuristic prior's "
                              "choice (the observation's `prior` slice), learned from there: at 3 the untrained "
                              "greedy policy is the prior and sampling explores around it; 0 starts from a policy "
                              "that ignores the prior")


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
    prior_episodes: float = Field(0.0, ge=0, le=1, description="share of the first iteration's episodes that the "
                                  "heuristic prior (env/prior.py) plays instead of the policy; 0 turns it off")
    prior_decay_iterations: int = Field(20, ge=1, description="iterations over which that share falls linearly to 0")
    prior_imitation_epochs: int = Field(0, ge=0, description="epochs of behaviour cloning of the heuristic prior on "
                                        "the training benchmarks before the first iteration (agent/imitation.py); "
                                        "0 turns it off")
    prior_anchor_coef: float = Field(0.0, ge=0, description="weight of a behaviour-cloning term in every PPO "
                                     "minibatch: the negative log-likelihood of as many of the prior's decisions "
                                     "on the training benchmarks, so that PPO departs from the prior only "
                                     "where its advantages outweigh it; 0 turns it off")
    prior: Literal["heuristic", "llm"] = Field("heuristic", description="who plays the prior-led episodes: the "
                                               "rules of env/prior.py, or an LLM (agent/llm_prior.py) that falls "
                                               "back to them when it is unreachable or answers nonsense")
    llm_url: str | None = Field(None, description="prior 'llm': an OpenAI-compatible endpoint, e.g. "
                                "http://127.0.0.1:8000/v1 (its key, if any, in $MLIR_RL_LLM_API_KEY)")
    llm_model: str = "default"
    llm_timeout: float = Field(10.0, gt=0, description="seconds per LLM request")

    @model_validator(mode="after")
    def _llm_has_url(self) -> "PPOConfig":
        if self.prior == "llm" and not self.llm_url:
            raise ValueError("prior 'llm' needs llm_url (an OpenAI-compatible endpoint)")
        return self


class ReplayConfig(_Strict):
    """The replay store (env/replay.py) and the updates that learn from it (agent/offline.py): advantage-weighted
    regression over stored episodes, each step weighted by min(exp(advantage / beta), max_weight), the advantage
    being the episode's return against the other stored episodes of its benchmark and the unscheduled program's 0."""

    record: bool = Field(True, description="write every training episode to the store")
    path: str | None = Field(None, description="the store's SQLite file; default replay.sqlite in the results cache")
    self_imitation_epochs: int = Field(0, ge=0, description="after each PPO update, epochs of advantage-weighted "
                                       "regression on the best stored episodes of the training benchmarks (any "
                                       "source); 0 turns it off")
    self_imitation_top_k: int = Field(4, ge=1, description="best stored episodes per training benchmark replayed")
    offline_epochs: int = Field(4, ge=1, description="epochs of bin/train_offline.py over the store")
    beta: float = Field(1.0, gt=0, description="temperature of the advantage weights")
    max_weight: float = Field(20.0, gt=0, description="cap of one step's weight")
    minibatch_size: int = Field(64, ge=1)


class EvaluationConfig(_Strict):
    """How `evaluation/evaluate.py` judges a checkpoint (its `--samples` overrides `samples`)."""

    samples: int = Field(32, ge=1, description="N: measurements of agent-guided, random and greedy search each")


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
    evaluation: EvaluationConfig = Field(default_factory=EvaluationConfig)
    replay: ReplayConfig = Field(default_factory=ReplayConfig)
    tracking: TrackingConfig = Field(default_factory=TrackingConfig)
    cluster: ClusterConfig = Field(default_factory=ClusterConfig, description="where measurements run")

    @model_validator(mode="after")
    def _one_thread_count(self) -> "RunConfig":
        if self.cluster.threads_per_measurement != self.measure.threads:
            raise ValueError(f"cluster.threads_per_measurement ({self.cluster.threads_per_measurement}) must equal "
                             f"measure.threads ({self.measure.threads})")
        return self


class ConfigError(ValueError):
    """A config file that cannot be used. The message names the file: one line for one problem, else a header line
    and one indented line per problem (key and problem)."""


def _drop_comments(node):
    """Keys starting with "_" are comments (config/example.json documents every option with them)."""
    if isinstance(node, dict):
        return {k: _drop_comments(v) for k, v in node.items() if not k.startswith("_")}
    return node


def _describe_error(err: dict) -> str:
    """`key: problem` for one pydantic error, with the value given when it is a plain one."""
    where = ".".join(str(p) for p in err["loc"]) or "(top level)"
    if err["type"] == "extra_forbidden":
        return f"{where}: unknown key"
    problem = err["msg"].removeprefix("Value error, ")
    if isinstance(err.get("input"), (str, int, float, bool)):
        problem += f" (got {err['input']!r})"
    return f"{where}: {problem}"


def _missing_dataset(raw) -> str | None:
    """`data.dataset: ...` when the dataset folder (relative to the working directory) does not exist. A dataset of
    the wrong type is left to the validation."""
    data = raw.get("data", {}) if isinstance(raw, dict) else None
    dataset = data.get("dataset", DataConfig.model_fields["dataset"].default) if isinstance(data, dict) else None
    if not isinstance(dataset, str) or (Path.cwd() / dataset).is_dir():
        return None
    return f"data.dataset: folder {dataset} not found; point it at a dataset folder with a manifest.json " \
           "(e.g. data/test)"


def load_config(path) -> RunConfig:
    """Read and validate a run config (JSON). Raises ConfigError naming the file and every problem found (each
    key with its problem, unknown keys included), not only the first."""
    import json

    from pydantic import ValidationError

    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found; pass --config with a JSON file such as config/quick.json")
    try:
        raw = _drop_comments(json.loads(path.read_text()))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    problems = []
    try:
        # JSON mode, so that strictness follows JSON types: "10" is not 10, "yes" is not true, 1 is a valid 1.0.
        cfg = RunConfig.model_validate_json(json.dumps(raw))
    except ValidationError as exc:
        problems = [_describe_error(err) for err in exc.errors()]
    missing = _missing_dataset(raw)
    if missing:
        problems.append(missing)
    if len(problems) == 1:
        raise ConfigError(f"{path}: {problems[0]}")
    if problems:
        raise ConfigError(f"{path}: {len(problems)} problems\n" + "\n".join(f"  {p}" for p in problems))
    return cfg
