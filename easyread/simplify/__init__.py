"""The simplifier (being built)."""
