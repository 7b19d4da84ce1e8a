"""``easyread check``: check documents and report what is hard to read.

Exit codes: 0 when nothing reaches ``--fail-on``, 1 when something does, 2 when
an input cannot be read or the options are wrong (the other inputs are still
checked and reported).

The check path never imports WeasyPrint: rendered ``.pdf``/``.html`` files are
handed to ``easyread.render.verify`` only when such a file is named.
"""

from __future__ import annotations

import argparse
import functools
import glob
import importlib
import operator
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DocumentError, EasyreadError, ExitCode
from ..model import Document, Finding, Location, Severity
from ..report import (
    FORMATS,
    EncodedFindings,
    FileError,
    FileResult,
    Report,
    RuleInfo,
)

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from ..config import Settings

__all__ = [
    "CheckOptions",
    "add_parser",
    "check_path",
    "check_with_source",
    "collect_inputs",
    "run",
]

#: Rendered outputs, checked by ``easyread.render.verify`` (not by the rule engine).
RENDERED_SUFFIXES = (".pdf", ".html", ".htm")

# Below this many files a process pool costs more than it saves (start-up of
# the workers is about 0.1 s each with fork, more with spawn).
_POOL_MIN_FILES = 8

EPILOG = """\
examples:
  easyread check vabilo.md                       check one file
  easyread check docs/ "obvestila/**/*.md"       folders and globs
  cat vabilo.md | easyread check --lang sl -     standard input
  easyread check --format sarif -o easyread.sarif docs/
  easyread check --write-baseline .easyread-baseline.json docs/
  easyread check --baseline .easyread-baseline.json docs/
  easyread check --source obvestilo.md osnutek.md   facts kept in the draft?

exit codes: 0 = nothing at the --fail-on level, 1 = something is, 2 = an input
or an option is wrong
"""


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "check",
        help="check texts against easy-read rules",
        description="Check texts against easy-read rules.",
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
        "--profile",
        help="strict (easy read), plain (plain language) or a profile YAML file",
    )
    p.add_argument(
        "--lang",
        help="language of the documents (sl, en, de); overrides the front matter",
    )
    p.add_argument(
        "--fail-on",
        choices=[str(s) for s in Severity],
        help="exit with 1 when a finding is at this level or above (default: error, or the config)",
    )
    p.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULE",
        help="check only these rules (id or prefix; repeat)",
    )
    p.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULE",
        help="skip these rules (id or prefix; repeat)",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="report format (default: text)",
    )
    p.add_argument(
        "--ui-lang",
        help="language of the messages (default: each document's own language)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the report to FILE instead of standard output",
    )
    p.add_argument(
        "--color",
        "--colour",
        choices=("auto", "always", "never"),
        default="auto",
        dest="color",
        help="colour in the text report (default: auto = on a terminal, unless NO_COLOR is set)",
    )
    p.add_argument(
        "--baseline", metavar="FILE", help="hide findings listed in this baseline file"
    )
    p.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record all current findings in FILE and exit 0",
    )
    p.add_argument(
        "--source",
        metavar="ORIGINAL",
        help="also check that the facts of ORIGINAL survive in the (one) draft PATH",
    )
    p.add_argument(
        "--config",
        metavar="FILE",
        help="use this easyread.toml instead of searching for one",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="check N files at once (default: number of CPUs)",
    )
    p.set_defaults(run=run)


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """What the command line asks for; picklable, so it can go to worker processes."""

    lang: str = ""
    profile: str = ""
    ui_lang: str = ""
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config: Path | None = None


# ---------------------------------------------------------------------------
# inputs


@dataclass(frozen=True, slots=True)
class _Input:
    path: Path | None  # None = standard input
    error: FileError | None = None
    label: str = ""

    @property
    def name(self) -> str:
        if self.label:
            return self.label
        return "<stdin>" if self.path is None else str(self.path)


def collect_inputs(items: Sequence[str]) -> list[_Input]:
    """Expand files, folders and globs in order; a bad item becomes an error entry.

    A missing file does not stop the others from being checked.
    """
    from ._common import SOURCE_SUFFIXES, expand_paths

    out: list[_Input] = []
    seen: set[Path] = set()
    for item in items:
        # Globs may name rendered outputs (out/*.pdf); folders never pick them up.
        suffixes: tuple[str, ...] = SOURCE_SUFFIXES
        if glob.has_magic(item) and not Path(item).is_dir():
            suffixes = (*SOURCE_SUFFIXES, *RENDERED_SUFFIXES)
        try:
            paths = expand_paths([item], suffixes)
        except EasyreadError as exc:
            out.append(
                _Input(None, FileError(exc.message, exc.where, exc.hint), label=item)
            )
            continue
        if not paths and Path(item).is_dir():
            # An empty folder in CI is most likely a wrong path: say so.
            wanted = ", ".join(SOURCE_SUFFIXES)
            error = FileError(f"no documents ({wanted}) in this folder", item)
            out.append(_Input(None, error, label=item))
            continue
        for p in paths:
            if p is not None:
                key = p.resolve()
                if key in seen:
                    continue
                seen.add(key)
            out.append(_Input(p))
    return out


# ---------------------------------------------------------------------------
# checking one input


def _error(name: str, exc: EasyreadError) -> FileResult:
    return FileResult(path=name, error=FileError(exc.message, exc.where, exc.hint))


def _load(
    text: str, path: Path | None, lang: str, default_lang: str, encoding: str
) -> Document:
    from ..errors import LanguageNotSupported
    from ..loader import load_text

    try:
        return load_text(text, path=path, lang=lang or None, encoding=encoding)
    except LanguageNotSupported as exc:
        # The config's ``lang`` is a default for documents that do not say;
        # it must never override a language the document does name.
        if lang or not default_lang or "does not say" not in exc.message:
            raise
        return load_text(text, path=path, lang=default_lang, encoding=encoding)


def _verify_rendered(path: Path, profile: str, ui_lang: str) -> tuple[Finding, ...]:
    try:
        verify = importlib.import_module("easyread.render.verify")
    except ImportError:
        raise DocumentError(
            f"checking rendered {path.suffix} files is not available in this installation",
            where=str(path),
            hint="check the source document (.md or .txt) instead",
        ) from None
    findings: tuple[Finding, ...] = tuple(
        verify.verify_output(path, profile or None, lang=ui_lang or None)
    )
    return findings


def _fact_guard(original: Document, draft: Document, where: str) -> tuple[Finding, ...]:
    try:
        guard = importlib.import_module("easyread.simplify.guard")
    except ImportError:
        raise DocumentError(
            "the fact guard (--source) is not available in this installation",
            where=where,
        ) from None
    findings: tuple[Finding, ...] = tuple(guard.fact_guard(original, draft))
    return findings


def check_with_source(
    source: Path, draft: Path, opts: CheckOptions
) -> list[FileResult]:
    """Check ``draft`` and compare its facts with ``source`` (the fact guard).

    Facts the draft lost are located in the source, so they are reported under
    the source's path (a second result); facts the draft invented stay with the
    draft. Never raises for bad input.
    """
    name, source_name = str(draft), str(source)
    try:
        settings = _settings(draft, opts)
        doc = _read(draft, opts, settings)
        result = _doc_result(doc, name, opts, settings)
    except EasyreadError as exc:
        return [_error(name, exc)]
    try:
        src_settings = _settings(source, opts)
        original = _read(
            source, replace(opts, lang=opts.lang or doc.lang), src_settings
        )
        guard = _fact_guard(original, doc, source_name)
    except EasyreadError as exc:
        return [result, _error(source_name, exc)]
    in_source = tuple(f for f in guard if f.path == original.source.name)
    in_draft = tuple(f for f in guard if f.path != original.source.name)
    result = replace(
        result, findings=tuple(sorted((*result.findings, *_with_path(in_draft, name))))
    )
    source_result = FileResult(
        path=source_name,
        lang=original.lang,
        profile=result.profile,
        stats=_stats(original),
        findings=_with_path(in_source, source_name),
    )
    return [result, source_result]


def check_path(path: Path | None, opts: CheckOptions) -> FileResult:
    """Load and check one input (``None`` = standard input); never raises for bad input."""
    name = "<stdin>" if path is None else str(path)
    try:
        return _check(path, name, opts)
    except EasyreadError as exc:
        return _error(name, exc)
    except (RecursionError, MemoryError) as exc:
        return FileResult(
            path=name,
            error=FileError(
                f"the document is too complex to check ({type(exc).__name__})", name
            ),
        )
    except Exception as exc:  # a bug in a rule must not hide the other files' results
        from .._log import logger

        logger.debug("internal error while checking %s", name, exc_info=True)
        return FileResult(
            path=name,
            error=FileError(
                f"internal error while checking: {type(exc).__name__}: {exc}",
                name,
                "this is a bug in easyread; run with -vv to see the details and report it",
            ),
        )


def _settings(path: Path | None, opts: CheckOptions) -> Settings:
    from ..config import Settings, settings_for

    config = opts.config or _config_for(path)
    return settings_for(path, config=config) if config is not None else Settings()


def _read(path: Path | None, opts: CheckOptions, settings: Settings) -> Document:
    from ..sources import read_source

    text, encoding, resolved = read_source(path)
    return _load(text, resolved, opts.lang, settings.lang, encoding)


def _doc_result(
    doc: Document, name: str, opts: CheckOptions, settings: Settings
) -> FileResult:
    from ..rules.engine import check_document

    profile = opts.profile or settings.profile
    # The engine adds the config's select/ignore to these itself.
    findings = check_document(
        doc,
        profile or None,
        select=opts.select,
        ignore=opts.ignore,
        settings=settings,
        ui_lang=opts.ui_lang or settings.ui_lang or None,
    )
    return FileResult(
        path=name,
        lang=doc.lang,
        profile=profile or doc.meta.profile or "strict",
        stats=_stats(doc),
        findings=_with_path(findings, name),
    )


def _check(path: Path | None, name: str, opts: CheckOptions) -> FileResult:
    settings = _settings(path, opts)
    if path is not None and path.suffix.lower() in RENDERED_SUFFIXES:
        profile = opts.profile or settings.profile
        findings = _verify_rendered(path, profile, opts.ui_lang or settings.ui_lang)
        return FileResult(
            path=name, profile=profile or "strict", findings=_with_path(findings, name)
        )
    return _doc_result(_read(path, opts, settings), name, opts, settings)


@functools.lru_cache(maxsize=512)
def _find_config(folder: Path) -> Path | None:
    from ..config import find_config

    return find_config(folder)


def _config_for(path: Path | None) -> Path | None:
    """The config file for ``path``, looked up once per folder (not once per file)."""
    folder = Path.cwd() if path is None else path.parent
    return _find_config(folder.resolve() if not folder.is_absolute() else folder)


def _stats(doc: Document) -> dict[str, Any]:
    try:
        from ..metrics import document_stats
    except ImportError:  # pragma: no cover - metrics ship with the engine
        return {"words": len(doc.words), "sentences": len(doc.sentences)}
    return dict(document_stats(doc))


def _with_path(findings: Sequence[Finding], name: str) -> tuple[Finding, ...]:
    return tuple(f if f.path == name else replace(f, path=name) for f in findings)


# ---------------------------------------------------------------------------
# many inputs


def _pool_context() -> Any:
    import multiprocessing

    # fork shares the already imported rule engine with the workers (fast
    # start-up); where fork does not exist the default start method is used.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


_LANG_RE = re.compile(
    r"""^lang:[ \t]*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)""", re.MULTILINE
)


def _languages(files: Sequence[Path], opts: CheckOptions) -> set[str]:
    """The languages a batch needs, from ``--lang`` or a look at each front matter."""
    from ..lang import SUPPORTED, normalise_code

    if opts.lang:
        codes = {normalise_code(opts.lang)}
    else:
        codes = set()
        for path in files:
            if path.suffix.lower() in RENDERED_SUFFIXES:
                continue
            try:
                with path.open("rb") as fh:
                    head = fh.read(2048).decode("utf-8", "replace")
            except OSError:
                continue
            if head.lstrip("\ufeff").startswith("---"):
                codes.update(normalise_code(c) for c in _LANG_RE.findall(head))
                if codes >= set(SUPPORTED):
                    break  # every language is needed: no need to read the rest
    return {code for code in codes if code in SUPPORTED}


def _warm_up(langs: set[str]) -> None:
    """Check a one-line document per language so every lazy load happens here."""
    from ..loader import load_text
    from ..rules.engine import check_document

    for code in sorted(langs):
        try:
            check_document(load_text("Test.\n", path="warm-up.md", lang=code))
        except EasyreadError:  # a bad config shows up on the real files
            continue


# Results cross from the workers as plain tuples. Pickling a frozen slots
# dataclass goes through dataclasses' __getstate__/__setstate__, which call
# dataclasses.fields() for every object: unpickling ~300,000 findings and
# locations was the parent's biggest cost in a 1,000-file run, next to the
# workers. Tuples of strings and numbers are pickled by C code.
_FINDING_FIELDS = tuple(f.name for f in fields(Finding))
_LOCATION_FIELDS = frozenset({"location", "end"})  # Location values of a Finding
_LOCATION_INDEXES = tuple(
    i for i, name in enumerate(_FINDING_FIELDS) if name in _LOCATION_FIELDS
)
_RESULT_FIELDS = tuple(f.name for f in fields(FileResult))
_finding_values = operator.attrgetter(*_FINDING_FIELDS)


def _pack(result: FileResult, encode: bool = False) -> tuple[Any, ...]:
    """``result`` as tuples (see :func:`_unpack`); locations as (line, column).

    With ``encode`` the findings travel as the JSON report's text and their
    count per severity (:class:`~easyread.report.EncodedFindings`): encoding
    them here, in the worker, takes that work off the parent, which would
    otherwise rebuild and encode every finding after the workers are done.
    """
    if encode:
        from ..report.json import encode_findings

        encoded = encode_findings(result.findings)
        return tuple(
            ()
            if name == "findings"
            else (encoded.text, encoded.counts)
            if name == "encoded"
            else getattr(result, name)
            for name in _RESULT_FIELDS
        )
    findings = []
    for f in result.findings:
        values = list(_finding_values(f))
        for i in _LOCATION_INDEXES:
            values[i] = (values[i].line, values[i].column)
        findings.append(tuple(values))
    return tuple(
        tuple(findings) if name == "findings" else getattr(result, name)
        for name in _RESULT_FIELDS
    )


def _unpack(data: tuple[Any, ...]) -> FileResult:
    """The :class:`FileResult` that :func:`_pack` gave."""
    values = dict(zip(_RESULT_FIELDS, data, strict=True))
    if values["encoded"] is not None:
        values["encoded"] = EncodedFindings(*values["encoded"])
        return FileResult(**values)
    # Findings of one file share many positions: make each Location once.
    locations: dict[tuple[int, int], Location] = {}
    findings = []
    for packed in values["findings"]:
        args = list(packed)
        for i in _LOCATION_INDEXES:
            loc = locations.get(args[i])
            if loc is None:
                loc = locations[args[i]] = Location(*args[i])
            args[i] = loc
        findings.append(Finding(*args))
    values["findings"] = tuple(findings)
    return FileResult(**values)


# The workers' young-generation threshold. Checking a document makes many
# short-lived objects, few of them in cycles: at Python's default (a young
# collection every 700 new objects) the collector took about 6 % of a
# worker's time (0.48 s of 7.6 s for 500 benchmark documents), at 10,000
# 0.03 s. The collector still runs, so cycles are still freed.
_WORKER_GC_THRESHOLD = 10_000


def _init_worker() -> None:
    """Set up a worker process (see :data:`_WORKER_GC_THRESHOLD`)."""
    import gc

    _, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(_WORKER_GC_THRESHOLD, gen1, gen2)


def _check_packed(
    path: Path | None, opts: CheckOptions, encode: bool = False
) -> tuple[Any, ...]:
    """:func:`check_path` in a worker process, packed for the way back."""
    return _pack(check_path(path, opts), encode)


def _check_many(
    inputs: list[_Input], opts: CheckOptions, jobs: int, *, encode: bool = False
) -> Iterator[FileResult]:
    """Yield results in input order; files are spread over ``jobs`` processes.

    With ``encode``, results from the workers carry their findings encoded for
    the JSON report (:class:`~easyread.report.EncodedFindings`) instead of as
    :class:`~easyread.model.Finding` objects.
    """
    files = [i.path for i in inputs if i.error is None and i.path is not None]
    use_pool = jobs > 1 and len(files) >= _POOL_MIN_FILES
    pooled: Iterator[FileResult] = iter(())
    executor: ProcessPoolExecutor | None = None
    if use_pool:
        # Load the rules and the language packs (word lists, lemma
        # dictionaries) once, before forking: the workers inherit them
        # instead of each loading them again.
        _warm_up(_languages(files, opts))
        if encode:
            from ..report import json as _json_report  # noqa: F401 - once, before the fork
        # Imported here: one file never pays for multiprocessing.
        from concurrent.futures import ProcessPoolExecutor

        executor = ProcessPoolExecutor(
            max_workers=min(jobs, len(files)),
            mp_context=_pool_context(),
            initializer=_init_worker,
        )
        # Small chunks, so no worker is left with a long last chunk while the
        # others are done (a file takes ~15 ms; a chunk is one round trip).
        chunk = max(1, min(4, len(files) // (jobs * 4)))
        pooled = map(
            _unpack,
            executor.map(
                _check_packed,
                files,
                [opts] * len(files),
                [encode] * len(files),
                chunksize=chunk,
            ),
        )
    try:
        for item in inputs:
            if item.error is not None:
                yield FileResult(path=item.name, error=item.error)
            elif item.path is None or not use_pool:
                yield check_path(item.path, opts)
            else:
                yield next(pooled)
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def _rule_infos(report_rules: set[str], ui_lang: str) -> dict[str, RuleInfo]:
    """SARIF rule metadata from the rule catalogue, for the rules with findings."""
    try:
        from ..rules import load_rules

        ruleset = load_rules()
    except (ImportError, EasyreadError):
        return {}
    infos: dict[str, RuleInfo] = {}
    for rule_id in sorted(report_rules):
        if rule_id not in ruleset:
            continue  # fact-guard and rendered-output findings have no rule file
        spec = ruleset.get(rule_id)
        infos[rule_id] = RuleInfo(
            id=rule_id,
            description=spec.describe(ui_lang),
            severity=_severity(spec.severity),
            link=spec.link or "",
            message=spec.message_for(ui_lang),
        )
    return infos


def _unknown_rules(patterns: Sequence[str]) -> str:
    """A message for --select/--ignore values that match no rule ("" when all match).

    A typo must not turn into a check that silently checks nothing.
    """
    if not patterns:
        return ""
    import difflib

    from ..rules import load_rules

    ruleset = load_rules()
    for pattern in patterns:
        if not ruleset.known_pattern(pattern):
            close = difflib.get_close_matches(pattern, ruleset.ids, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            return f"no rule matches {pattern!r}{hint} (see `easyread rules`)"
    return ""


def _severity(value: Any) -> Severity:
    if isinstance(value, Severity):
        return value
    try:
        return Severity.parse(str(value))
    except ValueError:
        return Severity.WARNING


def _default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _usage(message: str) -> int:
    print(f"easyread check: error: {message}", file=sys.stderr)
    return ExitCode.USAGE


def run(args: argparse.Namespace) -> int:
    """Run the subcommand."""
    from .. import __version__
    from ..config import settings_for

    if args.source and (len(args.paths) != 1 or args.paths[0] == "-"):
        return _usage(
            "--source needs exactly one draft file: easyread check --source ORIGINAL DRAFT"
        )
    if args.paths.count("-") > 1:
        return _usage("standard input (-) can be read only once")
    if args.jobs < 0:
        return _usage("--jobs must be 0 (all CPUs) or more")
    opts = CheckOptions(
        lang=args.lang or "",
        profile=args.profile or "",
        ui_lang=args.ui_lang or "",
        select=tuple(args.select),
        ignore=tuple(args.ignore),
        config=Path(args.config) if args.config else None,
    )
    first = next((Path(p) for p in args.paths if p != "-" and Path(p).exists()), None)
    project = settings_for(first, config=opts.config)
    fail_on = Severity.parse(args.fail_on) if args.fail_on else project.fail_on

    problem = _unknown_rules((*opts.select, *opts.ignore))
    if problem:
        return _usage(problem)

    inputs = collect_inputs(args.paths)
    jobs = args.jobs or _default_jobs()
    from ._common import Progress

    progress = Progress(
        len(inputs), "easyread check", enabled=None if not args.quiet else False
    )
    results: list[FileResult] = []
    if args.source:
        draft = inputs[0]
        if draft.error is not None or draft.path is None:
            results.append(FileResult(path=draft.name, error=draft.error))
        else:
            results.extend(check_with_source(Path(args.source), draft.path, opts))
    else:
        baseline_path = Path(args.baseline) if args.baseline else project.baseline
        # The JSON report needs no Finding objects in this process: the
        # workers send the findings already encoded (a baseline or
        # --write-baseline needs the findings themselves).
        encode = (
            args.format == "json" and not args.write_baseline and baseline_path is None
        )
        for result in _check_many(inputs, opts, jobs, encode=encode):
            results.append(result)
            progress.step(result.path)
    progress.close()

    if args.write_baseline:
        from ..baseline import write_baseline

        target = Path(args.write_baseline)
        n = write_baseline(target, ((r.path, r.findings) for r in results))
        print(
            f"easyread: wrote {n} finding(s) to the baseline {target}", file=sys.stderr
        )
        failed = [r for r in results if r.error is not None]
        for r in failed:
            print(f"easyread: error: {r.error}", file=sys.stderr)
        return ExitCode.USAGE if failed else ExitCode.OK

    baseline_path = Path(args.baseline) if args.baseline else project.baseline
    if baseline_path is not None:
        from ..baseline import load_baseline

        baseline = load_baseline(baseline_path)
        filtered = []
        for r in results:
            kept, hidden = baseline.filter(r.path, r.findings)
            filtered.append(replace(r, findings=kept, baselined=hidden))
        results = filtered

    report = Report(
        files=tuple(results),
        fail_on=fail_on,
        ui_lang=opts.ui_lang or project.ui_lang,
        tool_version=__version__,
    )
    if args.format == "sarif":
        report = replace(
            report,
            rules=_rule_infos({f.rule for f in report.findings}, report.summary_lang()),
        )
    _write(report, args)
    return report.exit_code


def _write(report: Report, args: argparse.Namespace) -> None:
    from ..report import get_formatter

    formatter = get_formatter(args.format)
    if args.format == "text":
        from ..report.text import use_colour

        stream = sys.stdout if not args.output else None
        colour = stream is not None and use_colour(stream, args.color)
        if args.color == "always":
            colour = True
        output = formatter(
            report, colour=colour, summary=not args.quiet or report.exit_code != 0
        )
    else:
        output = formatter(report)
    if args.output:
        from .._files import write_atomic

        out = Path(args.output)
        try:
            # never over a checked document (`-o docs/vabilo.md` is a typo, not a wish)
            write_atomic(
                out, output, protect=[*(r.path for r in report.files), args.source]
            )
        except OSError as exc:
            raise DocumentError(
                f"cannot write the report: {exc.strerror}", where=str(out)
            ) from None
    else:
        sys.stdout.write(output)
        sys.stdout.flush()
