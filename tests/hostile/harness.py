"""Run the ``easyread`` command in a guarded child process.

The child is ``python -c BOOTSTRAP``; before easyread is imported, the
bootstrap installs an audit hook (:func:`sys.addaudithook`) that

* records every file the process opens (the ``open`` event covers ``open()``,
  ``io.open``, ``os.open`` and ``pathlib``), resolved through symlinks;
* refuses every network operation (``socket.connect``, ``getaddrinfo``,
  ``gethostbyname``, ``urllib.Request``, ...) by raising, and records it;
* records any attempt to start another program.

Records go straight to a log file descriptor opened before the hook, so they
survive a crash, a timeout kill and forked worker processes (``-j``). The
parent also limits the address space to 1 GiB (``RLIMIT_AS``) and the run to
60 seconds, and kills the whole process group on a timeout.

Loaded by ``conftest.py`` (tests use the ``run_cli`` fixture), never imported
as ``tests.…`` (see the importlib import mode in pyproject).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import resource
import signal
import site
import subprocess
import sys
import sysconfig
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import easyread

MEMORY_LIMIT = 1024**3  # bytes of address space per process
TIME_LIMIT = 60.0  # seconds per run

BOOTSTRAP = r"""
import json, os, sys
_log_fd = os.open(sys.argv[1], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
_module = sys.argv[2]
_args = sys.argv[3:]
_NET = frozenset({
    "socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
    "socket.gethostbyname_ex", "socket.gethostbyaddr", "socket.getnameinfo",
    "socket.sendto", "socket.sendmsg", "socket.bind", "urllib.Request",
    "http.client.connect", "ftplib.connect", "smtplib.connect", "poplib.connect",
    "imaplib.open", "nntplib.connect", "telnetlib.Telnet.open", "webbrowser.open",
})
_EXEC = frozenset({"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn",
                   "os.spawn", "os.startfile", "pty.spawn"})
_busy = False

def _write(kind, detail):
    os.write(_log_fd, (json.dumps([kind, os.getpid(), detail]) + "\n").encode())

def _hook(event, args):
    global _busy
    if _busy:
        return
    if event == "open":
        path = args[0]
        if isinstance(path, int) or path is None:
            return
        _busy = True
        try:
            path = os.fsdecode(path)
            _write("open", [os.path.realpath(os.path.abspath(path)), path])
        finally:
            _busy = False
    elif event in _NET:
        _write("net", [event, repr(args)[:300]])
        raise PermissionError("network access blocked by the hostile-input harness: " + event)
    elif event in _EXEC:
        _write("exec", [event, repr(args)[:300]])

def _rss():
    import resource
    _write("rss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)

import atexit
atexit.register(_rss)
sys.addaudithook(_hook)
sys.argv = [_module, *_args]
import runpy
runpy.run_module(_module, run_name="__main__", alter_sys=True)
"""


@dataclass(frozen=True)
class Run:
    """What one guarded run of the command gave."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    timed_out: bool
    #: real paths of every file opened, by any process of the run
    opened: tuple[str, ...]
    #: network operations attempted (each was refused)
    network: tuple[str, ...]
    #: programs the run tried to start
    executed: tuple[str, ...]
    max_rss: int = 0  # bytes: peak resident memory of the main process (at exit)
    allowed_roots: tuple[str, ...] = field(default=(), repr=False)

    @property
    def output(self) -> str:
        """Standard output and standard error together."""
        return self.stdout + self.stderr

    def outside_reads(self, extra_roots: Iterable[Path] = ()) -> list[str]:
        """Opened files outside the allowed roots (should be empty)."""
        roots = (*self.allowed_roots, *(os.path.realpath(r) for r in extra_roots))
        return sorted({p for p in self.opened if not any(_inside(p, r) for r in roots)})

    def describe(self) -> str:
        """A short account for assertion messages."""
        return (
            f"$ easyread {' '.join(self.args)}\nexit {self.returncode} "
            f"in {self.seconds:.1f} s{' (TIMEOUT)' if self.timed_out else ''}\n"
            f"--- stdout\n{self.stdout[-3000:]}\n--- stderr\n{self.stderr[-3000:]}"
        )


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def system_roots() -> tuple[str, ...]:
    """Folders any Python program may read: the interpreter, the venv, shared system data."""
    paths = {
        sys.prefix,
        sys.base_prefix,
        sys.exec_prefix,
        sys.base_exec_prefix,
        *site.getsitepackages(),
        *sysconfig.get_paths().values(),
        str(Path(easyread.__file__).parent),
        # fonts, MIME types, time zones, shared libraries
        "/usr/share",
        "/usr/lib",
        "/usr/local/lib",
        "/usr/local/share",
        "/etc/mime.types",
        "/etc/fonts",
        "/etc/localtime",
        "/dev/null",
        "/dev/urandom",
        "/proc/self",
        "/sys/devices/system/cpu",
        "/sys/fs/cgroup",
    }
    return tuple(sorted({os.path.realpath(p) for p in paths if p}))


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_easyread(
    args: Sequence[str | os.PathLike[str]],
    *,
    cwd: Path,
    log_dir: Path,
    allowed: Iterable[Path] = (),
    stdin: bytes | None = None,
    timeout: float = TIME_LIMIT,
    memory_limit: bool = True,
    env: dict[str, str] | None = None,
    module: str = "easyread",
) -> Run:
    """Run ``easyread *args`` guarded; return what happened (never raises on failure).

    ``module`` runs another module instead (the harness's own tests use it).
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    log = log_dir / f"audit-{time.monotonic_ns()}.jsonl"
    tmp = log_dir / "tmp"
    tmp.mkdir(exist_ok=True)
    child_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST", "COV_", "HYPOTHESIS"))
    }
    child_env.update(
        {
            "TMPDIR": str(tmp),
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONWARNINGS": "ignore",
            "NO_COLOR": "1",
            "LC_ALL": "C.UTF-8",
            "PYTHONUTF8": "1",
        }
    )
    child_env.update(env or {})
    str_args = tuple(str(a) for a in args)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", BOOTSTRAP, str(log), module, *str_args],
        cwd=cwd,
        env=child_env,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_limit if memory_limit else None,
        start_new_session=True,
    )
    timed_out = False
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    seconds = time.perf_counter() - start
    max_rss = 0
    opened: list[str] = []
    network: list[str] = []
    executed: list[str] = []
    pids: set[int] = set()
    if log.exists():
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                kind, pid, detail = json.loads(line)
            except ValueError:
                continue
            pids.add(pid)
            if kind == "open":
                opened.append(detail[0])
            elif kind == "net":
                network.append(detail[0])
            elif kind == "exec":
                executed.append(" ".join(str(d) for d in detail))
            elif kind == "rss":
                max_rss = max(max_rss, int(detail))
    roots = (
        *system_roots(),
        *(f"/proc/{pid}" for pid in pids),
        os.path.realpath(tmp),
        *(os.path.realpath(a) for a in allowed),
    )
    return Run(
        args=str_args,
        returncode=proc.returncode,
        stdout=out.decode("utf-8", "replace"),
        stderr=err.decode("utf-8", "replace"),
        seconds=seconds,
        timed_out=timed_out,
        opened=tuple(opened),
        network=tuple(network),
        executed=tuple(executed),
        max_rss=max_rss,
        allowed_roots=roots,
    )


# ---------------------------------------------------------------------------
# checks on HTML output (parsed, so escaped text such as "&lt;script&gt;" or an
# alt text that *mentions* onerror= is not mistaken for active content)

_ACTIVE_TAGS = frozenset(
    {
        "script",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "base",
        "form",
    }
)
_URL_ATTRS = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "data",
        "poster",
        "background",
        "srcset",
    }
)
_FETCHED_ATTRS = frozenset({"src", "srcset", "poster", "background", "data"})
_SCRIPT_URL_RE = re.compile(
    r"^\s*(?:javascript|vbscript|livescript)\s*:", re.IGNORECASE
)
_DATA_HTML_RE = re.compile(
    r"^\s*data:\s*(?:text/html|application/xhtml|image/svg)", re.IGNORECASE
)
_CSS_REMOTE_RE = re.compile(
    r"(?:url\(\s*[\"']?|@import\s+[\"'])\s*(?:(?:https?|ftp|file):|//)", re.IGNORECASE
)
_REMOTE_URL_RE = re.compile(r"^\s*(?:(?:https?|ftp|file):|//)", re.IGNORECASE)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.active: list[str] = []
        self.remote: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ACTIVE_TAGS:
            self.active.append(f"<{tag}>")
        if tag == "meta" and any(
            k == "http-equiv" and (v or "").lower() == "refresh" for k, v in attrs
        ):
            self.active.append("<meta http-equiv=refresh>")
        if tag == "link":
            self.remote += [
                f"<link {v}>"
                for k, v in attrs
                if k == "href" and v and _REMOTE_URL_RE.match(v)
            ]
        self._in_style = tag == "style"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.active.append(f"<{tag} {name}=...>")
            if name in _URL_ATTRS and _SCRIPT_URL_RE.match(value):
                self.active.append(f"<{tag} {name}={value[:40]!r}>")
            if name in _FETCHED_ATTRS and _DATA_HTML_RE.match(value) and tag != "img":
                self.active.append(f"<{tag} {name}={value[:40]!r}>")
            if name in _FETCHED_ATTRS and _REMOTE_URL_RE.match(value):
                self.remote.append(f"<{tag} {name}={value[:60]!r}>")
            if name == "style" and _CSS_REMOTE_RE.search(value):
                self.remote.append(f"<{tag} style={value[:60]!r}>")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.remote += [m.group() for m in _CSS_REMOTE_RE.finditer(data)]


def _scan(html: str) -> _Scanner:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner


def html_problems(html: str) -> list[str]:
    """Active content in rendered HTML: scripts, frames, handlers, script URLs."""
    return _scan(html).active


def remote_references(html: str) -> list[str]:
    """What a browser would fetch by itself when showing the page (links are fine)."""
    return _scan(html).remote
