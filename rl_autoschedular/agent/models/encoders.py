"""State encoders: both see every feature of the observation (the current op, its producer, the action history,
the progress) and map it to one vector. They differ in how they mix them.

- `LstmEncoder`: an MLP embeds the producer's and the consumer's op features, an LSTM runs over that sequence
  (producer first), and its last state is joined with an MLP of the history and progress.
- `DistilBertEncoder`: every part becomes a token through its own learned projection into `inputs_embeds` (one
  token per op, one per past decision, one for the progress), a learned [CLS] token leads, and a randomly
  initialised `transformers.DistilBertModel` (built from a `DistilBertConfig`, nothing downloaded) reads them all.
"""

from __future__ import annotations

import torch
from torch import nn

from rl_autoschedular.env.observation import history_width


def _mlp(n_in: int, hidden: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())


class LstmEncoder(nn.Module):
    """MLP over per-op features, LSTM over (producer, consumer), joined with the history."""

    def __init__(self, layout: dict[str, slice], env_cfg, hidden: int, layers: int):
        super().__init__()
        self.layout = layout
        op = layout["op"].stop - layout["op"].start
        rest = (layout["history"].stop - layout["history"].start) + (layout["progress"].stop - layout["progress"].start)
        self.op_mlp = _mlp(op, hidden)
        self.lstm = nn.LSTM(hidden, hidden, num_layers=layers, batch_first=True)
        self.rest_mlp = _mlp(rest, hidden)
        self.out = nn.Sequential(nn.Linear(2 * hidden, hidden), nn.ReLU())
        self.hidden = hidden

    def forward(self, obs: torch.Tensor) -> torch.Tensor:
        lay = self.layout
        seq = torch.stack([obs[:, lay["producer"]], obs[:, lay["op"]]], dim=1)
        _, (h, _) = self.lstm(self.op_mlp(seq))
        rest = torch.cat([obs[:, lay["history"]], obs[:, lay["progress"]]], dim=1)
        return self.out(torch.cat([h[-1], self.rest_mlp(rest)], dim=1))


class DistilBertEncoder(nn.Module):
    """A small DistilBERT over learned projections of every part of the observation."""

    def __init__(self, layout: dict[str, slice], env_cfg, dim: int, layers: int, heads: int, ffn: int):
        super().__init__()
        from transformers import DistilBertConfig, DistilBertModel

        self.layout = layout
        op = layout["op"].stop - layout["op"].start
        self.steps = env_cfg.max_steps_per_op
        self.history_width = history_width(env_cfg)
        self.op_proj = nn.Linear(op, dim)
        self.role = nn.Embedding(2, dim)  # 0 = current op, 1 = producer
        self.history_proj = nn.Linear(self.history_width, dim)
        self.progress_proj = nn.Linear(layout["progress"].stop - layout["progress"].start, dim)
        self.cls = nn.Parameter(torch.zeros(1, 1, dim))
        n_tokens = 1 + 2 + self.steps + 1
        config = DistilBertConfig(vocab_size=1, dim=dim, n_layers=layers, n_heads=heads, hidden_dim=ffn,
                                  max_position_embeddings=n_tokens, dropout=0.0, attention_dropout=0.0)
        self.bert = DistilBertModel(config)
        self.hidden = dim

    def forward(self, obs: torch.Tensor) -> torch.Tensor:
        lay, b = self.layout, obs.shape[0]
        ops = torch.stack([obs[:, lay["op"]], obs[:, lay["producer"]]], dim=1)
        ops = self.op_proj(ops) + self.role.weight.unsqueeze(0)
        hist = self.history_proj(obs[:, lay["history"]].reshape(b, self.steps, self.history_width))
        prog = self.progress_proj(obs[:, lay["progress"]]).unsqueeze(1)
        tokens = torch.cat([self.cls.expand(b, -1, -1), ops, hist, prog], dim=1)
        return self.bert(inputs_embeds=tokens).last_hidden_state[:, 0]
