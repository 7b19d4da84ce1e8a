"""pytest plugin entry point (filled in by the CI-integration work)."""

from __future__ import annotations
