"""``python``: the escape hatch for the few rules that need code.

``function: easyread.rules.checks:passive_voice`` names a function decorated
with :func:`easyread.rules.checks.check`. The YAML still holds the message,
severity and examples; the function's declared parameters are validated like
any kind's.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..base import Context, Hit, ParamError, Unit, kind
from ..checks import CheckSpec, check_spec
from ..params import validate_params

_FUNCTION_RE = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*$")


def resolve(path: str) -> CheckSpec:
    """Import ``module:name`` and return its check.

    :raises ParamError: when it cannot be imported or is not a check.
    """
    if not _FUNCTION_RE.match(path):
        raise ParamError(
            "function", f"`function` must look like package.module:name, not {path!r}"
        )
    module_name, _, attr = path.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ParamError("function", f"cannot import {module_name!r}: {exc}") from None
    fn = getattr(module, attr, None)
    spec = check_spec(fn)
    if spec is None:
        raise ParamError(
            "function",
            f"{path!r} is not a check (decorate it with easyread.rules.checks.check)",
        )
    return spec


@kind("python")
class Python:
    """Run a registered Python check."""

    name = "python"

    def validate(self, params: Mapping[str, Any]) -> dict[str, Any]:
        if "function" not in params:
            raise ParamError(
                "function", "kind python needs `function: package.module:name`"
            )
        path = str(params["function"])
        spec = resolve(path)
        rest = {k: v for k, v in params.items() if k != "function"}
        return {
            "function": path,
            **validate_params(rest, spec.params, f"python ({path})"),
        }

    def fields(self, params: Mapping[str, Any]) -> frozenset[str]:
        return resolve(str(params["function"])).fields

    def run(self, unit: Unit, ctx: Context) -> Iterable[Hit]:
        spec = ctx.compiled.get("python")
        if spec is None:
            spec = ctx.compiled["python"] = resolve(str(ctx.params["function"]))
        return spec.fn(unit, ctx)
