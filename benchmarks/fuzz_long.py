"""Long fuzz run: the properties of ``tests/fuzz`` with many more cases.

CI does not run this (``tests/fuzz/test_properties.py`` runs the same
properties briefly). Run it before a release or after touching the loader,
the language packs, the rules or the renderer::

    .venv/bin/python benchmarks/fuzz_long.py              # about 20,000 cases
    .venv/bin/python benchmarks/fuzz_long.py --scale 5    # five times as many
    .venv/bin/python benchmarks/fuzz_long.py --only splitter --scale 10

It prints, per property, how many cases ran, how long it took and the
smallest failing input Hypothesis found (if any), then the total. The exit
code is 1 when a property failed.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str, folder: Path) -> ModuleType:
    qualified = f"_easyread_fuzz_{folder.name}_{name}"
    if qualified not in sys.modules:
        spec = importlib.util.spec_from_file_location(qualified, folder / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[qualified] = module
        spec.loader.exec_module(module)
    return sys.modules[qualified]


S = _load("strategies", ROOT / "tests" / "fuzz")
P = _load("properties", ROOT / "tests" / "fuzz")
H = _load("harness", ROOT / "tests" / "hostile")


def _loaded(fn: Callable[[Any], Any]) -> Callable[[str], None]:
    def run(text: str) -> None:
        doc = P.valid_document(text)
        if doc is not None:
            fn(doc)

    return run


# name -> (strategy, property, cases at --scale 1); the cheap properties get more
PROPERTIES: dict[str, tuple[Any, Callable[..., None], int]] = {
    "loader": (st.tuples(S.any_document), P.load_or_refuse, 5000),
    "txt-loader": (st.tuples(st.one_of(S.plain_text, S.documents())), P.txt_keeps_every_character, 2000),
    "splitter": (
        st.tuples(st.one_of(S.plain_text, S.lines()), st.sampled_from(P.LANGS)),
        P.splitter_covers_text,
        5000,
    ),
    "tokens": (
        st.tuples(st.one_of(S.plain_text, S.lines()), st.sampled_from(P.LANGS)),
        P.tokens_are_sane,
        4000,
    ),
    "checker": (st.tuples(S.loadable_document), _loaded(P.check_findings_inside), 2000),
    "simplify": (st.tuples(S.loadable_document), _loaded(P.simplify_never_raises), 1000),
    "html": (
        st.tuples(S.loadable_document),
        _loaded(lambda d: P.render_html_is_safe(d, H.html_problems, H.remote_references)),
        1000,
    ),
}  # fmt: skip


def run_property(
    name: str, strategy: Any, prop: Callable[..., None], cases: int
) -> tuple[int, str]:
    """Run one property for ``cases`` examples; return (cases run, failure or "")."""
    count = 0

    @settings(
        max_examples=cases,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def check(args: tuple[Any, ...]) -> None:
        nonlocal count
        count += 1
        prop(*args)

    try:
        check()
    except Exception:
        return count, traceback.format_exc(limit=6)
    return count, ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale", type=float, default=1.0, help="multiply every case count"
    )
    parser.add_argument(
        "--only", action="append", choices=sorted(PROPERTIES), help="run only these"
    )
    args = parser.parse_args(argv)
    names = args.only or list(PROPERTIES)
    total = 0
    failed = []
    started = time.perf_counter()
    for name in names:
        strategy, prop, cases = PROPERTIES[name]
        n = max(1, int(cases * args.scale))
        t = time.perf_counter()
        ran, failure = run_property(name, strategy, prop, n)
        total += ran
        status = "FAILED" if failure else "ok"
        print(
            f"{name:11} {ran:7d} cases  {time.perf_counter() - t:7.1f} s  {status}",
            flush=True,
        )
        if failure:
            failed.append(name)
            print(failure, flush=True)
    print(
        f"total: {total} cases in {time.perf_counter() - started:.0f} s; "
        f"{len(failed)} propert{'y' if len(failed) == 1 else 'ies'} failed"
        + (f": {', '.join(failed)}" if failed else ""),
        flush=True,
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
