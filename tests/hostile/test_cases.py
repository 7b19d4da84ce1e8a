"""Every hostile input of ``cases.py`` through every command it names.

Each run happens in a guarded child process (see ``harness.py``): no network,
1 GiB of address space, 60 seconds. A run passes when it gives the outcome
the table expects *and* stays calm and safe: no traceback, no network attempt,
no file read outside the document folder, no secret in any output, no active
content in HTML, and no half-written output.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

#: programs ctypes.util.find_library runs while WeasyPrint looks for Pango
_LIBRARY_LOOKUP = re.compile(r"(?:^|/)(?:gcc|cc|ld|ldconfig|objdump)$")


def command_args(command: str, path: str) -> list[str]:
    """The command line for one of: check, html, pdf, simplify."""
    if command == "check":
        return ["check", "--format", "text", path]
    if command == "check-json":
        return ["check", "--format", "json", "-o", "out/report.json", path]
    if command in ("html", "pdf"):
        return ["build", "--to", command, "--force", "-o", "out", path]
    if command == "simplify":
        return ["simplify", path, "-o", "out/osnutek.md"]
    raise AssertionError(command)


def safety_problems(run: Any, root: Path, secret: str, harness: Any) -> list[str]:
    """What must hold for every run, whatever the input."""
    problems = []
    if run.timed_out or run.seconds > harness.TIME_LIMIT:
        problems.append(f"took {run.seconds:.1f} s")
    if "Traceback" in run.output:
        problems.append("printed a traceback")
    if run.returncode < 0 or run.returncode > 3:
        problems.append(f"died with {run.returncode} (signal, memory?)")
    if run.max_rss > harness.MEMORY_LIMIT:
        problems.append(f"used {run.max_rss // 2**20} MB")
    if run.network:
        problems.append(f"tried the network: {sorted(set(run.network))}")
    outside = run.outside_reads()
    if outside:
        problems.append(f"opened files outside the allowed folders: {outside[:5]}")
    secret_dir = str((root / "outside").resolve())
    if any(p.startswith(secret_dir) for p in run.opened):
        problems.append("opened a file in outside/")
    if secret in run.output:
        problems.append("printed the secret")
    for out in (root / "out").rglob("*"):
        if out.is_file():
            data = out.read_bytes()
            if secret.encode() in data:
                problems.append(f"{out.name} contains the secret")
            if out.name.endswith(".tmp"):
                problems.append(f"left a temporary file {out.name}")
    for argv in run.executed:
        problems.append(f"started a program ({argv})")
    return problems


def html_output_problems(root: Path, harness: Any) -> list[str]:
    problems = []
    for page in (root / "out").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        problems += [f"{page.name}: {p}" for p in harness.html_problems(html)]
        remote = harness.remote_references(html)
        if remote:
            problems.append(f"{page.name}: fetches remote content {remote[:3]}")
    return problems


def test_hostile_input(
    hostile: tuple[Any, str],
    case_root: Path,
    run_cli: Any,
    hostile_harness: Any,
    hostile_cases: Any,
) -> None:
    case, command = hostile
    path = case.make(case_root)
    run = run_cli(
        [*command_args(command, path), *case.args], case_root, stdin=case.stdin
    )
    run = _without_library_lookups(run)
    problems = safety_problems(run, case_root, hostile_cases.SECRET, hostile_harness)

    expected = case.outcome_for(command)
    if expected == "works":
        if run.returncode not in (0, 1):
            problems.append(
                f"expected it to work (exit 0/1), got exit {run.returncode}"
            )
        if command == "html":
            if not list((case_root / "out").glob("*.html")):
                problems.append("no HTML written")
            problems += html_output_problems(case_root, hostile_harness)
        if command == "pdf":
            pdfs = list((case_root / "out").glob("*.pdf"))
            if not pdfs:
                problems.append("no PDF written")
            for pdf in pdfs:
                data = pdf.read_bytes()
                if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
                    problems.append(f"{pdf.name} is not a complete PDF")
        if command == "simplify" and not (case_root / "out" / "osnutek.md").exists():
            problems.append("no simplified draft written")
    else:
        name = "<stdin>" if path == "-" else path
        if run.returncode != 2:
            problems.append(f"expected exit 2, got {run.returncode}")
        where = f"{name}:{case.line}" if case.line else name
        if where not in run.output:
            problems.append(f"message does not name {where!r}")
        if case.message and case.message.lower() not in run.output.lower():
            problems.append(f"message does not say {case.message!r}")
        for out in (case_root / "out").glob("*"):
            if out.suffix in (".html", ".pdf", ".md"):
                problems.append(f"wrote {out.name} although the input is bad")
    if case.verify is not None:
        problems += case.verify(case_root, command, run)
    _summary(case.name, command, run)
    assert not problems, "\n".join(problems) + "\n" + run.describe()


def _without_library_lookups(run: Any) -> Any:
    """Drop the gcc/ld/ldconfig runs of ``ctypes.util.find_library`` (WeasyPrint)."""
    import dataclasses

    kept = tuple(a for a in run.executed if not _is_library_lookup(a))
    return dataclasses.replace(run, executed=kept)


def _is_library_lookup(detail: str) -> bool:
    m = re.search(r"\('([^']+)'", detail)
    return bool(m and _LIBRARY_LOOKUP.search(m.group(1)))


def _summary(name: str, command: str, run: Any) -> None:
    """With EASYREAD_HOSTILE_SUMMARY=file, append one JSON line per run (for reports)."""
    target = os.environ.get("EASYREAD_HOSTILE_SUMMARY")
    if not target:
        return
    first = next((ln for ln in run.output.splitlines() if "error" in ln.lower()), "")
    row = {
        "case": name,
        "command": command,
        "exit": run.returncode,
        "seconds": round(run.seconds, 2),
        "rss_mb": run.max_rss // 2**20,
        "message": first[:160],
    }
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
