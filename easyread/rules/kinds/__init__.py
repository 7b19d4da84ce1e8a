"""Built-in rule kinds, one module each. Importing this package registers them."""

from __future__ import annotations

from . import existence, limit, markup, metric, python, substitution

__all__ = ["existence", "limit", "markup", "metric", "python", "substitution"]
