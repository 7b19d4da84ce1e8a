"""Benchmark ``easyread check``: words per second, and the cost next to textstat.

Run from the repository root::

    .venv/bin/python benchmarks/bench_check.py            # 1,000 documents, -j 2
    .venv/bin/python benchmarks/bench_check.py --docs 200 --json

What it does, in one run:

1. Builds a corpus of ``--docs`` documents (default 1,000, about 300 words
   each, over 300,000 words in all) from the texts in ``tests/corpus/``, in a
   temporary folder. It is deterministic (seeded per document) and varied:
   paragraphs are drawn from several texts of one language, sentences are
   shuffled inside paragraphs and every document gets its own numbers, so no
   two documents are the same text and whole-text caches do not help.
2. Runs ``easyread check -j N --format json`` on the folder as a new process
   and times it from start to exit (start-up included). Target: < 10 s on 2 cores.
3. Checks the same documents in this process, one after another, and splits
   the time into loading, checking and statistics (where the time goes).
4. Computes textstat's usual metrics on the same texts, in this process, with
   CMUdict patched out so it runs offline (stack-notes section 1), and prints
   the ratio of easyread's time to textstat's.
5. Times ``easyread check`` on one small file as a new process (median of 5).
   Target: < 0.5 s wall.
6. Measures the import time of the check path (``python -X importtime``) and
   verifies that WeasyPrint is never imported.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
SMALL_FILE = ROOT / "examples" / "sl-vabilo-ura-branja.md"

TARGET_TOTAL_S = 10.0
TARGET_ONE_FILE_S = 0.5

_FRONT_RE = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_TITLE_RE = re.compile(r"^title:\s*(.+)$", re.MULTILINE)
_SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZČŠŽÄÖÜ])")
_NUM_RE = re.compile(r"\b\d{1,2}\b")
_WORD_RE = re.compile(r"\w+")

_EXTRA = {
    "sl": "To je obvestilo številka {n}.",
    "en": "This is notice number {n}.",
    "de": "Das ist Mitteilung Nummer {n}.",
}


# --------------------------------------------------------------------------- corpus


def _sources() -> dict[str, list[tuple[str, list[str]]]]:
    """Per language: (title, paragraphs) of every corpus text."""
    out: dict[str, list[tuple[str, list[str]]]] = {}
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix not in (".md", ".txt"):
            continue
        lang = path.parent.name
        if lang not in ("sl", "en", "de"):
            continue
        text = path.read_text(encoding="utf-8")
        title_m = _TITLE_RE.search(text[:500])
        body = _FRONT_RE.sub("", text)
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
        title = title_m.group(1).strip() if title_m else paragraphs[0][:60]
        if not title_m and paragraphs and len(paragraphs[0].split()) <= 12:
            paragraphs = paragraphs[1:]  # .txt: the first short line is the title
        paragraphs = [p for p in paragraphs if not p.startswith("#")]
        out.setdefault(lang, []).append((title, paragraphs))
    return out


def _vary_numbers(text: str, rng: random.Random) -> str:
    # Small numbers (days, hours, counts) change; years and phone numbers stay.
    def swap(m: re.Match[str]) -> str:
        value = int(m.group())
        return (
            str(max(1, min(28, value + rng.randint(-2, 2))))
            if value <= 28
            else m.group()
        )

    return _NUM_RE.sub(swap, text)


def _shuffle_sentences(paragraph: str, rng: random.Random) -> str:
    if paragraph.lstrip().startswith(("-", "*", "1.")):
        return paragraph  # keep lists as lists
    sentences = _SENT_RE.split(paragraph)
    if len(sentences) > 2:
        head, rest = sentences[0], sentences[1:]
        rng.shuffle(rest)
        sentences = [head, *rest]
    return " ".join(sentences)


def build_corpus(
    folder: Path, docs: int, min_words: int = 300
) -> tuple[int, list[str], list[str]]:
    """Write ``docs`` Markdown documents into ``folder``; return (words, bodies, languages)."""
    sources = _sources()
    langs = [lang for lang in ("sl", "sl", "en", "de") if lang in sources]
    total = 0
    bodies: list[str] = []
    body_langs: list[str] = []
    for n in range(docs):
        rng = random.Random(n * 7919 + 17)
        lang = langs[n % len(langs)]
        pool = sources[lang]
        title, _ = pool[rng.randrange(len(pool))]
        paragraphs: list[str] = []
        words = 0
        while words < min_words:
            _, paras = pool[rng.randrange(len(pool))]
            if not paras:
                continue
            p = paras[rng.randrange(len(paras))]
            p = _vary_numbers(_shuffle_sentences(p, rng), rng)
            paragraphs.append(p)
            words += len(_WORD_RE.findall(p))
        paragraphs.insert(
            rng.randrange(len(paragraphs) + 1), _EXTRA[lang].format(n=n + 1)
        )
        body = f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n"
        text = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nlang: {lang}\n---\n\n{body}"
        sub = folder / lang / f"{n // 100:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc-{n:04d}.md").write_text(text, encoding="utf-8")
        total += len(_WORD_RE.findall(body))
        bodies.append(body)
        body_langs.append(lang)
    return total, bodies, body_langs


# --------------------------------------------------------------------------- timings


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    seconds, _, proc = _run_cpu(cmd)
    return seconds, proc


def _run_cpu(cmd: list[str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall seconds, CPU seconds (the process and its workers) and the result."""
    env = {**os.environ, "NO_COLOR": "1"}
    cpu0 = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    return time.perf_counter() - start, _children_cpu() - cpu0, proc


def time_cli(folder: Path, jobs: int, out: Path) -> dict[str, Any]:
    """Wall time of the whole corpus as a new process, start-up included."""
    cmd = [
        sys.executable,
        "-m",
        "easyread",
        "check",
        "-j",
        str(jobs),
        "--format",
        "json",
        "-o",
        str(out),
        str(folder),
    ]
    seconds, cpu, proc = _run_cpu(cmd)
    if proc.returncode not in (0, 1):
        raise SystemExit(
            f"easyread check failed ({proc.returncode}):\n{proc.stderr[-2000:]}"
        )
    report = json.loads(out.read_text(encoding="utf-8"))
    words = sum(int(f["stats"].get("words", 0)) for f in report["files"])
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "files": report["summary"]["files"],
        "words": words,
        "findings": report["summary"]["errors"]
        + report["summary"]["warnings"]
        + report["summary"]["suggestions"],
        "words_per_second": words / seconds,
    }


def time_in_process(folder: Path) -> dict[str, Any]:
    """Serial load / check / stats times in this process (no start-up, no pool)."""
    from easyread.loader import load
    from easyread.rules.engine import check_document

    try:
        from easyread.metrics import document_stats
    except ImportError:  # pragma: no cover
        document_stats = None  # type: ignore[assignment]
    files = sorted(folder.rglob("*.md"))
    # Warm up: rules, language packs and word lists load once per process.
    for lang in ("sl", "en", "de"):
        first = next((f for f in files if f.parent.parent.name == lang), None)
        if first is not None:
            check_document(load(first))
    t_load = t_check = t_stats = 0.0
    words = 0
    cpu0 = time.process_time()
    for path in files:
        t0 = time.perf_counter()
        doc = load(path)
        t1 = time.perf_counter()
        check_document(doc)
        t2 = time.perf_counter()
        if document_stats is not None:
            words += int(document_stats(doc)["words"])
        t3 = time.perf_counter()
        t_load, t_check, t_stats = (
            t_load + t1 - t0,
            t_check + t2 - t1,
            t_stats + t3 - t2,
        )
    total = t_load + t_check + t_stats
    return {
        "seconds": total,
        "cpu_seconds": time.process_time() - cpu0,
        "load_seconds": t_load,
        "check_seconds": t_check,
        "stats_seconds": t_stats,
        "words": words,
        "words_per_second": words / total if total else 0.0,
    }


def time_textstat(bodies: list[str], langs: list[str]) -> dict[str, Any] | None:
    """textstat's usual metrics on the same texts, CMUdict patched out (offline)."""
    try:
        import textstat.backend.counts._count_syllables as syll
        from textstat.textstat import textstatistics
    except ImportError:
        return None
    syll.get_cmudict = lambda lang: None  # type: ignore[attr-defined]  # no download, Pyphen only
    metric_names = (
        "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
        "coleman_liau_index", "automated_readability_index", "lix", "rix",
        "lexicon_count", "sentence_count", "syllable_count", "polysyllabcount",
    )  # fmt: skip
    instances: dict[str, Any] = {}
    for lang in set(langs):
        inst = textstatistics()
        inst.set_lang(lang)
        instances[lang] = inst
    # warm up Pyphen dictionaries outside the timing
    for lang, inst in instances.items():
        inst.syllable_count("warm up " + lang)
    with warnings.catch_warnings():
        # "no easy words vocabulary for de, using english": known, not our concern here
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        cpu0 = time.process_time()
        for body, lang in zip(bodies, langs, strict=True):
            inst = instances[lang]
            for name in metric_names:
                fn: Callable[[str], Any] = getattr(inst, name)
                fn(body)
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu0
    return {"seconds": seconds, "cpu_seconds": cpu, "metrics": len(metric_names)}


def time_one_file(path: Path, runs: int = 5) -> dict[str, Any]:
    """Median wall time of ``easyread check FILE`` as a new process."""
    times, cpus = [], []
    for _ in range(runs):
        seconds, cpu, proc = _run_cpu(
            [sys.executable, "-m", "easyread", "check", str(path)]
        )
        if proc.returncode not in (0, 1):
            raise SystemExit(f"easyread check {path} failed:\n{proc.stderr[-2000:]}")
        times.append(seconds)
        cpus.append(cpu)
    return {
        "median_seconds": statistics.median(times),
        "median_cpu_seconds": statistics.median(cpus),
        "runs": runs,
        "all": times,
    }


def import_profile(path: Path) -> dict[str, Any]:
    """``python -X importtime`` of the check path: total, biggest modules, WeasyPrint."""
    code = (
        "import sys\n"
        "from easyread.cli import main\n"
        f"main(['check', '--format', 'json', '-o', {os.devnull!r}, {str(path)!r}])\n"
        "print('WEASYPRINT', 'weasyprint' in sys.modules)\n"
    )
    _, proc = _run([sys.executable, "-X", "importtime", "-c", code])
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append((int(m.group(2)), len(m.group(3)), m.group(4)))
    top = [r for r in rows if r[1] == 1]
    total_us = sum(r[0] for r in top)
    biggest = sorted(rows, key=lambda r: -r[0])
    easyread_mods = [
        (name, us) for us, _, name in biggest if name.startswith("easyread")
    ][:8]
    others = [
        (name, us)
        for us, depth, name in biggest
        if depth == 1 and not name.startswith("easyread")
    ][:8]
    return {
        "total_ms": total_us / 1000,
        "weasyprint_imported": "WEASYPRINT True" in proc.stdout,
        "top_easyread_ms": {n: us / 1000 for n, us in easyread_mods},
        "top_third_party_ms": {n: us / 1000 for n, us in others},
    }


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--docs", type=int, default=1000, help="documents in the corpus (default 1000)"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=2,
        help="processes for the CLI run (default 2)",
    )
    parser.add_argument(
        "--keep", metavar="DIR", help="write the corpus here and keep it"
    )
    parser.add_argument(
        "--skip-serial", action="store_true", help="skip the in-process serial timing"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="easyread-bench-") as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp) / "corpus"
        folder.mkdir(parents=True, exist_ok=True)
        words, bodies, langs = build_corpus(folder, args.docs)
        cli = time_cli(folder, args.jobs, Path(tmp) / "report.json")
        serial = None if args.skip_serial else time_in_process(folder)
        ts = time_textstat(bodies, langs)
        one = time_one_file(
            SMALL_FILE if SMALL_FILE.exists() else next(folder.rglob("*.md"))
        )
        imp = import_profile(
            SMALL_FILE if SMALL_FILE.exists() else next(folder.rglob("*.md"))
        )

    results: dict[str, Any] = {
        "corpus": {"documents": args.docs, "words_generated": words},
        "cli": cli,
        "serial": serial,
        "textstat": ts,
        "one_file": one,
        "imports": imp,
        "cpus": os.cpu_count(),
    }
    if ts:
        results["ratio_cli_to_textstat"] = cli["seconds"] / ts["seconds"]
        results["ratio_cli_cpu_to_textstat_cpu"] = (
            cli["cpu_seconds"] / ts["cpu_seconds"]
        )
        if serial:
            results["ratio_serial_to_textstat"] = serial["seconds"] / ts["seconds"]
            results["ratio_serial_cpu_to_textstat_cpu"] = (
                serial["cpu_seconds"] / ts["cpu_seconds"]
            )
    results["load_average_1min"] = os.getloadavg()[0]
    ok_total = cli["seconds"] < TARGET_TOTAL_S
    ok_one = one["median_seconds"] < TARGET_ONE_FILE_S
    results["targets_met"] = {
        "total_under_10s": ok_total,
        "one_file_under_0_5s": ok_one,
        "no_weasyprint": not imp["weasyprint_imported"],
    }

    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    _print_results(results, args.jobs)
    return 0


def _print_results(r: dict[str, Any], jobs: int) -> None:
    cli, serial, ts, one, imp = (
        r["cli"],
        r["serial"],
        r["textstat"],
        r["one_file"],
        r["imports"],
    )
    ok = r["targets_met"]
    lines = [
        f"corpus: {r['corpus']['documents']} documents, {cli['words']:,} words "
        f"(easyread's count), {cli['findings']:,} findings",
        f"easyread check -j {jobs}, new process, start-up included: {cli['seconds']:.2f} s "
        f"wall = {cli['words_per_second']:,.0f} words/s "
        f"[{'ok' if ok['total_under_10s'] else 'SLOW'}: target < {TARGET_TOTAL_S:.0f} s]",
        f"  CPU time of the run and its workers: {cli['cpu_seconds']:.2f} s "
        f"({cli['words'] / max(cli['cpu_seconds'], 1e-9):,.0f} words per CPU second); "
        f"load average {r['load_average_1min']:.1f} (other processes stretch wall times)",
    ]
    if serial:
        lines.append(
            f"in-process, one after another: {serial['seconds']:.2f} s "
            f"({serial['words_per_second']:,.0f} words/s) = load {serial['load_seconds']:.2f} s"
            f" + check {serial['check_seconds']:.2f} s + stats {serial['stats_seconds']:.2f} s"
        )
    if ts:
        lines.append(
            f"textstat, {ts['metrics']} metrics on the same texts, in-process: "
            f"{ts['seconds']:.2f} s wall, {ts['cpu_seconds']:.2f} s CPU"
        )
        ratio = (
            f"ratio easyread / textstat: CLI {r['ratio_cli_to_textstat']:.1f}x wall, "
        )
        ratio += f"{r['ratio_cli_cpu_to_textstat_cpu']:.1f}x CPU"
        if serial:
            ratio += f"; in-process {r['ratio_serial_cpu_to_textstat_cpu']:.1f}x CPU"
        lines.append(ratio)
    else:
        lines.append("textstat: not installed (pip install easyread[textstat])")
    lines += [
        f"one small file, new process: {one['median_seconds'] * 1000:.0f} ms median of "
        f"{one['runs']} [{'ok' if ok['one_file_under_0_5s'] else 'SLOW'}: target < "
        f"{TARGET_ONE_FILE_S * 1000:.0f} ms]; CPU {one['median_cpu_seconds'] * 1000:.0f} ms",
        f"imports on the check path: {imp['total_ms']:.0f} ms; "
        f"WeasyPrint imported: {imp['weasyprint_imported']}",
        "  biggest easyread modules (cumulative ms): "
        + ", ".join(f"{k} {v:.0f}" for k, v in imp["top_easyread_ms"].items()),
        "  biggest other top-level imports (ms): "
        + ", ".join(f"{k} {v:.0f}" for k, v in imp["top_third_party_ms"].items()),
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    raise SystemExit(main())
