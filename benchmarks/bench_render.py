"""Rendering speed: easyread against raw WeasyPrint, a cold build, a batch of 100.

::

    .venv/bin/python benchmarks/bench_render.py                 # everything
    .venv/bin/python benchmarks/bench_render.py --repeat 20 --batch 0

Targets (issue 4):

* warm HTML + PDF of the Slovenian invitation within 1.5x of raw WeasyPrint
  rendering the same HTML in the same run;
* a cold ``easyread build`` of one document (a new process) under 1.5 s;
* a batch of 100 documents uses both cores (2 worker processes), and a rerun
  with nothing changed skips every document.

The figures depend on the machine and on what else runs on it; the script
prints the load average so a slow run can be recognised.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "examples" / "sl-vabilo-ura-branja.md"
EASYREAD = [sys.executable, "-m", "easyread"]


def _fmt(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms" if seconds < 10 else f"{seconds:7.2f} s "


def warm(repeat: int) -> tuple[float, float]:
    """Median seconds: easyread HTML+PDF, raw WeasyPrint PDF of the same HTML."""
    import weasyprint

    import easyread
    from easyread.profiles import load_profile
    from easyread.render import render_formats
    from easyread.render.html import render_html
    from easyread.render.view import build_view

    doc = easyread.load(DOC)
    outputs = render_formats(doc, ["html", "pdf"])  # warm-up: imports, fonts, templates
    html = render_html(
        build_view(doc, load_profile(doc.meta.profile or "strict")), embed=False
    )
    base = DOC.parent.as_uri() + "/"
    weasyprint.HTML(string=html, base_url=base).write_pdf(pdf_variant="pdf/ua-1")
    pages = _pages(outputs["pdf"])
    ours: list[float] = []
    raw: list[float] = []
    for _ in range(repeat):  # interleaved, so machine load hits both alike
        t = time.perf_counter()
        weasyprint.HTML(string=html, base_url=base).write_pdf(pdf_variant="pdf/ua-1")
        raw.append(time.perf_counter() - t)
        t = time.perf_counter()
        render_formats(doc, ["html", "pdf"])
        ours.append(time.perf_counter() - t)
    mo, mr = statistics.median(ours), statistics.median(raw)
    print(f"warm, {DOC.name} ({pages} pages, median of {repeat}):")
    print(
        f"  raw WeasyPrint, PDF only        {_fmt(mr)}   (min {_fmt(min(raw)).strip()})"
    )
    print(
        f"  easyread HTML + PDF             {_fmt(mo)}   (min {_fmt(min(ours)).strip()})"
    )
    print(
        f"  ratio                           {mo / mr:7.2f} x   target <= 1.5 x  {'OK' if mo / mr <= 1.5 else 'MISSED'}"
    )
    return mo, mr


def _pages(pdf: bytes) -> int:
    try:
        import io

        import pikepdf
    except ImportError:
        return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    with pikepdf.open(io.BytesIO(pdf)) as p:
        return len(p.pages)


def _snapshot(tmp: Path) -> dict[str, str]:
    """A frozen copy of the package for the subprocesses (through PYTHONPATH).

    In a working tree that other people edit during a long run, edited files
    would rightly look like an upgrade and make the rerun build everything.
    """
    target = tmp / "pkg"
    shutil.copytree(
        ROOT / "easyread",
        target / "easyread",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return {**os.environ, "PYTHONPATH": str(target)}


def _write_raw_html(path: Path) -> None:
    import easyread
    from easyread.profiles import load_profile
    from easyread.render.html import render_html
    from easyread.render.view import build_view

    doc = easyread.load(DOC)
    profile = load_profile(doc.meta.profile or "strict")
    path.write_text(
        render_html(build_view(doc, profile), embed=False), encoding="utf-8"
    )


def cold(runs: int) -> float:
    """Median wall time of ``easyread build`` in a new process (check + HTML + PDF)."""
    times, cpus, raw_times, raw_cpus = [], [], [], []
    weasyprint_cli = Path(sys.executable).with_name("weasyprint")
    with tempfile.TemporaryDirectory() as tmp:
        env = _snapshot(Path(tmp))
        raw_html = Path(tmp) / "raw.html"
        _write_raw_html(raw_html)
        for i in range(runs):
            cpu0, t = _children_cpu(), time.perf_counter()
            done = subprocess.run(
                [*EASYREAD, "-q", "build", str(DOC), "-o", f"{tmp}/run{i}"],
                capture_output=True,
                text=True,
                cwd=tmp,
                env=env,
            )
            times.append(time.perf_counter() - t)
            cpus.append(_children_cpu() - cpu0)
            if done.returncode not in (0, 1):
                print(done.stderr, file=sys.stderr)
                raise SystemExit("easyread build failed")
            if weasyprint_cli.exists():
                cmd = [str(weasyprint_cli), "-q", "--pdf-variant", "pdf/ua-1"]
                cpu0, t = _children_cpu(), time.perf_counter()
                subprocess.run(
                    [*cmd, str(raw_html), f"{tmp}/raw.pdf"], check=True, cwd=tmp
                )
                raw_times.append(time.perf_counter() - t)
                raw_cpus.append(_children_cpu() - cpu0)
    median = statistics.median(times)
    print(f"cold, one document in a new process (median of {runs}):")
    print(
        f"  easyread build (check+HTML+PDF) {_fmt(median)}   CPU {statistics.median(cpus):.2f} s;"
        f" runs {', '.join(f'{x:.2f}' for x in times)} s"
    )
    if raw_times:
        print(
            f"  raw `weasyprint` CLI, same HTML {_fmt(statistics.median(raw_times))}"
            f"   CPU {statistics.median(raw_cpus):.2f} s (PDF only)"
        )
    print(f"  target < 1.5 s                  {'OK' if median < 1.5 else 'MISSED'}")
    return median


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def batch(count: int, jobs: int) -> None:
    """Build ``count`` documents with ``jobs`` workers, then again with nothing changed."""
    text = DOC.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        env = _snapshot(Path(tmp))
        src = Path(tmp) / "src"
        src.mkdir()
        for i in range(count):
            # different documents (the cache is keyed on the source), same length
            (src / f"vabilo-{i:03d}.md").write_text(
                text.replace("Veselimo se vas!", f"Veselimo se vas! Številka {i}."),
                encoding="utf-8",
            )
        out = Path(tmp) / "out"
        cmd = [*EASYREAD, "build", str(src), "-o", str(out), "-j", str(jobs)]
        cpu0, t = _children_cpu(), time.perf_counter()
        done = subprocess.run(
            cmd,
            cwd=tmp,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=None if sys.stderr.isatty() else subprocess.PIPE,
            text=True,
        )
        wall, cpu = time.perf_counter() - t, _children_cpu() - cpu0
        if done.returncode not in (0, 1):
            raise SystemExit(f"batch build failed: {done.stderr}")
        pdfs = len(list(out.glob("*.pdf")))
        cpu1, t = _children_cpu(), time.perf_counter()
        again = subprocess.run(cmd, cwd=tmp, env=env, capture_output=True, text=True)
        wall2, cpu2 = time.perf_counter() - t, _children_cpu() - cpu1
        summary = again.stderr.strip().splitlines()[-1] if again.stderr.strip() else ""
    print(f"batch of {count} documents, -j {jobs} (check + HTML + PDF each):")
    print(
        f"  wall                            {_fmt(wall)}   ({wall / count * 1000:.0f} ms per document, {pdfs} PDFs)"
    )
    print(
        f"  CPU time of the processes       {_fmt(cpu)}   CPU/wall = {cpu / wall:.2f} (2.0 = both cores busy)"
    )
    print(
        f"  rerun, nothing changed          {_fmt(wall2)}   CPU {cpu2:.2f} s; {summary.removeprefix('easyread build: ')}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--repeat", type=int, default=10, help="warm renders (default 10)"
    )
    parser.add_argument(
        "--cold", type=int, default=5, help="cold builds (default 5; 0 skips)"
    )
    parser.add_argument(
        "--batch",
        type=int,
        default=100,
        help="documents in the batch (default 100; 0 skips)",
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=2, help="workers for the batch (default 2)"
    )
    args = parser.parse_args()
    print(
        f"easyread render benchmark; {os.cpu_count()} CPUs; load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print(
        f"python {sys.version.split()[0]}; libharfbuzz-subset: {'yes' if _has_hb_subset() else 'no (slower)'}"
    )
    if args.repeat:
        warm(args.repeat)
    if args.cold:
        cold(args.cold)
    if args.batch:
        batch(args.batch, args.jobs)
    print(f"load average at the end {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


def _has_hb_subset() -> bool:
    import ctypes.util

    return ctypes.util.find_library("harfbuzz-subset") is not None or any(
        Path(p).exists()
        for p in (
            "/usr/lib/x86_64-linux-gnu/libharfbuzz-subset.so.0",
            "/usr/lib/aarch64-linux-gnu/libharfbuzz-subset.so.0",
        )
    )


if __name__ == "__main__":
    shutil.rmtree(ROOT / "benchmarks" / "__pycache__", ignore_errors=True)
    main()
