"""The package's layers and its light imports, checked on the real import graph (parsed, not imported)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "rl_autoschedular"
# Data flows up this list: a module may import its own layer and the layers below it, never a layer above.
# Layers on the same rank (cluster, env, tracking) do not import each other.
LAYERS = {"config": 0, "cli": 0, "ir": 1, "execution": 2, "cluster": 3, "env": 3, "tracking": 3, "agent": 4,
          "commands": 5, "reward_engine": 0, "staging": 3}


def _layer(module: str) -> str:
    return module.split(".")[1]


def _imports() -> list[tuple[str, str]]:
    """(importing module, imported rl_autoschedular module) for every import statement, lazy ones included."""
    edges = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        module = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        package = module if rel.name == "__init__" else module.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    target = ".".join(base[:len(base) - node.level + 1] + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                targets = [target]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            edges += [(module, t) for t in targets if t.startswith("rl_autoschedular.")]
    return edges


def test_every_module_sits_in_a_known_layer():
    layers = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in PACKAGE.rglob("*.py")} - {"__init__"}
    unknown = layers - set(LAYERS)
    assert not unknown, f"modules outside the layers {sorted(LAYERS)}: {unknown}"


def test_lower_layers_never_import_higher_ones():
    edges = _imports()
    assert len(edges) > 30  # the graph was really read
    upward = [(m, t) for m, t in edges
              if _layer(m) != _layer(t) and LAYERS[_layer(t)] >= LAYERS[_layer(m)]]
    assert not upward, "imports against the data flow:\n" + "\n".join(f"{m} -> {t}" for m, t in upward)


def test_configs_and_models_load_without_the_heavy_stack():
    """A config or a policy can be built (e.g. to validate a file, or on a GPU node) without Dask or MLIR."""
    code = ("import sys, rl_autoschedular.config, rl_autoschedular.agent.models, rl_autoschedular.env.observation\n"
            "print(sorted(m for m in ('mlir', 'dask', 'distributed', 'torch_mlir', 'iree') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/")
    assert out.stdout.strip() == "[]"
