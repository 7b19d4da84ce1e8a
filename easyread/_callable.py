"""Subpackages that share their name with a public function.

``easyread/__init__.py`` defines the functions ``render`` and ``simplify``.
Importing the subpackage of the same name makes Python set the attribute
``easyread.render`` (or ``easyread.simplify``) to the module, replacing the
function. A module whose class is :class:`CallableModule` can be called like
the function it replaced, so ``easyread.simplify(doc)`` works whichever was
imported first.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any

__all__ = ["CallableModule", "make_callable"]


class CallableModule(types.ModuleType):
    """A module that calls its ``__call_target__`` when called."""

    __call_target__: Callable[..., Any]

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.__call_target__(*args, **kwargs)


def make_callable(module_name: str, target: Callable[..., Any]) -> None:
    """Make the (already imported) module ``module_name`` call ``target``."""
    module = sys.modules[module_name]
    module.__class__ = CallableModule
    module.__call_target__ = target  # type: ignore[attr-defined]
