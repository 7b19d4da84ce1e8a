"""``easyread build``: large-print HTML and accessible PDF, checked on the way.

::

    easyread build vabilo.md -o out/          out/vabilo.html, out/vabilo.pdf, out/vabilo.report.txt
    easyread build examples/ -o out/ --to pdf every document in a folder, two at a time
    easyread build vabilo.md --no-check --paper A5

By default every document is also checked and its report is written next to
the outputs. Outputs are written atomically (a temporary file in the same
folder, then a rename) and never onto a source file. A bad file in a batch is
reported and the others are still built. A rerun skips documents whose
source, settings, templates and easyread version did not change (a small
manifest, ``.easyread-build.json``, in each output folder; ``--force`` builds
everything again).

Exit codes: 0 = built, no finding at the ``fail_on`` level; 1 = built, but the
check found problems at that level; 2 = a document could not be built.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import importlib
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .._log import logger
from ..errors import EasyreadError, ExitCode

__all__ = ["BuildJob", "BuildResult", "add_parser", "build_one", "run"]

MANIFEST_NAME = ".easyread-build.json"
MANIFEST_VERSION = 1
_POOL_MIN_JOBS = 2
# The look-behind starts a match only where a run of path characters starts:
# without it, 50,000 dots took 99 s (every dot began a scan to the run's end).
_IMAGE_REF_RE = re.compile(
    r"(?<![\w./\\-])[\w./\\-]+\.(?:png|jpe?g|gif|svg|webp)\b", re.IGNORECASE
)

EPILOG = """\
examples:
  easyread build vabilo.md -o out/            HTML, PDF and the check report in out/
  easyread build primeri/ -o out/ --to pdf    every document in a folder
  easyread build vabilo.md --paper A5 --no-check
  easyread build vabilo.md --templates predloge/   use the library's house templates

exit codes: 0 = built and no problems, 1 = built but the check found problems,
            2 = a document could not be built
"""


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "build",
        help="make large-print HTML and accessible PDF (and check the text)",
        description="Make large-print HTML pages and accessible PDF files (PDF/UA-1) from easy-read documents.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, folders or globs; - reads standard input",
    )
    p.add_argument(
        "-o",
        "--out",
        metavar="DIR",
        help="output folder (default: next to each document)",
    )
    p.add_argument(
        "--to",
        default="html,pdf",
        metavar="FORMATS",
        help="what to make: html, pdf or html,pdf (default)",
    )
    p.add_argument(
        "--profile",
        help="strict (easy read), plain (plain language) or a profile YAML file",
    )
    p.add_argument(
        "--lang",
        help="language of the documents (sl, en, de); overrides the front matter",
    )
    p.add_argument(
        "--templates",
        action="append",
        metavar="DIR",
        help="folder with house templates that override the built-in ones (repeat for more)",
    )
    p.add_argument(
        "--paper",
        type=str.upper,
        choices=("A4", "A5"),
        help="paper size (default: the profile's, A4)",
    )
    p.add_argument(
        "--no-check",
        action="store_true",
        help="do not check the text and write no report",
    )
    p.add_argument(
        "--report-format",
        choices=("text", "json"),
        default="text",
        help="format of the check report next to the outputs (default: text)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="build everything, even documents that did not change",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="build N documents at once (default: number of CPUs)",
    )
    p.set_defaults(run=run)


# ---------------------------------------------------------------------------
# jobs and results (picklable: they travel to worker processes)


@dataclass(frozen=True, slots=True)
class BuildJob:
    """Everything needed to build one document."""

    source: Path | None  # None = standard input (``text`` holds it)
    name: str
    stem: Path  # output path without suffix
    formats: tuple[str, ...]
    settings: Any  # easyread.config.Settings
    profile: str = ""
    lang: str = ""
    templates: tuple[str, ...] = ()
    paper: str = ""
    check: bool = True
    report_format: str = "text"
    protect: tuple[str, ...] = ()
    text: str | None = None
    key: str = ""


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What building one document gave."""

    name: str
    stem: str = ""
    written: tuple[str, ...] = ()
    report: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    failing: bool = False
    error: str = ""
    seconds: float = 0.0
    skipped: bool = False
    checked: bool = False
    key: str = ""


# ---------------------------------------------------------------------------
# building one document


@functools.cache
def _check_function() -> Any:
    try:
        from ..rules.engine import check_document
    except ImportError as exc:
        logger.warning(
            "the checker is not available (%s); building without a check", exc
        )
        return None
    return check_document


def _load_doc(job: BuildJob) -> Any:
    from ..errors import LanguageNotSupported
    from ..loader import load_text
    from ..sources import read_source

    if job.source is None:
        text, encoding, resolved = job.text or "", "utf-8", None
    else:
        text, encoding, resolved = read_source(job.source)
    try:
        return load_text(text, path=resolved, lang=job.lang or None, encoding=encoding)
    except LanguageNotSupported as exc:
        # The config's ``lang`` is a default for documents that do not say.
        default = job.settings.lang
        if job.lang or not default or "does not say" not in exc.message:
            raise
        return load_text(text, path=resolved, lang=default, encoding=encoding)


def _glossary_entries(settings: Any) -> tuple[Any, ...]:
    from ..glossary import load_glossary_file

    entries: list[Any] = []
    for path in settings.glossary:
        entries.extend(load_glossary_file(Path(path)))
    return tuple(entries)


def _write_report(
    job: BuildJob,
    doc: Any,
    findings: Sequence[Any],
    profile: str,
    outputs: Sequence[tuple[str, Sequence[Any]]] = (),
) -> str:
    """Write the text findings and the rendered-output findings as one report."""
    from ..render import write_atomic
    from ..report import FileResult, Report, get_formatter

    results = [
        FileResult(
            path=job.name,
            lang=doc.lang,
            profile=profile,
            findings=tuple(replace(f, path=job.name) for f in findings),
        )
    ]
    for path, out_findings in outputs:
        results.append(
            FileResult(
                path=path,
                lang=doc.lang,
                profile=profile,
                findings=tuple(replace(f, path=path) for f in out_findings),
            )
        )
    report = Report(
        files=tuple(results),
        fail_on=job.settings.fail_on,
        ui_lang=job.settings.ui_lang,
    )
    formatter = get_formatter(job.report_format)
    text = (
        formatter(report)
        if job.report_format == "json"
        else formatter(report, colour=False)
    )
    suffix = ".report.json" if job.report_format == "json" else ".report.txt"
    target = job.stem.with_name(job.stem.name + suffix)
    write_atomic(target, text.encode("utf-8"), protect=[Path(p) for p in job.protect])
    return str(target)


def _verify_outputs(
    written: Sequence[str], profile: Any, paper: str, lang: str
) -> list[tuple[str, tuple[Any, ...]]]:
    from dataclasses import replace as dc_replace

    from ..render.verify import verify_output

    if paper:
        profile = dc_replace(profile, render={**profile.render, "paper": paper})
    return [(path, verify_output(path, profile, lang=lang)) for path in written]


def build_one(job: BuildJob, pdf_worker: _PdfWorker | None = None) -> BuildResult:
    """Load, check, render and write one document; never raises for bad input.

    :param pdf_worker: a process that makes the PDF meanwhile (single documents).
    """
    start = time.perf_counter()
    try:
        return _build(job, start, pdf_worker)
    except EasyreadError as exc:
        message = str(exc)
        if job.name not in message:
            # a template or profile error: say which document was being built
            message = f"{job.name}: {message}"
        return BuildResult(
            job.name,
            str(job.stem),
            error=message,
            seconds=time.perf_counter() - start,
            key=job.key,
        )
    except OSError as exc:
        where = getattr(exc, "filename", None) or job.name
        message = f"{where}: {exc.strerror or exc}"
        return BuildResult(
            job.name,
            str(job.stem),
            error=message,
            seconds=time.perf_counter() - start,
            key=job.key,
        )
    except (RecursionError, MemoryError) as exc:
        message = (
            f"{job.name}: the document is too complex to build ({type(exc).__name__})"
        )
        return BuildResult(
            job.name,
            str(job.stem),
            error=message,
            seconds=time.perf_counter() - start,
            key=job.key,
        )


def _build(job: BuildJob, start: float, pdf_worker: _PdfWorker | None) -> BuildResult:
    from ..errors import RenderError
    from ..model import Severity
    from ..render import get_renderer, prepare, write_atomic

    doc = _load_doc(job)
    profile = job.profile or job.settings.profile or doc.meta.profile or "strict"
    view, options = prepare(
        doc,
        profile=profile,
        templates=job.templates,
        glossary=_glossary_entries(job.settings),
        paper=job.paper,
    )
    protect = [Path(p) for p in job.protect]
    targets = {
        f: job.stem.with_name(job.stem.name + get_renderer(f).suffix)
        for f in job.formats
    }
    pdf_elsewhere = pdf_worker is not None and "pdf" in job.formats
    if pdf_elsewhere:
        # The PDF is made in the worker while this process checks.
        request = get_renderer("pdf").request(view, doc, options)  # type: ignore[attr-defined]
        pdf_worker.submit(request, targets["pdf"], protect)  # type: ignore[union-attr]
    findings: tuple[Any, ...] = ()
    check_document = _check_function() if job.check else None
    if check_document is not None:
        findings = tuple(
            check_document(
                doc,
                profile,
                settings=job.settings,
                ui_lang=job.settings.ui_lang or None,
            )
        )
    written: list[str] = []
    for fmt, target in targets.items():
        if fmt == "pdf" and pdf_elsewhere:
            path, error = pdf_worker.result()  # type: ignore[union-attr]
            if error:
                raise RenderError(error)
            written.append(path)
            continue
        renderer = get_renderer(fmt)
        render_view = getattr(renderer, "render_view", None)
        data = (
            render_view(view, doc, options)
            if render_view
            else renderer.render(doc, options)
        )
        write_atomic(target, data, protect=protect)
        written.append(str(target))
    counts: dict[str, int] = {}
    failing = False
    report = ""
    checked = check_document is not None
    if checked:
        # Verify what was produced (font sizes, PDF/UA tags, contrast, ...):
        # the text can be perfect and the page still unreadable.
        outputs = _verify_outputs(written, options.profile, job.paper, doc.lang)
        everything = [*findings, *(f for _, out in outputs for f in out)]
        counts = {
            str(s): sum(1 for f in everything if f.severity is s) for s in Severity
        }
        failing = any(f.severity >= job.settings.fail_on for f in everything)
        report = _write_report(job, doc, findings, profile, outputs)
    return BuildResult(
        job.name,
        str(job.stem),
        written=tuple(written),
        report=report,
        counts=counts,
        failing=failing,
        seconds=time.perf_counter() - start,
        checked=checked,
        key=job.key,
    )


# ---------------------------------------------------------------------------
# inputs, outputs and the cache key


@dataclass(frozen=True, slots=True)
class _Input:
    path: Path | None
    rel: Path | None  # path below a folder argument, kept under -o
    error: str = ""
    label: str = ""


def _collect(items: Sequence[str]) -> list[_Input]:
    from ._common import SOURCE_SUFFIXES, expand_paths

    out: list[_Input] = []
    seen: set[Path] = set()
    for item in items:
        if item == "-":
            out.append(_Input(None, None))
            continue
        folder = Path(item) if Path(item).is_dir() else None
        try:
            paths = expand_paths([item])
        except EasyreadError as exc:
            out.append(_Input(None, None, error=str(exc), label=item))
            continue
        found = [
            p
            for p in paths
            if p is not None and (folder is None or p.suffix.lower() in SOURCE_SUFFIXES)
        ]
        if folder is not None and not found:
            out.append(
                _Input(
                    None,
                    None,
                    error=f"{item}: no documents (.md, .txt) in this folder",
                    label=item,
                )
            )
        for p in found:
            key = p.resolve()
            if key in seen:
                continue
            seen.add(key)
            rel = p.relative_to(folder) if folder is not None else None
            out.append(_Input(p, rel))
    return out


def _stem_for(item: _Input, out_dir: Path | None) -> Path:
    if item.path is None:
        return (out_dir or Path.cwd()) / "stdin"
    if out_dir is None:
        return item.path.with_suffix("")
    if item.rel is not None:
        return out_dir / item.rel.with_suffix("")
    return out_dir / item.path.stem


# Parts of the package that cannot change what ``build`` writes.
_NOT_OUTPUT = {"simplify", "verify", "cli", "__pycache__"}
_NOT_OUTPUT_FILES = {"pytest_plugin.py", "baseline.py", "__main__.py"}


@functools.cache
def _package_fingerprint() -> str:
    """Changes whenever a file of easyread that shapes the outputs changes.

    Sizes and modification times of the renderer, rules, language data,
    profiles and loader (not the simplifier or other subcommands), plus the
    version: enough to notice an upgrade or an edited template.
    """
    import easyread

    root = Path(easyread.__file__).parent
    h = hashlib.sha256(easyread.__version__.encode())
    files = [Path(__file__)]
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in _NOT_OUTPUT)
        files.extend(
            Path(dirpath) / n for n in sorted(filenames) if n not in _NOT_OUTPUT_FILES
        )
    for p in files:
        try:
            st = p.stat()
        except OSError:
            continue
        h.update(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _file_fingerprint(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return f"{path}:missing"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


def _folder_fingerprint(folder: Path) -> str:
    parts = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(dirnames)
        for name in sorted(filenames):
            parts.append(_file_fingerprint(Path(dirpath) / name))
    return "|".join(parts)


def _cache_key(job: BuildJob, source_bytes: bytes) -> str:
    """Hash of everything that changes the outputs of ``job``."""
    h = hashlib.sha256()
    h.update(_package_fingerprint().encode())
    h.update(hashlib.sha256(source_bytes).digest())
    settings = job.settings
    h.update(
        json.dumps(
            [
                job.formats,
                job.profile,
                job.lang,
                job.paper,
                job.check,
                job.report_format,
                repr(settings),
                str(job.stem),
            ],
            default=str,
        ).encode()
    )
    for t in job.templates:
        h.update(_folder_fingerprint(Path(t)).encode())
    for g in settings.glossary:
        h.update(_file_fingerprint(Path(g)).encode())
    if settings.config_path is not None:
        h.update(_file_fingerprint(Path(settings.config_path)).encode())
    profile = job.profile or settings.profile
    if profile and Path(profile).suffix.lower() in (".yaml", ".yml"):
        h.update(_file_fingerprint(Path(profile)).encode())
    if job.source is not None:
        # Photos the document names: a changed photo means a new PDF.
        text = source_bytes.decode("utf-8", "replace")
        folder = job.source.parent
        for ref in sorted(set(_IMAGE_REF_RE.findall(text))):
            h.update(_file_fingerprint(folder / ref).encode())
    return h.hexdigest()


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def _write_manifest(folder: Path, entries: dict[str, Any]) -> None:
    from ..render import write_atomic

    data = {
        "version": MANIFEST_VERSION,
        "tool": "easyread build",
        "entries": dict(sorted(entries.items())),
    }
    try:
        write_atomic(
            folder / MANIFEST_NAME,
            (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        )
    except OSError as exc:
        logger.warning("cannot write the build manifest in %s: %s", folder, exc)


def _cached(job: BuildJob, manifest: dict[str, Any]) -> BuildResult | None:
    entry = manifest.get(job.stem.name)
    if not isinstance(entry, dict) or entry.get("key") != job.key:
        return None
    written = tuple(str(x) for x in entry.get("written", ()))
    report = str(entry.get("report", ""))
    if not written or not all(
        Path(w).is_file() for w in (*written, *([report] if report else []))
    ):
        return None
    counts = {str(k): int(v) for k, v in (entry.get("counts") or {}).items()}
    return BuildResult(
        job.name,
        str(job.stem),
        written=written,
        report=report,
        counts=counts,
        failing=bool(entry.get("failing", False)),
        skipped=True,
        checked=bool(report),
        key=job.key,
    )


# ---------------------------------------------------------------------------
# running many


def _default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _pool_context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _warm_up(formats: Sequence[str], check: bool) -> None:
    """Import the heavy parts once before forking, so workers start warm."""
    importlib.import_module("easyread.render")
    from ..render.pictograms import load_pictograms

    load_pictograms()
    if "pdf" in formats:
        # a missing WeasyPrint is reported by the workers, per document
        with contextlib.suppress(ImportError, OSError):
            importlib.import_module("weasyprint")
    if check:
        _check_function()


class _PdfWorker:
    """A second process that imports WeasyPrint while this one loads and checks.

    For a single document on a machine with two or more cores: importing and
    running the PDF engine takes about as long as loading, checking and the
    HTML together, so doing them side by side nearly halves a cold build.
    """

    def __init__(self) -> None:
        ctx = _pool_context()
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_pdf_worker_main, args=(child,), daemon=True)
        self._proc.start()
        child.close()

    def submit(self, request: Any, target: Path, protect: Sequence[Path]) -> None:
        """Hand over the HTML; the worker renders and writes ``target``."""
        self._conn.send((request, str(target), [str(p) for p in protect]))

    def result(self) -> tuple[str, str]:
        """``(written path, "")`` or ``("", error message)``."""
        try:
            path, error = self._conn.recv()
        except (EOFError, OSError):
            return "", "the PDF process stopped unexpectedly"
        return str(path), str(error)

    def close(self) -> None:
        """Stop the worker (at once when it was never given work)."""
        with contextlib.suppress(OSError):
            self._conn.close()
        self._proc.join(timeout=0.5)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(timeout=5)


def _pdf_worker_main(conn: Any) -> None:
    """Body of the PDF worker process."""
    from ..render import write_atomic

    with contextlib.suppress(ImportError, OSError):
        importlib.import_module("weasyprint")  # the slow part, done while waiting
    try:
        request, target, protect = conn.recv()
    except (EOFError, OSError):
        return
    try:
        data = request.render()
        write_atomic(Path(target), data, protect=[Path(p) for p in protect])
        conn.send((target, ""))
    except EasyreadError as exc:
        conn.send(("", str(exc)))
    except Exception as exc:  # report, never a traceback
        conn.send(("", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context())


def _failed(job: BuildJob, exc: BaseException) -> BuildResult:
    message = f"{job.name}: {type(exc).__name__}: {exc}"
    return BuildResult(job.name, str(job.stem), error=message, key=job.key)


def _run_jobs(
    jobs: list[BuildJob],
    workers: int,
    progress: Any,
    pdf_worker: _PdfWorker | None = None,
) -> Iterable[BuildResult]:
    if len(jobs) == 1 and pdf_worker is not None:
        # One document: WeasyPrint works in the second process meanwhile.
        try:
            result = build_one(jobs[0], pdf_worker)
        finally:
            pdf_worker.close()
        progress.step(jobs[0].name)
        yield result
        return
    if pdf_worker is not None:
        pdf_worker.close()
    if workers > 1 and len(jobs) >= _POOL_MIN_JOBS:
        _warm_up(jobs[0].formats, any(j.check for j in jobs))
        with _pool(min(workers, len(jobs))) as pool:
            futures = {pool.submit(build_one, job): job for job in jobs}
            for future in as_completed(futures):
                job = futures[future]
                try:
                    result = future.result()
                except Exception as exc:  # a worker died: report it, go on
                    result = _failed(job, exc)
                progress.step(job.name)
                yield result
        return
    for job in jobs:
        result = build_one(job)
        progress.step(job.name)
        yield result


def _usage(message: str) -> int:
    print(f"easyread build: error: {message}", file=sys.stderr)
    return ExitCode.USAGE


def _describe(result: BuildResult) -> str:
    outs = ", ".join(result.written)
    text = f"{result.name} -> {outs}"
    if result.checked:
        c = result.counts
        text += f" (check: {c.get('error', 0)} errors, {c.get('warning', 0)} warnings, {c.get('suggestion', 0)} suggestions; {result.report})"
    if result.skipped:
        text += " [unchanged]"
    return text


def run(args: argparse.Namespace) -> int:
    """Run the subcommand."""
    started = time.perf_counter()
    formats = tuple(
        dict.fromkeys(f.strip().lower() for f in args.to.split(",") if f.strip())
    )
    if not formats:
        return _usage("--to needs at least one format: html, pdf")
    if args.jobs < 0:
        return _usage("--jobs must be 0 (all CPUs) or more")
    if args.paths.count("-") > 1:
        return _usage("standard input (-) can be read only once")
    out_dir = Path(args.out) if args.out else None

    inputs = _collect(args.paths)
    workers = args.jobs or _default_jobs()
    # One document and two cores: start the PDF engine in a second process
    # first thing, before this one imports the renderer and the checker.
    pdf_worker = (
        _PdfWorker()
        if "pdf" in formats and workers > 1 and len(inputs) == 1 and not inputs[0].error
        else None
    )

    from ..config import Settings, find_config, settings_for
    from ..render import get_renderer
    from ._common import Progress

    try:
        for fmt in formats:
            get_renderer(fmt)  # raises RenderError (exit 2) with the known formats
    except EasyreadError:
        if pdf_worker is not None:
            pdf_worker.close()
        raise
    sources = {str(i.path.resolve()) for i in inputs if i.path is not None}
    failed: list[BuildResult] = [
        BuildResult(i.label or "?", error=i.error) for i in inputs if i.error
    ]
    jobs: list[BuildJob] = []
    stems: dict[Path, str] = {}
    config_cache: dict[Path, Path | None] = {}
    for item in inputs:
        if item.error:
            continue
        name = "<stdin>" if item.path is None else str(item.path)
        try:
            folder = item.path.parent.resolve() if item.path is not None else Path.cwd()
            if folder not in config_cache:
                config_cache[folder] = find_config(folder)
            config = config_cache[folder]
            settings = (
                settings_for(item.path, config=config)
                if config is not None
                else Settings()
            )
        except EasyreadError as exc:
            failed.append(BuildResult(name, error=str(exc)))
            continue
        stem = _stem_for(item, out_dir)
        key = Path(os.path.abspath(stem))
        if key in stems:
            failed.append(
                BuildResult(
                    name,
                    error=f"{name}: its outputs would overwrite those of {stems[key]}; rename one of them",
                )
            )
            continue
        targets = [stem.with_name(stem.name + get_renderer(f).suffix) for f in formats]
        targets += [
            stem.with_name(stem.name + s) for s in (".report.txt", ".report.json")
        ]
        clash = next((t for t in targets if str(t.resolve()) in sources), None)
        if clash is not None:
            failed.append(
                BuildResult(
                    name,
                    error=f"{clash}: refusing to overwrite a source document with an output",
                )
            )
            continue
        stems[key] = name
        text = None
        if item.path is None:
            # Bytes through the same reader as files: size limit, encodings,
            # binary data refused with a message (never a traceback).
            from ..sources import read_source

            try:
                text = read_source(None)[0]
            except EasyreadError as exc:
                failed.append(BuildResult(name, error=str(exc)))
                continue
        templates = tuple(str(t) for t in (args.templates or settings.templates or ()))
        job = BuildJob(
            source=item.path,
            name=name,
            stem=stem,
            formats=formats,
            settings=settings,
            profile=args.profile or "",
            lang=args.lang or "",
            templates=templates,
            paper=args.paper or settings.paper or "",
            check=not args.no_check,
            report_format=args.report_format,
            protect=tuple(sorted(sources)),
            text=text,
        )
        try:
            if text is not None or item.path is None:
                source_bytes = (text or "").encode("utf-8")
            else:
                source_bytes = item.path.read_bytes()
        except OSError as exc:
            failed.append(
                BuildResult(name, error=f"{name}: cannot read the file: {exc.strerror}")
            )
            continue
        jobs.append(replace(job, key=_cache_key(job, source_bytes)))

    manifests: dict[Path, dict[str, Any]] = {}
    results: list[BuildResult] = []
    to_build: list[BuildJob] = []
    for job in jobs:
        folder = job.stem.parent
        manifest = manifests.setdefault(folder, _read_manifest(folder))
        cached = None if args.force or job.source is None else _cached(job, manifest)
        if cached is not None:
            results.append(cached)
        else:
            to_build.append(job)

    progress = Progress(
        len(to_build), "easyread build", enabled=None if not args.quiet else False
    )
    if pdf_worker is not None and not to_build:
        pdf_worker.close()  # unchanged: nothing to make
        pdf_worker = None
    built = list(_run_jobs(to_build, workers, progress, pdf_worker))
    progress.close()
    results.extend(built)

    for result in built:
        if result.error or not result.stem or result.name == "<stdin>":
            continue
        stem = Path(result.stem)
        manifests.setdefault(stem.parent, {})[stem.name] = {
            "source": result.name,
            "key": result.key,
            "written": list(result.written),
            "report": result.report,
            "counts": result.counts,
            "failing": result.failing,
        }
    for folder, entries in manifests.items():
        if any(
            r.stem and Path(r.stem).parent == folder and not r.error and not r.skipped
            for r in built
        ):
            _write_manifest(folder, entries)

    order = {job.name: i for i, job in enumerate(jobs)}
    results.sort(key=lambda r: order.get(r.name, -1))
    errors = [*failed, *(r for r in results if r.error)]
    for result in results:
        if not result.error and not args.quiet:
            print(_describe(result))
    for result in errors:
        print(f"easyread build: error: {result.error}", file=sys.stderr)
    ok = [r for r in results if not r.error]
    skipped = sum(1 for r in ok if r.skipped)
    if not args.quiet:
        print(
            f"easyread build: {len(ok) - skipped} built, {skipped} unchanged, {len(errors)} failed"
            f" in {time.perf_counter() - started:.2f} s",
            file=sys.stderr,
        )
    if errors:
        return ExitCode.USAGE
    if any(r.failing for r in ok):
        return ExitCode.FINDINGS
    return ExitCode.OK
