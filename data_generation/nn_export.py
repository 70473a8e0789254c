"""The torch side of `nn_to_mlir.py`: build a model and export it with torch-mlir. Runs in a spawned child only.

torch-mlir and the xtc `mlir` bindings bundle different LLVMs and crash in one process, so nothing here (or in
what it imports) may import `mlir`; the parent parses the exported text.
"""

from __future__ import annotations

import importlib
import warnings


def build(spec: dict):
    """(module, input shape, description) for a spec: {"model": name, "sizes": {...}} for a bundled model, or
    {"module": "pkg.mod:factory", "input_shape": [...]} for a user's factory returning an nn.Module."""
    from data_generation.nn_models import MODELS

    if spec.get("module"):
        path, _, attr = spec["module"].partition(":")
        factory = getattr(importlib.import_module(path), attr or "model")
        return factory(), tuple(spec["input_shape"])
    factory, options = MODELS[spec["model"]]
    return factory(**{k: v for k, v in spec.get("sizes", {}).items() if k in options and v is not None})


def _fold_batchnorm(module):
    """Fold eval-mode BatchNorm into the preceding convolution where torch.fx can trace the module: inference does
    it anyway, and a running variance that is a random input would make the square root NaN."""
    from torch.fx.experimental.optimization import fuse

    try:
        return fuse(module)
    except Exception:  # untraceable modules are exported as they are
        return module


def export(spec: dict) -> dict:
    """Export one model; return {"text": linalg-on-tensors MLIR, "params": [[name, shape], ...],
    "input_shape": [...]} with the input as the first argument of @main and every parameter and buffer as the next
    ones (in "params" order), or {"error": one line} when the model fails to build or export."""
    import torch
    from torch_mlir import fx

    warnings.filterwarnings("ignore")  # torch.export's deprecation chatter is noise here
    try:
        module, shape = build(spec)
        module = _fold_batchnorm(module.eval())
        state = {**dict(module.named_parameters()), **dict(module.named_buffers())}
        names = list(state)

        class Functional(torch.nn.Module):
            """The model with its weights as forward arguments, so that they become @main arguments, not
            constants embedded in the file."""

            def forward(self, x, *weights):
                return torch.func.functional_call(module, dict(zip(names, weights)), (x,))

        torch.manual_seed(0)
        x = torch.randn(shape)
        weights = [w.detach() for w in state.values()]
        with torch.no_grad():
            imported = fx.export_and_import(Functional(), x, *weights, output_type="linalg-on-tensors",
                                            func_name="main")
        for attr in list(imported.operation.attributes):  # torch-specific module attributes
            del imported.operation.attributes[attr]
        return {"text": str(imported), "input_shape": list(shape),
                "params": [[n, list(w.shape)] for n, w in zip(names, weights)]}
    except Exception as err:  # a model that fails is reported and skipped, and the run goes on
        lines = str(err).strip().splitlines() or [""]
        return {"error": f"{type(err).__name__}: {lines[0][:200]}"}
