"""Hypothesis strategies for random and mutated easyread documents.

Documents are built from pieces that matter to easyread: Slovenian, English
and German words, abbreviations, ordinals, dates and times, every kind of
punctuation, Markdown syntax at line starts and inline, raw HTML and script
URLs, odd Unicode (zero-width, bidi, combining marks, emoji, soft hyphens,
CR and CRLF), and front matter with good and bad fields. A second strategy
takes the bundled examples and mutates them (insert, delete, duplicate,
replace), which finds the cases hand-written pieces miss.

Shared by ``test_properties.py`` (short runs in CI) and
``benchmarks/fuzz_long.py`` (long runs), loaded by file path.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]

WORDS = (
    "vabilo", "kava", "knjižnica", "Čaj", "šivanje", "žoga", "petek", "sredo",
    "ob", "uri", "ure", "maja", "marca", "decembra", "Ljutomer", "Dom", "Lukavci",
    "pridite", "vabimo", "vas", "in", "ali", "ki", "ko", "če", "ne", "bo", "bomo",
    "Dr.", "dr.", "npr.", "t. i.", "itd.", "d. o. o.", "ok.", "cca.", "tel.",
    "z. B.", "usw.", "e.g.", "i.e.", "Mr.", "St.",
    "Kaffee", "Bücherei", "Uhr", "am", "um", "coffee", "library", "at", "pm", "o'clock",
    "5.", "10.", "15.", "2026", "10.30", "10:00", "9h", "15. 5. 2026", "15.05.2026",
    "2026-05-15", "2024-02-30", "12/05/2026", "1.000", "1,5", "25 €", "02 584 12 34",
    "+386 2 584 12 34", "pet", "petindvajset", "twenty-five", "zwei", "drugi",
    "XIV", "EKG", "ZZZS", "https://www.knjiznica-ljutomer.si/", "info@example.com",
    "www.example.com", "Halte·stelle", "Bürger*innen", "Lehrer/innen", "Lehrer:innen",
)  # fmt: skip
PUNCT = (
    ".", ",", "!", "?", "…", "...", ";", ":", "–", "—", "-", "(", ")", "„", "“", "”",
    '"', "'", "«", "»", "?!", "!!", "*", "**", "_", "`", "#", "[", "]", "<", ">",
    "&", "&amp;", "&#x27;", "\\", "|", "~", "/", "%", "§", "°", "€",
)  # fmt: skip
ODD = (
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066",
    "\u2069", "\ufeff", "\u0301", "\u030c", "\u00ad", "\u00a0", "\u2028", "\u2029",
    "\u0085", "\t", "\x0b", "\x0c", "\r", "\r\n", "😀", "👩\u200d👩\u200d👧", "🇸🇮",
    "👍🏽", "ﬁ", "Ⅻ", "²", "٣", "\U0001d400", "\ud7ff", "\ue000",
)  # fmt: skip
INLINE = (
    "*poudarek*", "**krepko**", "_ležeče_", "`koda`", "[povezava](https://example.com/)",
    "[klik](javascript:alert(1))", "![slika](kava.png)", "![splet](http://example.com/x.png)",
    "![geslo](file:///etc/passwd)", "![ven](../../skrivnost.png)", "<b onclick=x>b</b>",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!-- easyread-disable -->",
    "<!-- easyread-enable core.sentence-length -->", "<https://example.com>",
    "<javascript:alert(1)>", "[ref]", "[ref]: javascript:alert(2)", "\\*", "&nbsp;",
    "<iframe src=//example.com>", "<a href='vbscript:x'>a</a>", "![a\" onerror=\"x](a.png)",
)  # fmt: skip
LINE_START = (
    "", "", "", "# ", "## ", "###### ", "- ", "* ", "+ ", "1. ", "2) ", "> ", "> > ",
    "    ", "  - ", "    1. ", "```\n", "~~~\n", "---\n", "***\n", "<div>\n", "| a | b |\n",
)  # fmt: skip
SEPARATORS = (" ", " ", " ", "", "\n", "\n\n", "  \n", "\t", "\u00a0")

FIELD_VALUES = {
    "title": ("Vabilo na kavo", "", "Kava: ob 10.", "[a, b]", "{a: b}", "!!str 5", "*alias"),
    "lang": ("sl", "sl", "sl", "en", "de", "sl-SI", "de_AT", "xx", "", "5"),
    "template": ("invitation", "activity", "announcement", "plakat", "[]"),
    "date": ("2026-05-15", "2024-02-30", "[2026, 5]", "15. 5. 2026", "", "2026-05-15 10:00"),
    "time": ('"10:00"', "10:30", '"25:99"', "ob 10.", "[]", "630"),
    "end_time": ('"12:00"', '"9.30"', "x"),
    "place": ("Knjižnica Ljutomer", "", "{a: b}"),
    "contact": ("Ana", "{name: Ana, phone: 02 584 12 34, email: a@b.si}", "[1, 2]"),
    "price": ("0", "brezplačno", "5,50 €", "[]"),
    "bring": ("[copate, pijačo]", "copate", "{a: b}"),
    "images": ("{title: kava.png}", "{when: ../x.png}", "[kava.png]", "5"),
    "profile": ("strict", "plain", "mine.yaml", "../x.yaml", "/etc/x.yaml"),
    "unknown_key": ("anything", "[1, 2, 3]"),
}  # fmt: skip

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(PUNCT),
    st.sampled_from(ODD),
    st.sampled_from(INLINE),
    st.text(min_size=1, max_size=12),
)


@st.composite
def lines(draw: st.DrawFn) -> str:
    """One source line: a Markdown line start, then pieces with separators."""
    parts = draw(st.lists(piece, min_size=0, max_size=14))
    seps = draw(
        st.lists(st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts))
    )
    body = "".join(p + s for p, s in zip(parts, seps, strict=True))
    return draw(st.sampled_from(LINE_START)) + body


@st.composite
def front_matter(draw: st.DrawFn, lang: str | None = None) -> str:
    """Front matter: usually valid, sometimes with wrong types or broken syntax."""
    keys = draw(
        st.lists(st.sampled_from(sorted(FIELD_VALUES)), max_size=6, unique=True)
    )
    fields = {k: draw(st.sampled_from(FIELD_VALUES[k])) for k in keys}
    if lang is not None:
        fields["lang"] = lang
    text = "".join(f"{k}: {v}\n" for k, v in fields.items())
    style = draw(
        st.sampled_from(("ok", "ok", "ok", "ok", "open", "dots", "crlf", "bom"))
    )
    if style == "open":
        return "---\n" + text
    if style == "dots":
        return "---\n" + text + "...\n"
    if style == "crlf":
        return ("---\n" + text + "---\n").replace("\n", "\r\n")
    if style == "bom":
        return "\ufeff---\n" + text + "---\n"
    return "---\n" + text + "---\n"


@st.composite
def documents(draw: st.DrawFn, valid_lang: bool = False) -> str:
    """A random document: optional front matter, then random lines."""
    lang = draw(st.sampled_from(("sl", "en", "de"))) if valid_lang else None
    head = draw(front_matter(lang)) if draw(st.booleans()) or valid_lang else ""
    body = draw(st.lists(lines(), max_size=14))
    sep = draw(st.sampled_from(("\n", "\n\n", "\r\n", "\r")))
    return head + sep.join(body)


def _examples() -> tuple[str, ...]:
    paths = sorted((ROOT / "examples").glob("*.md"))
    paths += sorted((ROOT / "tests" / "corpus").rglob("*.md"))[:24]
    return tuple(p.read_text(encoding="utf-8") for p in paths)


EXAMPLES = _examples()


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A bundled example with a few random edits (insert, delete, duplicate, replace)."""
    text = draw(st.sampled_from(EXAMPLES))
    for _ in range(draw(st.integers(1, 6))):
        if not text:
            break
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 80)))
        op = draw(
            st.sampled_from(("insert", "delete", "duplicate", "replace", "swapcase"))
        )
        if op == "insert":
            text = text[:i] + draw(st.one_of(piece, lines())) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "replace":
            text = text[:i] + draw(piece) + text[j:]
        else:
            text = text[:i] + text[i:j].swapcase() + text[j:]
    return text


any_document = st.one_of(documents(), documents(valid_lang=True), mutated())
loadable_document = st.one_of(documents(valid_lang=True), mutated())
plain_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(piece, st.sampled_from(SEPARATORS)), max_size=60).map("".join),
)
