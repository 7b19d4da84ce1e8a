"""Rule ids, default severities and messages (sl, en, de) of the output checks.

Messages are ``str.format`` templates with named fields, phrased so that no
word has to agree with a number (Slovenian has singular, dual and plural).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ...model import Severity

__all__ = ["LANGS", "RULES", "OutputRule", "fmt_number", "quote", "suggestion", "text"]

LANGS = ("sl", "en", "de")

_E = Severity.ERROR
_W = Severity.WARNING


@dataclass(frozen=True, slots=True)
class OutputRule:
    """One rendered-output check: id, default severity, what it checks (sl/en/de)."""

    id: str
    severity: Severity
    title: Mapping[str, str]
    link: str = ""


def _rule(
    rule_id: str, sev: Severity, sl: str, en: str, de: str, link: str = ""
) -> OutputRule:
    return OutputRule(rule_id, sev, {"sl": sl, "en": en, "de": de}, link)


_WCAG = "https://www.w3.org/WAI/WCAG22/Understanding/"
_PDFUA = "https://pdfa.org/resource/the-matterhorn-protocol/"

RULES: dict[str, OutputRule] = {
    r.id: r
    for r in (
        _rule(
            "pdf.struct-tree",
            _E,
            "PDF ima strukturo oznak",
            "The PDF is tagged (structure tree)",
            "Das PDF ist getaggt (Strukturbaum)",
            _PDFUA,
        ),
        _rule(
            "pdf.lang",
            _E,
            "PDF ima nastavljen jezik",
            "The PDF sets its language",
            "Das PDF nennt seine Sprache",
            _PDFUA,
        ),
        _rule(
            "pdf.mark-info",
            _E,
            "PDF je označen kot označen (MarkInfo)",
            "The PDF is marked as tagged (MarkInfo)",
            "Das PDF ist als getaggt markiert (MarkInfo)",
            _PDFUA,
        ),
        _rule(
            "pdf.display-doc-title",
            _E,
            "Pregledovalnik pokaže naslov dokumenta",
            "Viewers show the document title",
            "Anzeigeprogramme zeigen den Dokumenttitel",
            _PDFUA,
        ),
        _rule(
            "pdf.title",
            _E,
            "PDF ima naslov v metapodatkih",
            "The PDF has a title in its metadata",
            "Das PDF hat einen Titel in den Metadaten",
            _PDFUA,
        ),
        _rule(
            "pdf.ua-id",
            _E,
            "PDF se označi kot PDF/UA-1",
            "The PDF identifies itself as PDF/UA-1",
            "Das PDF weist sich als PDF/UA-1 aus",
            _PDFUA,
        ),
        _rule(
            "pdf.figure-alt",
            _E,
            "Vsaka slika v PDF ima nadomestno besedilo",
            "Every figure in the PDF has alternative text",
            "Jedes Bild im PDF hat einen Alternativtext",
            _PDFUA,
        ),
        _rule(
            "pdf.fonts-embedded",
            _E,
            "Vse pisave so vdelane",
            "All fonts are embedded",
            "Alle Schriften sind eingebettet",
            _PDFUA,
        ),
        _rule(
            "pdf.font-size",
            _E,
            "Nobeno besedilo ni manjše od najmanjše velikosti",
            "No text is smaller than the minimum size",
            "Kein Text ist kleiner als die Mindestgröße",
        ),
        _rule(
            "pdf.page-size",
            _E,
            "Stran ni manjša od A5 in je take velikosti, kot jo zahteva profil",
            "The page is at least A5 and the profile's paper size",
            "Die Seite ist mindestens A5 und hat das Papierformat des Profils",
        ),
        _rule(
            "pdf.margins",
            _E,
            "Robovi strani so dovolj široki",
            "The page margins are wide enough",
            "Die Seitenränder sind breit genug",
        ),
        _rule(
            "pdf.heading-levels",
            _E,
            "Naslovi ne preskočijo ravni",
            "Headings do not skip levels",
            "Überschriften überspringen keine Ebene",
            _PDFUA,
        ),
        _rule(
            "pdf.contrast",
            _E,
            "Besedilo ima dovolj kontrasta",
            "Text has enough contrast",
            "Text hat genug Kontrast",
            _WCAG + "contrast-enhanced",
        ),
        _rule(
            "pdf.hyphens",
            _W,
            "Besede niso deljene na koncu vrstice",
            "Words are not split at line ends",
            "Wörter werden am Zeilenende nicht getrennt",
        ),
        _rule(
            "html.lang",
            _E,
            "Stran ima jezik (lang)",
            "The page sets its language (lang)",
            "Die Seite nennt ihre Sprache (lang)",
            _WCAG + "language-of-page",
        ),
        _rule(
            "html.title",
            _E,
            "Stran ima smiseln naslov (title)",
            "The page has a meaningful title",
            "Die Seite hat einen sinnvollen Titel",
            _WCAG + "page-titled",
        ),
        _rule(
            "html.main",
            _E,
            "Stran ima natanko en element main",
            "The page has exactly one main element",
            "Die Seite hat genau ein main-Element",
            _WCAG + "info-and-relationships",
        ),
        _rule(
            "html.heading-levels",
            _E,
            "Naslovi ne preskočijo ravni",
            "Headings do not skip levels",
            "Überschriften überspringen keine Ebene",
            _WCAG + "info-and-relationships",
        ),
        _rule(
            "html.img-alt",
            _E,
            "Vsaka slika ima nadomestno besedilo (alt)",
            "Every image has alternative text (alt)",
            "Jedes Bild hat einen Alternativtext (alt)",
            _WCAG + "non-text-content",
        ),
        _rule(
            "html.script",
            _E,
            "Stran nima skript",
            "The page has no scripts",
            "Die Seite hat keine Skripte",
        ),
        _rule(
            "html.justify",
            _E,
            "Besedilo ni poravnano obojestransko",
            "Text is not justified",
            "Text ist nicht im Blocksatz",
            _WCAG + "visual-presentation",
        ),
        _rule(
            "html.hyphens",
            _E,
            "Besede niso deljene",
            "Words are not hyphenated",
            "Wörter werden nicht getrennt",
        ),
        _rule(
            "html.italic",
            _E,
            "Ni ležečega besedila",
            "No italic text",
            "Keine kursive Schrift",
        ),
        _rule(
            "html.uppercase",
            _E,
            "Ni besedila z velikimi tiskanimi črkami",
            "No text in capital letters",
            "Kein Text in Großbuchstaben",
        ),
        _rule(
            "html.contrast",
            _E,
            "Besedilo ima dovolj kontrasta",
            "Text has enough contrast",
            "Text hat genug Kontrast",
            _WCAG + "contrast-enhanced",
        ),
        _rule(
            "html.font-size",
            _E,
            "Besedilo je dovolj veliko",
            "Text is large enough",
            "Text ist groß genug",
            _WCAG + "resize-text",
        ),
        _rule(
            "html.line-height",
            _E,
            "Razmik med vrsticami je dovolj velik",
            "Line spacing is large enough",
            "Der Zeilenabstand ist groß genug",
            _WCAG + "visual-presentation",
        ),
    )
}

# Message templates, keyed by rule id or "rule id:variant".
_MESSAGES: dict[str, tuple[str, str, str]] = {
    "pdf.struct-tree": (
        "PDF nima strukture oznak (StructTreeRoot). Bralnik zaslona ne loči naslovov od odstavkov.",
        "The PDF has no tag structure (no StructTreeRoot). Screen readers cannot tell headings from paragraphs.",
        "Das PDF hat keine Tag-Struktur (kein StructTreeRoot). Screenreader erkennen Überschriften und Absätze nicht.",
    ),
    "pdf.struct-tree:empty": (
        "Struktura oznak v PDF je prazna.",
        "The PDF's tag structure is empty.",
        "Die Tag-Struktur des PDFs ist leer.",
    ),
    "pdf.struct-tree:list": (
        "Seznam na strani {page} ima napačno strukturo: {parent} vsebuje {children}, dovoljeno pa je samo {allowed}.",
        "A list on page {page} is tagged wrongly: {parent} holds {children}, but only {allowed} is allowed.",
        "Eine Liste auf Seite {page} ist falsch getaggt: {parent} enthält {children}, erlaubt ist nur {allowed}.",
    ),
    "pdf.lang": (
        "PDF nima nastavljenega jezika (/Lang).",
        "The PDF does not say which language it is in (/Lang).",
        "Das PDF nennt seine Sprache nicht (/Lang).",
    ),
    "pdf.mark-info": (
        "PDF ni označen kot označen PDF (/MarkInfo /Marked true manjka).",
        "The PDF is not marked as tagged (/MarkInfo /Marked true is missing).",
        "Das PDF ist nicht als getaggt markiert (/MarkInfo /Marked true fehlt).",
    ),
    "pdf.display-doc-title": (
        "Pregledovalnik ne bo pokazal naslova dokumenta (/DisplayDocTitle true manjka).",
        "Viewers will not show the document title (/DisplayDocTitle true is missing).",
        "Anzeigeprogramme zeigen den Dokumenttitel nicht (/DisplayDocTitle true fehlt).",
    ),
    "pdf.title": (
        "PDF nima naslova v metapodatkih XMP (dc:title).",
        "The PDF has no title in its XMP metadata (dc:title).",
        "Das PDF hat keinen Titel in den XMP-Metadaten (dc:title).",
    ),
    "pdf.ua-id": (
        "PDF se ne označi kot PDF/UA-1 (v metapodatkih XMP manjka pdfuaid:part = 1).",
        "The PDF does not identify itself as PDF/UA-1 (pdfuaid:part = 1 is missing from the XMP metadata).",
        "Das PDF weist sich nicht als PDF/UA-1 aus (pdfuaid:part = 1 fehlt in den XMP-Metadaten).",
    ),
    "pdf.ua-id:part": (
        "PDF se označi kot PDF/UA-{part}, pričakovan je PDF/UA-1.",
        "The PDF identifies itself as PDF/UA-{part}; PDF/UA-1 is expected.",
        "Das PDF weist sich als PDF/UA-{part} aus; erwartet wird PDF/UA-1.",
    ),
    "pdf.figure-alt": (
        "Slika na strani {page} nima nadomestnega besedila (/Alt).",
        "A figure on page {page} has no alternative text (/Alt).",
        "Ein Bild auf Seite {page} hat keinen Alternativtext (/Alt).",
    ),
    "pdf.fonts-embedded": (
        "Pisava {font} na strani {page} ni vdelana v PDF.",
        "The font {font} on page {page} is not embedded in the PDF.",
        "Die Schrift {font} auf Seite {page} ist nicht im PDF eingebettet.",
    ),
    "pdf.font-size": (
        "Besedilo na strani {page} je veliko {size} pt, najmanj pa mora biti {min} pt: {text}",
        "Text on page {page} is {size} pt; the smallest allowed size is {min} pt: {text}",
        "Text auf Seite {page} ist {size} pt groß; die Mindestgröße ist {min} pt: {text}",
    ),
    "pdf.page-size": (
        "Stran {page} meri {width} × {height} mm, kar je manj od A5 (148 × 210 mm).",
        "Page {page} is {width} × {height} mm, smaller than A5 (148 × 210 mm).",
        "Seite {page} ist {width} × {height} mm groß, kleiner als A5 (148 × 210 mm).",
    ),
    "pdf.page-size:paper": (
        "Stran {page} meri {width} × {height} mm, profil pa zahteva {paper}.",
        "Page {page} is {width} × {height} mm, but the profile asks for {paper}.",
        "Seite {page} ist {width} × {height} mm groß, das Profil verlangt aber {paper}.",
    ),
    "pdf.margins:left": (
        "Levi rob na strani {page} je širok {mm} mm, najmanj pa {min} mm.",
        "The left margin on page {page} is {mm} mm; at least {min} mm is needed.",
        "Der linke Rand auf Seite {page} ist {mm} mm breit; nötig sind mindestens {min} mm.",
    ),
    "pdf.margins:right": (
        "Desni rob na strani {page} je širok {mm} mm, najmanj pa {min} mm.",
        "The right margin on page {page} is {mm} mm; at least {min} mm is needed.",
        "Der rechte Rand auf Seite {page} ist {mm} mm breit; nötig sind mindestens {min} mm.",
    ),
    "pdf.margins:top": (
        "Zgornji rob na strani {page} je širok {mm} mm, najmanj pa {min} mm.",
        "The top margin on page {page} is {mm} mm; at least {min} mm is needed.",
        "Der obere Rand auf Seite {page} ist {mm} mm breit; nötig sind mindestens {min} mm.",
    ),
    "pdf.margins:bottom": (
        "Spodnji rob na strani {page} je širok {mm} mm, najmanj pa {min} mm.",
        "The bottom margin on page {page} is {mm} mm; at least {min} mm is needed.",
        "Der untere Rand auf Seite {page} ist {mm} mm breit; nötig sind mindestens {min} mm.",
    ),
    "pdf.heading-levels:first": (
        "Prvi naslov v PDF je {level}, ne H1.",
        "The first heading in the PDF is {level}, not H1.",
        "Die erste Überschrift im PDF ist {level}, nicht H1.",
    ),
    "pdf.heading-levels": (
        "Naslov {level} sledi naslovu {prev}; ena raven je izpuščena.",
        "Heading {level} follows heading {prev}; a level is skipped.",
        "Überschrift {level} folgt auf Überschrift {prev}; eine Ebene fehlt.",
    ),
    "pdf.contrast": (
        "Besedilo na strani {page} ima kontrast {ratio} : 1, potreben je vsaj {min} : 1: {text}",
        "Text on page {page} has a contrast of {ratio}:1; at least {min}:1 is needed: {text}",
        "Text auf Seite {page} hat einen Kontrast von {ratio}:1; nötig ist mindestens {min}:1: {text}",
    ),
    "pdf.hyphens": (
        "Beseda je na strani {page} deljena na koncu vrstice: {text}",
        "A word is split at the end of a line on page {page}: {text}",
        "Ein Wort wird auf Seite {page} am Zeilenende getrennt: {text}",
    ),
    "html.lang": (
        "Element <html> nima atributa lang.",
        "The <html> element has no lang attribute.",
        "Das <html>-Element hat kein lang-Attribut.",
    ),
    "html.lang:invalid": (
        "Jezik {value} v atributu lang ni veljavna jezikovna oznaka.",
        "The language {value} in the lang attribute is not a valid language tag.",
        "Die Sprache {value} im lang-Attribut ist kein gültiges Sprachkürzel.",
    ),
    "html.title": (
        "Stran nima naslova (<title> manjka ali je prazen).",
        "The page has no title (<title> is missing or empty).",
        "Die Seite hat keinen Titel (<title> fehlt oder ist leer).",
    ),
    "html.title:filename": (
        "Naslov strani je samo ime datoteke: {value}",
        "The page title is just the file name: {value}",
        "Der Seitentitel ist nur der Dateiname: {value}",
    ),
    "html.main:none": (
        "Stran nima elementa <main>.",
        "The page has no <main> element.",
        "Die Seite hat kein <main>-Element.",
    ),
    "html.main:many": (
        "Stran ima več elementov <main> ({count}); dovoljen je samo eden.",
        "The page has more than one <main> element ({count}); use exactly one.",
        "Die Seite hat mehr als ein <main>-Element ({count}); erlaubt ist genau eines.",
    ),
    "html.heading-levels:first": (
        "Prvi naslov na strani je <{tag}>, ne <h1>.",
        "The first heading on the page is <{tag}>, not <h1>.",
        "Die erste Überschrift der Seite ist <{tag}>, nicht <h1>.",
    ),
    "html.heading-levels": (
        "Naslov <{tag}> sledi naslovu <{prev}>; ena raven je izpuščena.",
        "Heading <{tag}> follows heading <{prev}>; a level is skipped.",
        "Überschrift <{tag}> folgt auf Überschrift <{prev}>; eine Ebene fehlt.",
    ),
    "html.img-alt": (
        "Slika {src} nima nadomestnega besedila (alt).",
        "The image {src} has no alternative text (alt).",
        "Das Bild {src} hat keinen Alternativtext (alt).",
    ),
    "html.script": (
        "Stran vsebuje skripto (<script>).",
        "The page contains a script (<script>).",
        "Die Seite enthält ein Skript (<script>).",
    ),
    "html.script:handler": (
        "Element <{tag}> ima skripto v atributu {attr}.",
        "The <{tag}> element has a script in its {attr} attribute.",
        "Das <{tag}>-Element hat ein Skript im Attribut {attr}.",
    ),
    "html.script:url": (
        "Element <{tag}> ima povezavo javascript: v atributu {attr}.",
        "The <{tag}> element has a javascript: link in its {attr} attribute.",
        "Das <{tag}>-Element hat einen javascript:-Link im Attribut {attr}.",
    ),
    "html.justify": (
        "Besedilo v {selector} je poravnano obojestransko (text-align: justify).",
        "Text in {selector} is justified (text-align: justify).",
        "Text in {selector} steht im Blocksatz (text-align: justify).",
    ),
    "html.hyphens": (
        "Besede v {selector} se delijo (hyphens: auto).",
        "Words in {selector} are hyphenated (hyphens: auto).",
        "Wörter in {selector} werden getrennt (hyphens: auto).",
    ),
    "html.hyphens:soft": (
        "Besedilo vsebuje mehki vezaj (U+00AD), ki deli besedo: {text}",
        "The text contains a soft hyphen (U+00AD) that splits a word: {text}",
        "Der Text enthält ein weiches Trennzeichen (U+00AD), das ein Wort trennt: {text}",
    ),
    "html.italic": (
        "Besedilo v {selector} je ležeče (font-style: {value}).",
        "Text in {selector} is italic (font-style: {value}).",
        "Text in {selector} ist kursiv (font-style: {value}).",
    ),
    "html.italic:element": (
        "Brskalnik prikaže <{tag}> ležeče, slog pa tega ne izklopi.",
        "Browsers show <{tag}> in italics and the stylesheet does not switch that off.",
        "Browser zeigen <{tag}> kursiv, und das Stylesheet schaltet das nicht ab.",
    ),
    "html.uppercase": (
        "Besedilo v {selector} je izpisano z velikimi tiskanimi črkami (text-transform: uppercase).",
        "Text in {selector} is shown in capital letters (text-transform: uppercase).",
        "Text in {selector} steht in Großbuchstaben (text-transform: uppercase).",
    ),
    "html.contrast": (
        "Barva besedila {fg} na ozadju {bg} v {selector} ima kontrast {ratio} : 1, potreben je vsaj {min} : 1.",
        "Text colour {fg} on {bg} in {selector} has a contrast of {ratio}:1; at least {min}:1 is needed.",
        "Textfarbe {fg} auf {bg} in {selector} hat einen Kontrast von {ratio}:1; nötig ist mindestens {min}:1.",
    ),
    "html.font-size": (
        "Osnovno besedilo je veliko {px} px, najmanj pa mora biti {min} px.",
        "The body text is {px} px; at least {min} px is needed.",
        "Der Grundtext ist {px} px groß; nötig sind mindestens {min} px.",
    ),
    "html.font-size:rule": (
        "Velikost pisave {value} v {selector} je približno {px} px, najmanj pa mora biti {min} px.",
        "Font size {value} in {selector} is about {px} px; at least {min} px is needed.",
        "Schriftgröße {value} in {selector} ist etwa {px} px; nötig sind mindestens {min} px.",
    ),
    "html.line-height": (
        "Razmik med vrsticami {value} v {selector} je manjši od {min}.",
        "Line height {value} in {selector} is less than {min}.",
        "Zeilenabstand {value} in {selector} ist kleiner als {min}.",
    ),
    "html.line-height:missing": (
        "Osnovno besedilo nima nastavljenega razmika med vrsticami (line-height); brskalnik uporabi približno 1,2, potreben je vsaj {min}.",
        "The body text has no line-height; browsers use about 1.2, and at least {min} is needed.",
        "Der Grundtext hat keinen Zeilenabstand (line-height); Browser nehmen etwa 1,2, nötig sind mindestens {min}.",
    ),
}

_SUGGESTIONS: dict[str, tuple[str, str, str]] = {
    "pdf.struct-tree:list": (
        "V <li> uporabite samo besedilo v vrstici (npr. <span> in <br>), ne blokov kot <p> ali display: block.",
        "Inside <li> use inline content only (e.g. <span> and <br>), not blocks such as <p> or display: block.",
        "Verwenden Sie in <li> nur Inline-Inhalt (z. B. <span> und <br>), keine Blöcke wie <p> oder display: block.",
    ),
    "pdf.ua-id:part": (
        'PDF ustvarite z WeasyPrint in pdf_variant="pdf/ua-1".',
        'Make the PDF with WeasyPrint and pdf_variant="pdf/ua-1".',
        'Erzeugen Sie das PDF mit WeasyPrint und pdf_variant="pdf/ua-1".',
    ),
    "pdf.struct-tree": (
        'PDF ustvarite z easyread build ali z WeasyPrint in pdf_variant="pdf/ua-1".',
        'Make the PDF with easyread build, or with WeasyPrint and pdf_variant="pdf/ua-1".',
        'Erzeugen Sie das PDF mit easyread build oder mit WeasyPrint und pdf_variant="pdf/ua-1".',
    ),
    "pdf.lang": (
        'Dodajte lang na <html>, npr. <html lang="sl">.',
        'Add lang to <html>, e.g. <html lang="en">.',
        'Setzen Sie lang auf <html>, z. B. <html lang="de">.',
    ),
    "pdf.title": (
        "Dodajte <title> v HTML ali title v glavo dokumenta.",
        "Add a <title> to the HTML, or a title to the document's front matter.",
        "Fügen Sie <title> im HTML oder title im Kopf des Dokuments hinzu.",
    ),
    "pdf.figure-alt": (
        "Vsaki sliki dajte alt besedilo; okrasne slike dajte v ozadje CSS.",
        "Give every picture alt text; put decorative pictures in a CSS background.",
        "Geben Sie jedem Bild einen Alternativtext; Schmuckbilder gehören in einen CSS-Hintergrund.",
    ),
    "pdf.fonts-embedded": (
        "Uporabite pisavo prek @font-face (npr. Atkinson Hyperlegible).",
        "Use a font through @font-face (e.g. Atkinson Hyperlegible).",
        "Verwenden Sie eine Schrift über @font-face (z. B. Atkinson Hyperlegible).",
    ),
    "pdf.font-size": (
        "Povečajte pisavo (tudi v nogi strani).",
        "Make the text bigger (footers too).",
        "Machen Sie den Text größer (auch in der Fußzeile).",
    ),
    "pdf.margins": (
        "Povečajte margin v @page.",
        "Make the @page margin wider.",
        "Vergrößern Sie margin in @page.",
    ),
    "pdf.heading-levels": (
        "Začnite s H1 in ravni ne preskakujte (H1, H2, H3).",
        "Start with H1 and do not skip levels (H1, H2, H3).",
        "Beginnen Sie mit H1 und überspringen Sie keine Ebene (H1, H2, H3).",
    ),
    "pdf.contrast": (
        "Uporabite temno besedilo na svetlem ozadju.",
        "Use dark text on a light background.",
        "Verwenden Sie dunklen Text auf hellem Hintergrund.",
    ),
    "pdf.hyphens": (
        "Izklopite deljenje besed (hyphens: manual).",
        "Switch hyphenation off (hyphens: manual).",
        "Schalten Sie die Silbentrennung aus (hyphens: manual).",
    ),
    "html.lang": (
        'Dodajte npr. <html lang="sl">.',
        'Add e.g. <html lang="en">.',
        'Setzen Sie z. B. <html lang="de">.',
    ),
    "html.title": (
        "Dodajte <title>, ki pove, o čem je stran.",
        "Add a <title> that says what the page is about.",
        "Fügen Sie einen <title> hinzu, der sagt, worum es geht.",
    ),
    "html.main": (
        "Glavno vsebino dajte v en sam element <main>.",
        "Put the main content in one <main> element.",
        "Setzen Sie den Hauptinhalt in genau ein <main>-Element.",
    ),
    "html.heading-levels": (
        "Začnite s <h1> in ravni ne preskakujte.",
        "Start with <h1> and do not skip levels.",
        "Beginnen Sie mit <h1> und überspringen Sie keine Ebene.",
    ),
    "html.img-alt": (
        "Dodajte alt, ki pove, kaj je na sliki; okrasne slike dajte v ozadje CSS.",
        "Add alt text that says what the picture shows; put decorative pictures in a CSS background.",
        "Ergänzen Sie alt mit dem, was das Bild zeigt; Schmuckbilder gehören in einen CSS-Hintergrund.",
    ),
    "html.script": (
        "Odstranite skripte; stran jih ne potrebuje.",
        "Remove scripts; the page does not need them.",
        "Entfernen Sie Skripte; die Seite braucht sie nicht.",
    ),
    "html.justify": (
        "Uporabite text-align: left.",
        "Use text-align: left.",
        "Verwenden Sie text-align: left.",
    ),
    "html.hyphens": (
        "Uporabite hyphens: manual in odstranite mehke vezaje.",
        "Use hyphens: manual and remove soft hyphens.",
        "Verwenden Sie hyphens: manual und entfernen Sie weiche Trennzeichen.",
    ),
    "html.italic": (
        "Za poudarek uporabite krepko pisavo (font-style: normal; font-weight: bold).",
        "Use bold for emphasis (font-style: normal; font-weight: bold).",
        "Heben Sie mit Fettdruck hervor (font-style: normal; font-weight: bold).",
    ),
    "html.uppercase": (
        "Odstranite text-transform: uppercase.",
        "Remove text-transform: uppercase.",
        "Entfernen Sie text-transform: uppercase.",
    ),
    "html.contrast": (
        "Uporabite temnejše besedilo ali svetlejše ozadje.",
        "Use darker text or a lighter background.",
        "Verwenden Sie dunkleren Text oder einen helleren Hintergrund.",
    ),
    "html.font-size": (
        "Povečajte font-size (v rem).",
        "Make font-size bigger (in rem).",
        "Vergrößern Sie font-size (in rem).",
    ),
    "html.line-height": (
        "Nastavite line-height: 1.5 ali več.",
        "Set line-height: 1.5 or more.",
        "Setzen Sie line-height: 1.5 oder mehr.",
    ),
}

_QUOTES = {"sl": ("„", "“"), "de": ("„", "“"), "en": ("“", "”")}


def _index(lang: str) -> int:
    return LANGS.index(lang) if lang in LANGS else 1


def text(key: str, lang: str, **fields: object) -> str:
    """The message for ``key`` (``rule`` or ``rule:variant``) in ``lang``."""
    return _MESSAGES[key][_index(lang)].format(**fields)


def suggestion(key: str, lang: str) -> str:
    """How to fix a finding (``rule`` or ``rule:variant``) in ``lang`` ("" if none)."""
    entry = _SUGGESTIONS.get(key) or _SUGGESTIONS.get(key.split(":")[0])
    return entry[_index(lang)] if entry else ""


def quote(value: str, lang: str, limit: int = 80) -> str:
    """``value`` in the language's quotation marks, shortened to ``limit`` characters."""
    value = " ".join(value.split())
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    left, right = _QUOTES.get(lang, _QUOTES["en"])
    return f"{left}{value}{right}"


def fmt_number(value: float, lang: str, digits: int = 1) -> str:
    """``10.5`` as ``10,5`` in sl/de and ``10.5`` in en; whole numbers without decimals."""
    rounded = round(value, digits)
    if rounded == int(rounded):
        out = str(int(rounded))
    else:
        out = f"{rounded:.{digits}f}".rstrip("0").rstrip(".")
    return out.replace(".", ",") if lang in ("sl", "de") else out
