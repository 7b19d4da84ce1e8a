"""The guards of the hostile-input harness catch what they claim to catch.

A guard that never fires proves nothing, so each is shown firing here on a
small module run the same way easyread is run.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path
from typing import Any

import pytest

PROBES = {
    "probe_network": """
        import socket
        try:
            socket.create_connection(("example.com", 80), timeout=2)
        except PermissionError as exc:
            print("blocked:", exc)
        try:
            socket.getaddrinfo("example.com", 443)
        except PermissionError:
            print("lookup blocked")
        import urllib.request
        try:
            urllib.request.urlopen("http://example.com/", timeout=2)
        except Exception as exc:
            print("urlopen:", type(exc).__name__)
    """,
    "probe_read": """
        import os, sys
        with open(sys.argv[1], "rb") as fh:
            fh.read()
        if os.fork() == 0:  # a worker process, as with -j
            open(sys.argv[2], "rb").close()
            os._exit(0)
        os.wait()
    """,
    "probe_memory": """
        blocks = [bytearray(64 * 1024 * 1024) for _ in range(32)]  # 2 GiB
        print("allocated", len(blocks))
    """,
    "probe_sleep": """
        import time
        time.sleep(30)
    """,
    "probe_exec": """
        import subprocess
        subprocess.run(["true"])
    """,
}


@pytest.fixture
def probes(tmp_path: Path) -> Path:
    folder = tmp_path / "probes"
    folder.mkdir()
    for name, code in PROBES.items():
        (folder / f"{name}.py").write_text(textwrap.dedent(code), encoding="utf-8")
    return folder


def _run(
    harness: Any, probes: Path, tmp_path: Path, module: str, *args: str, **kw: Any
) -> Any:
    env = {"PYTHONPATH": str(probes)}
    return harness.run_easyread(
        list(args),
        cwd=tmp_path,
        log_dir=tmp_path / "audit",
        module=module,
        env=env,
        **kw,
    )


def test_network_is_refused_and_recorded(
    hostile_harness: Any, probes: Path, tmp_path: Path
) -> None:
    run = _run(hostile_harness, probes, tmp_path, "probe_network")
    assert "blocked: network access blocked" in run.stdout, run.describe()
    assert "lookup blocked" in run.stdout
    assert "socket.connect" in run.network or "socket.getaddrinfo" in run.network
    assert "urllib.Request" in run.network


def test_reads_outside_are_seen_also_in_forked_workers(
    hostile_harness: Any, probes: Path, tmp_path: Path
) -> None:
    inside = tmp_path / "doc" / "a.md"
    inside.parent.mkdir()
    inside.write_text("x", encoding="utf-8")
    outside = tmp_path / "elsewhere" / "secret.txt"
    outside.parent.mkdir()
    outside.write_text("x", encoding="utf-8")
    link = tmp_path / "doc" / "link.txt"
    link.symlink_to(outside)
    run = _run(
        hostile_harness, probes, tmp_path, "probe_read", str(inside), str(link),
        allowed=[tmp_path / "doc", probes],
    )  # fmt: skip
    assert run.returncode == 0, run.describe()
    # the link is inside doc/, but the file it opens is not
    assert run.outside_reads() == [os.path.realpath(outside)]


def test_memory_limit_stops_a_runaway(
    hostile_harness: Any, probes: Path, tmp_path: Path
) -> None:
    run = _run(hostile_harness, probes, tmp_path, "probe_memory")
    assert run.returncode != 0 and "MemoryError" in run.stderr, run.describe()


def test_time_limit_kills(hostile_harness: Any, probes: Path, tmp_path: Path) -> None:
    run = _run(hostile_harness, probes, tmp_path, "probe_sleep", timeout=2)
    assert run.timed_out and run.seconds < 10


def test_started_programs_are_recorded(
    hostile_harness: Any, probes: Path, tmp_path: Path
) -> None:
    run = _run(hostile_harness, probes, tmp_path, "probe_exec")
    assert any("subprocess.Popen" in e and "true" in e for e in run.executed), (
        run.executed
    )


@pytest.mark.parametrize(
    ("html", "active", "remote"),
    [
        ("<p>&lt;script&gt; url(https://x) onclick=</p>", 0, 0),
        ('<img alt="a&#34; onerror=&#34;x" src="data:image/png;base64,AA">', 0, 0),
        ("<script>x</script>", 1, 0),
        ("<img src=x onerror=alert(1)>", 1, 0),
        ('<a href=" JavaScript:alert(1)">a</a>', 1, 0),
        ("<iframe src=about:blank></iframe>", 1, 0),
        ('<meta http-equiv="refresh" content="0;url=https://x">', 1, 0),
        ('<img src="https://x/t.gif">', 0, 1),
        ("<style>@import 'https://x/y.css'; b{background:url(//e/x)}</style>", 0, 2),
        ('<div style="background:url(http://e/x)">', 0, 1),
        ('<a href="https://ok.example/">fine</a>', 0, 0),
    ],
)
def test_html_scanner(
    hostile_harness: Any, html: str, active: int, remote: int
) -> None:
    assert len(hostile_harness.html_problems(html)) == active
    assert len(hostile_harness.remote_references(html)) == remote
