"""The agent's networks: state encoders (LSTM or DistilBERT) and the hierarchical policy/value heads."""

from .policy import Policy

__all__ = ["Policy"]
