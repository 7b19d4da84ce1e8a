"""The table of hostile and broken inputs (issue 6) and what each must give.

Every case builds its files in a fresh folder laid out as::

    root/            the working directory of the command
      doc/           the document folder (the only user folder easyread may read)
      outside/       secret.txt, secret.png, secret.md: must never be read
      out/           outputs

and names the commands to run on it. ``works`` means exit 0 or 1 (1 = the
checker found problems, which is fine); ``error`` means exit 2 with a message
that names the file and, where it applies, the line (``doc/x.md:3``). On top of
that, every run of every case must: finish within 60 s under a 1 GiB address
space limit, print no traceback, attempt no network access, open no file
outside the document folder, the output folder and the Python installation,
never show the secret token, and produce HTML without active content.
"""

from __future__ import annotations

import base64
import codecs
import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECRET = "SECRET-TOKEN-7f3a9c"
#: a 1x1 PNG (valid image, so a refused picture is refused for its place, not its bytes)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=="
)
FM = "---\nlang: sl\ntitle: Vabilo na kavo\ntemplate: invitation\n---\n"
BODY = (
    "# Vabilo na kavo\n\n"
    "Vabimo vas na kavo.\n\n"
    "Kava bo v petek, 15. maja 2026, ob 10. uri.\n\n"
    "Pridite v knjižnico.\n"
)
GOOD = FM + BODY

ALL = ("check", "html", "pdf", "simplify")
TEXT_COMMANDS = ("check", "html", "simplify")
RENDER = ("html", "pdf")

Maker = Callable[[Path], str]


@dataclass(frozen=True)
class Case:
    """One hostile input.

    :param make: builds the files in ``root`` and returns the path argument.
    :param outcome: ``works`` or ``error`` (exit 2 with a message).
    :param line: for errors: the line the message must name (``file:line``).
    :param message: a fragment the error message must contain (lower case).
    :param commands: which commands to run (check, html, pdf, simplify).
    :param per_command: outcome overrides for single commands.
    :param args: extra arguments for every command.
    :param verify: extra checks ``verify(root, command, run)``; return problems.
    :param stdin: bytes for standard input (the path argument is then ``-``).
    """

    name: str
    make: Maker
    outcome: str = "works"
    line: int | None = None
    message: str = ""
    commands: tuple[str, ...] = TEXT_COMMANDS
    per_command: dict[str, str] = field(default_factory=dict)
    args: tuple[str, ...] = ()
    verify: Callable[[Path, str, object], list[str]] | None = None
    stdin: bytes | None = None
    #: command -> a known bug in code other engineers own (reported); the run
    #: is expected to fail until it is fixed (strict xfail: the fix makes it XPASS)
    bugs: dict[str, str] = field(default_factory=dict)

    def outcome_for(self, command: str) -> str:
        """``works`` or ``error`` for one command."""
        return self.per_command.get(command, self.outcome)


# ---------------------------------------------------------------------------
# helpers that build inputs


def doc_bytes(data: bytes, name: str = "vabilo.md") -> Maker:
    """A document with exactly these bytes."""

    def make(root: Path) -> str:
        (root / "doc" / name).write_bytes(data)
        return f"doc/{name}"

    return make


def doc_text(text: str, name: str = "vabilo.md") -> Maker:
    """A UTF-8 document."""
    return doc_bytes(text.encode("utf-8"), name)


def with_files(
    main: str, files: dict[str, bytes | str], name: str = "vabilo.md"
) -> Maker:
    """A UTF-8 document plus other files in the document folder."""

    def make(root: Path) -> str:
        for rel, content in files.items():
            target = root / "doc" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            data = content.encode("utf-8") if isinstance(content, str) else content
            target.write_bytes(data)
        (root / "doc" / name).write_text(main, encoding="utf-8")
        return f"doc/{name}"

    return make


def _symlinked_picture(root: Path) -> str:
    os.symlink(root / "outside" / "secret.png", root / "doc" / "slika.png")
    os.symlink(root / "outside", root / "doc" / "mapa")
    text = GOOD + "\n![Skodelica kave](slika.png)\n\n![Kava](mapa/secret.png)\n"
    (root / "doc" / "vabilo.md").write_text(text, encoding="utf-8")
    return "doc/vabilo.md"


def _folder_with_links(root: Path) -> str:
    """A folder of documents with links outside it, a named pipe and a device."""
    (root / "doc" / "vabilo.md").write_text(GOOD, encoding="utf-8")
    os.symlink(root / "outside" / "secret.md", root / "doc" / "povezava.md")
    os.symlink(root / "outside", root / "doc" / "mapa")
    os.mkfifo(root / "doc" / "cev.md")  # a named pipe: opening it would block forever
    os.symlink("/dev/zero", root / "doc" / "nicle.md")
    return "doc"


def _twenty_mb(root: Path) -> str:
    path = root / "doc" / "velik.md"
    line = "Vabimo vas na kavo v knjižnico. " * 3 + "\n\n"
    chunk = (FM + line * 200).encode("utf-8")
    with path.open("wb") as fh:
        while fh.tell() < 20 * 1024 * 1024:
            fh.write(chunk)
    return "doc/velik.md"


def _just_under_the_limit(root: Path) -> str:
    """Real Slovenian text, just under the 1 MB input limit."""
    corpus = sorted((ROOT / "tests" / "corpus" / "pairs" / "sl").glob("*.md"))[:8]
    body = "".join(
        p.read_text(encoding="utf-8").split("---", 2)[-1] + "\n\n" for p in corpus
    )
    head = FM
    copies = (1024 * 1024 - 4096) // len(body.encode("utf-8"))
    (root / "doc" / "velik.md").write_text(head + body * copies, encoding="utf-8")
    return "doc/velik.md"


def _binary(root: Path) -> str:
    rng = random.Random(6)
    (root / "doc" / "slika.md").write_bytes(
        bytes(rng.randrange(256) for _ in range(4096))
    )
    return "doc/slika.md"


def _template_folder(template: str, css: str = "") -> Maker:
    """A house-template folder (``predloge/``) and a document that uses it."""

    def make(root: Path) -> str:
        folder = root / "doc" / "predloge"
        folder.mkdir()
        (folder / "invitation.html.j2").write_text(template, encoding="utf-8")
        if css:
            (folder / "hisa.css").write_text(css, encoding="utf-8")
        (root / "doc" / "vabilo.md").write_text(GOOD, encoding="utf-8")
        return "doc/vabilo.md"

    return make


def _many_images(count: int) -> Maker:
    def make(root: Path) -> str:
        (root / "doc" / "kava.png").write_bytes(PNG)
        pictures = "".join(f"![Kava {i}](kava.png)\n\n" for i in range(count))
        (root / "doc" / "vabilo.md").write_text(
            GOOD + "\n" + pictures, encoding="utf-8"
        )
        return "doc/vabilo.md"

    return make


def _nested_list(depth: int) -> str:
    return "".join("  " * i + f"- točka {i}\n" for i in range(depth))


def _billion_laughs() -> str:
    lines = ['a: &a ["ha","ha","ha","ha","ha","ha","ha","ha","ha"]']
    for i in range(1, 10):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    return "---\nlang: sl\n" + "\n".join(lines) + "\ntitle: Smeh\n---\nBesedilo.\n"


def _no_file_created(name: str) -> Callable[[Path, str, object], list[str]]:
    def verify(root: Path, command: str, run: object) -> list[str]:
        found = [p for p in root.rglob(name)]
        return [f"{p} was created" for p in found]

    return verify


def _message_names(where: str) -> Callable[[Path, str, object], list[str]]:
    def verify(root: Path, command: str, run: object) -> list[str]:
        if getattr(run, "returncode", 2) != 2:
            return []  # only error messages must name the template
        output = getattr(run, "output", "")
        return [] if where in output else [f"message does not name {where!r}"]

    return verify


def _html_contains(*needles: str) -> Callable[[Path, str, object], list[str]]:
    def verify(root: Path, command: str, run: object) -> list[str]:
        if command != "html":
            return []
        html = "".join(
            p.read_text(encoding="utf-8") for p in (root / "out").glob("*.html")
        )
        return [f"HTML lacks {n!r}" for n in needles if n not in html]

    return verify


# ---------------------------------------------------------------------------
# known bugs: a case's ``bugs`` entry names the code, the input and the cost;
# the run is a strict xfail, so the fix makes it fail until the entry goes

# (none open: a fixed one leaves its case in the table as a regression test)

# ---------------------------------------------------------------------------
# the table

_SCRIPTS = (
    FM
    + "# Vabilo\n\n"
    + "<script>alert('x')</script>\n\n"
    + 'Besedilo <b onclick="alert(1)">krepko</b> in <img src=x onerror=alert(1)>.\n\n'
    + '<iframe src="https://example.com/"></iframe>\n\n'
    + "<div onmouseover='steal()'>Premik</div>\n\n"
    + '<a href="javascript:alert(1)">klik</a>\n\n'
    + "<svg onload=alert(1)><script>alert(2)</script></svg>\n\n"
    + "<object data='x.swf'></object><embed src='x.swf'>\n\n"
    + "<style>@import url(https://evil.example/x.css);</style>\n"
)

_LINKS = (
    FM
    + "# Povezave\n\n"
    + "[Klik](javascript:alert(1)) in [drugi](JaVaScRiPt:alert(2)).\n\n"
    + "[Tretji](  javascript:alert(3) ) in [četrti](java&#x09;script:alert(4)).\n\n"
    + "[Peti](vbscript:msgbox(1)) in [šesti](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).\n\n"
    + "<javascript:alert(5)> in [sedmi][ref].\n\n"
    + "[ref]: javascript:alert(6)\n\n"
    + '![Slika" onerror="alert(7)](kava.png "naslov\\" onload=\\"alert(8)")\n\n'
    + "[Varna povezava](https://www.knjiznica-ljutomer.si/) ostane.\n"
)

_IMAGES_OUT = (
    GOOD
    + "\n![Geslo](file:///etc/passwd)\n\n"
    + "![Skrivnost](../outside/secret.png)\n\n"
    + "![Skrivnost 2](../../outside/secret.png)\n\n"
    + "![Absolutno](/etc/hostname)\n\n"
    + "![Splet](http://example.com/slika.png)\n\n"
    + "![Splet varno](https://example.com/slika.png)\n\n"
    + "![Brez sheme](//example.com/slika.png)\n\n"
    + "![Podatki](data:image/png;base64,"
    + base64.b64encode(PNG).decode()
    + ")\n\n"
    + "![HTML v podatkih](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n\n"
    + "![SVG s skripto](data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E%3C/svg%3E)\n"
)

_IMAGES_FRONT_MATTER = (
    "---\nlang: sl\ntitle: Vabilo\ntemplate: invitation\nimages:\n"
    "  title: ../outside/secret.png\n  when: /etc/passwd\n"
    "  where: http://example.com/x.png\n---\n" + BODY
)

_SVG_SCRIPT = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">'
    "<script>alert(2)</script>"
    '<image href="file:///etc/passwd"/><image href="../outside/secret.png"/>'
    '<image href="https://example.com/x.png"/>'
    '<rect width="10" height="10" fill="red"/></svg>'
)

_JINJA_ESCAPE = (
    '{% extends "easyread/invitation.html.j2" %}\n'
    "{% block house_header %}\n"
    "{{ ''.__class__.__mro__[1].__subclasses__() }}\n"
    "{{ view.__class__.__init__.__globals__ }}\n"
    "{% endblock %}\n"
)
_JINJA_INCLUDE = (
    '{% extends "easyread/invitation.html.j2" %}\n'
    '{% block house_header %}{% include "../../outside/secret.txt" %}{% endblock %}\n'
)
_JINJA_LOOP = (
    '{% extends "easyread/invitation.html.j2" %}\n'
    "{% block house_header %}{{ cycler.__init__.__globals__.os.popen('id').read() }}"
    "{% endblock %}\n"
)
_HOUSE_CSS_REMOTE = (
    '{% extends "easyread/invitation.html.j2" %}\n'
    '{% block extra_css %}<style>@import url("https://evil.example/x.css");\n'
    "body { background: url(http://evil.example/bg.png); }\n"
    '@font-face { font-family: X; src: url("file:///etc/passwd"); }\n'
    "</style>{% endblock %}\n"
)
_HOUSE_SCRIPT = (
    '{% extends "easyread/invitation.html.j2" %}\n'
    "{% block house_header %}<script>alert(1)</script>"
    '<p onclick="alert(2)">Hiša</p>{% endblock %}\n'
)

_HOUSE = ("--templates", "doc/predloge")

# fmt: off
CASES: tuple[Case, ...] = (
    # --- empty and front matter --------------------------------------------
    Case("empty-file", doc_bytes(b""), "error", message="language"),
    Case("empty-file-with-lang", doc_bytes(b""), args=("--lang", "sl")),
    Case("only-whitespace", doc_text(" \n\t\n\u00a0\n"), args=("--lang", "sl")),
    Case("only-front-matter", doc_text("---\nlang: sl\ntitle: Vabilo\n---\n"), commands=ALL),
    Case("front-matter-not-closed", doc_text("---\nlang: sl\ntitle: Vabilo\n\nVabimo vas na kavo.\n"),
         "error", line=1, message="never closed"),
    Case("front-matter-aliases-billion-laughs", doc_text(_billion_laughs()), "error", line=4, message="alias"),
    Case("front-matter-python-tag",
         doc_text('---\nlang: sl\ntitle: !!python/object/apply:os.system ["touch pwned"]\n---\nBesedilo.\n'),
         "error", line=3, verify=_no_file_created("pwned")),
    Case("front-matter-python-name-tag", doc_text("---\nlang: sl\ntitle: Vabilo\nx: !!python/name:os.system\n---\nBesedilo.\n"),
         "error", line=4),
    Case("front-matter-list-as-date", doc_text("---\nlang: sl\ntitle: Vabilo\ndate: [2026, 5, 15]\n---\nBesedilo.\n"),
         "error", line=4, message="date"),
    Case("front-matter-impossible-date", doc_text("---\nlang: sl\ntitle: Vabilo\ndate: 2024-02-30\n---\nBesedilo.\n"),
         "error", line=4, message="not a real date"),
    Case("front-matter-bad-time", doc_text('---\nlang: sl\ntitle: Vabilo\ntime: "25:99"\n---\nBesedilo.\n'),
         "error", line=4, message="time"),
    Case("front-matter-mapping-as-title", doc_text("---\nlang: sl\ntitle: {a: b}\n---\nBesedilo.\n"),
         "error", line=3, message="title"),
    Case("front-matter-not-a-mapping", doc_text("---\n- lang\n- sl\n---\nBesedilo.\n"), "error", line=2),
    Case("front-matter-deep-brackets", doc_text("---\nlang: sl\ntitle: " + "[" * 20000 + "\n---\nBesedilo.\n"),
         "error", line=2, message="nested too deeply"),
    Case("front-matter-bad-yaml", doc_text("---\nlang: sl\ntitle: a: b: c\n  - x\n---\nBesedilo.\n"),
         "error", line=3, message="yaml"),
    Case("unknown-template", doc_text("---\nlang: sl\ntitle: Vabilo\ntemplate: plakat\n---\nBesedilo.\n"),
         "error", line=4, message="template"),
    Case("unknown-language", doc_text("---\ntitle: Vabilo\nlang: klingonščina\n---\nBesedilo.\n"),
         "error", line=3, message="language"),
    Case("front-matter-profile-outside", doc_text("---\nlang: sl\ntitle: Vabilo\nprofile: ../outside/secret.yaml\n---\nBesedilo.\n"),
         "error", line=4, message="profile"),
    Case("front-matter-glossary-outside", doc_text("---\nlang: sl\ntitle: Vabilo\nglossary: [/etc/passwd, ../outside/secret.yaml]\n---\nBesedilo.\n"),
         "error", line=4, message="glossary", commands=ALL),
    # --- size and length ---------------------------------------------------
    Case("twenty-megabytes", _twenty_mb, "error", message="too big", commands=ALL),
    Case("stdin-too-big", lambda root: "-", "error", message="too big", stdin=b"Kava. " * 200_000,
         args=("--lang", "sl"), commands=("check",)),
    Case("one-megabyte-document", _just_under_the_limit, commands=("check",)),
    Case("sentence-50000-chars", doc_text(FM + ("beseda " * 7200)[:50_000] + "\n"), commands=ALL),
    # WeasyPrint lays out a run without break opportunities in quadratic time
    # (50,000 letters: 31 s); the renderer adds invisible break points.
    Case("word-50000-chars", doc_text(FM + "a" * 50_000 + "\n"), commands=ALL),
    Case("dots-50000", doc_text(FM + "." * 50_000 + "\n"), commands=ALL),
    # every finding quotes its sentence: 16,666 findings once made an 838 MB report
    Case("dots-50000-json-report", doc_text(FM + "." * 50_000 + "\n"), commands=("check-json",)),
    Case("digits-50000", doc_text(FM + "1" * 50_000 + "\n")),
    Case("spaces-50000", doc_text(FM + "x" + " " * 50_000 + "y\n\n" + "\t" * 50_000 + "\n")),
    Case("ordinal-runs", doc_text(FM + "1. " * 15_000 + "\n"), "error", line=6, message="nested"),
    Case("ordinal-runs-txt", doc_text("1. " * 15_000 + "\n", name="seznam.txt"), args=("--lang", "sl")),
    Case("markdown-link-brackets", doc_text(FM + "[" * 30_000 + "\n\n" + "![" * 15_000 + "\n")),
    Case("markdown-emphasis-and-tags",
         doc_text(FM + "*_" * 20_000 + "\n\n" + "<a " * 10_000 + "\n\n" + "(" * 30_000 + "\n\n" + "&" * 20_000 + "\n")),
    Case("ten-thousand-lines", doc_text(FM + "Vrstica.\n" * 10_000)),
    # --- bytes and encodings -----------------------------------------------
    Case("binary-data", _binary, "error", message="binary"),
    Case("nul-bytes-in-text", doc_bytes((FM + "Vabimo\x00 vas.\n").encode()), "error", message="binary"),
    Case("invalid-utf8", doc_bytes((FM + "Vrstica.\n").encode() + b"\x81\x98 pokvarjeno\n"),
         "error", line=7, message="utf-8"),
    Case("windows-1250", doc_bytes((FM + "Čaj in kava v knjižnici. Šivanje, žoga.\n").encode("cp1250")),
         commands=ALL, verify=_html_contains("Čaj", "Šivanje", "žoga")),
    Case("utf16-bom", doc_bytes((FM + "Čaj in kava.\n").encode("utf-16")), commands=ALL, verify=_html_contains("Čaj")),
    Case("utf16-without-bom", doc_bytes((FM + "Čaj in kava.\n").encode("utf-16-le")), "error", message="binary"),
    Case("utf8-bom", doc_bytes(codecs.BOM_UTF8 + GOOD.encode())),
    Case("crlf-line-ends", doc_bytes(GOOD.replace("\n", "\r\n").encode()), commands=ALL),
    Case("lone-cr-line-ends", doc_bytes(GOOD.replace("\n", "\r").encode()), commands=ALL),
    Case("crlf-error-line", doc_bytes(b"---\r\nlang: sl\r\ntitle: Vabilo\r\ndate: 2024-02-30\r\n---\r\nBesedilo.\r\n"),
         "error", line=4),
    Case("zero-width-and-bidi",
         doc_text(FM + "# Va\u200bbilo\n\nVabimo\u200d vas\u200c na \u202ekavo\u202c.\n\n"
                  "\u2066Pridite\u2069 v \u200eknjižnico\u200f.\ufeff\n\n\u2028\u2029\u0085Konec.\n"),
         commands=ALL),
    Case("emoji-and-combining",
         doc_text(FM + "# Kava ☕ 👩‍👩‍👧‍👦\n\nVabimo vas na kavo 🎉🇸🇮.\n\nC\u030caj in z\u030c"
                  + "\u0301" * 500 + "oga.\n\n" + "👍🏽" * 2000 + "\n"),
         commands=ALL),
    # --- active content ----------------------------------------------------
    Case("raw-html-script-iframe-handlers", doc_text(_SCRIPTS), commands=ALL),
    Case("javascript-links", with_files(_LINKS, {"kava.png": PNG}), commands=ALL),
    # --- pictures and files outside the folder -----------------------------
    Case("images-outside-and-remote", doc_text(_IMAGES_OUT), commands=ALL),
    Case("images-front-matter-outside", doc_text(_IMAGES_FRONT_MATTER), commands=ALL),
    Case("image-symlink-out-of-folder", _symlinked_picture, commands=ALL),
    Case("svg-with-script-and-links", with_files(GOOD + "\n![Slika](slika.svg)\n", {"slika.svg": _SVG_SCRIPT}),
         commands=ALL),
    Case("thousands-of-images", _many_images(3000), commands=ALL),
    Case("folder-with-links-outside", _folder_with_links, commands=("check", "html"),
         verify=_html_contains("Vabimo vas na kavo")),
    # --- house templates ---------------------------------------------------
    Case("template-python-internals", _template_folder(_JINJA_ESCAPE), "error", message="not allowed",
         args=_HOUSE, commands=RENDER, verify=_message_names("doc/predloge/invitation.html.j2:3")),
    Case("template-include-outside", _template_folder(_JINJA_INCLUDE), "error", message="not found",
         args=_HOUSE, commands=RENDER, verify=_message_names("doc/predloge/invitation.html.j2:2")),
    Case("template-os-popen", _template_folder(_JINJA_LOOP), "error", message="not allowed",
         args=_HOUSE, commands=RENDER, verify=_message_names("doc/predloge/invitation.html.j2:2")),
    # a saved page never fetches anything; the PDF's fetcher refuses remote URLs itself
    Case("template-css-import-remote", _template_folder(_HOUSE_CSS_REMOTE), "error", message="load nothing",
         args=_HOUSE, commands=RENDER, per_command={"pdf": "works"},
         verify=_message_names("doc/predloge/invitation.html.j2")),
    Case("template-with-script", _template_folder(_HOUSE_SCRIPT), "error", message="<script>",
         args=_HOUSE, commands=RENDER, verify=_message_names("doc/predloge/invitation.html.j2")),
    # --- structure ---------------------------------------------------------
    Case("deeply-nested-list", doc_text(FM + _nested_list(1000)), "error", line=25, message="nested"),
    Case("nested-list-19-levels", doc_text(FM + _nested_list(19)), commands=ALL),
    Case("deeply-nested-quote", doc_text(FM + "Uvod.\n\n" + "> " * 10_000 + "globoko\n"),
         "error", line=8, message="nested"),
    Case("disable-comments-garbage",
         doc_text(FM + "<!-- easyread-disable ***((( -->\n\nBesedilo.\n\n<!-- easyread-enable -->\n<!-- -->\n<!--\n")),
    Case("stdin-binary", lambda root: "-", "error", message="binary", stdin=bytes(range(256)) * 8),
    Case("stdin-hostile-html", lambda root: "-", stdin=_SCRIPTS.encode(), commands=("check", "html")),
)
# fmt: on
