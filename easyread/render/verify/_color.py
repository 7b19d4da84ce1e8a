"""CSS colours and the WCAG 2.x contrast ratio."""

from __future__ import annotations

import colorsys
import re

__all__ = [
    "RGBA",
    "blend",
    "contrast_ratio",
    "find_color",
    "parse_color",
    "relative_luminance",
]

RGBA = tuple[float, float, float, float]  # 0..1 each

# CSS Color Module Level 4 named colours.
_NAMED_TABLE = (
    "aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff "
    "beige f5f5dc bisque ffe4c4 black 000000 blanchedalmond ffebcd blue 0000ff "
    "blueviolet 8a2be2 brown a52a2a burlywood deb887 cadetblue 5f9ea0 chartreuse 7fff00 "
    "chocolate d2691e coral ff7f50 cornflowerblue 6495ed cornsilk fff8dc crimson dc143c "
    "cyan 00ffff darkblue 00008b darkcyan 008b8b darkgoldenrod b8860b darkgray a9a9a9 "
    "darkgreen 006400 darkgrey a9a9a9 darkkhaki bdb76b darkmagenta 8b008b "
    "darkolivegreen 556b2f darkorange ff8c00 darkorchid 9932cc darkred 8b0000 "
    "darksalmon e9967a darkseagreen 8fbc8f darkslateblue 483d8b darkslategray 2f4f4f "
    "darkslategrey 2f4f4f darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 "
    "deepskyblue 00bfff dimgray 696969 dimgrey 696969 dodgerblue 1e90ff firebrick b22222 "
    "floralwhite fffaf0 forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc "
    "ghostwhite f8f8ff gold ffd700 goldenrod daa520 gray 808080 green 008000 "
    "greenyellow adff2f grey 808080 honeydew f0fff0 hotpink ff69b4 indianred cd5c5c "
    "indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa lavenderblush fff0f5 "
    "lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6 lightcoral f08080 "
    "lightcyan e0ffff lightgoldenrodyellow fafad2 lightgray d3d3d3 lightgreen 90ee90 "
    "lightgrey d3d3d3 lightpink ffb6c1 lightsalmon ffa07a lightseagreen 20b2aa "
    "lightskyblue 87cefa lightslategray 778899 lightslategrey 778899 lightsteelblue b0c4de "
    "lightyellow ffffe0 lime 00ff00 limegreen 32cd32 linen faf0e6 magenta ff00ff "
    "maroon 800000 mediumaquamarine 66cdaa mediumblue 0000cd mediumorchid ba55d3 "
    "mediumpurple 9370db mediumseagreen 3cb371 mediumslateblue 7b68ee "
    "mediumspringgreen 00fa9a mediumturquoise 48d1cc mediumvioletred c71585 "
    "midnightblue 191970 mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5 "
    "navajowhite ffdead navy 000080 oldlace fdf5e6 olive 808000 olivedrab 6b8e23 "
    "orange ffa500 orangered ff4500 orchid da70d6 palegoldenrod eee8aa palegreen 98fb98 "
    "paleturquoise afeeee palevioletred db7093 papayawhip ffefd5 peachpuff ffdab9 "
    "peru cd853f pink ffc0cb plum dda0dd powderblue b0e0e6 purple 800080 "
    "rebeccapurple 663399 red ff0000 rosybrown bc8f8f royalblue 4169e1 "
    "saddlebrown 8b4513 salmon fa8072 sandybrown f4a460 seagreen 2e8b57 seashell fff5ee "
    "sienna a0522d silver c0c0c0 skyblue 87ceeb slateblue 6a5acd slategray 708090 "
    "slategrey 708090 snow fffafa springgreen 00ff7f steelblue 4682b4 tan d2b48c "
    "teal 008080 thistle d8bfd8 tomato ff6347 turquoise 40e0d0 violet ee82ee "
    "wheat f5deb3 white ffffff whitesmoke f5f5f5 yellow ffff00 yellowgreen 9acd32"
)
_NAMED_HEX = _NAMED_TABLE.split()
NAMED: dict[str, str] = dict(zip(_NAMED_HEX[::2], _NAMED_HEX[1::2], strict=True))

_FUNC = re.compile(r"(rgba?|hsla?)\(\s*([^)]*)\)", re.IGNORECASE)
_HEX = re.compile(r"#([0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})\b")
_TOKEN = re.compile(
    r"#[0-9a-fA-F]{3,8}\b|(?:rgba?|hsla?)\([^)]*\)|[A-Za-z]+", re.IGNORECASE
)


def _channel(text: str, scale: float) -> float:
    text = text.strip()
    if text.endswith("%"):
        return max(0.0, min(1.0, float(text[:-1]) / 100))
    return max(0.0, min(1.0, float(text) / scale))


def parse_color(value: str) -> RGBA | None:
    """Read one CSS colour (hex, rgb(), hsl(), a name, ``transparent``), else None."""
    text = value.strip().lower()
    if not text:
        return None
    if text == "transparent":
        return (0.0, 0.0, 0.0, 0.0)
    if text in NAMED:
        text = "#" + NAMED[text]
    m = _HEX.fullmatch(text)
    if m:
        h = m.group(1)
        if len(h) in (3, 4):
            h = "".join(c * 2 for c in h)
        parts = [int(h[i : i + 2], 16) / 255 for i in range(0, len(h), 2)]
        return (parts[0], parts[1], parts[2], parts[3] if len(parts) == 4 else 1.0)
    m = _FUNC.fullmatch(text)
    if not m:
        return None
    kind = m.group(1)
    args = [a for a in re.split(r"[\s,/]+", m.group(2).strip()) if a]
    if len(args) not in (3, 4):
        return None
    try:
        alpha = _channel(args[3], 1.0) if len(args) == 4 else 1.0
        if kind.startswith("rgb"):
            r, g, b = (_channel(a, 255.0) for a in args[:3])
        else:
            hue = float(re.sub(r"deg$", "", args[0])) / 360 % 1.0
            sat = _channel(args[1], 100.0)
            light = _channel(args[2], 100.0)
            r, g, b = colorsys.hls_to_rgb(hue, light, sat)
    except ValueError:
        return None
    return (r, g, b, alpha)


def find_color(value: str) -> RGBA | None:
    """The first colour inside a shorthand such as ``background: #fff url(x)``.

    Returns None when the value has an image or gradient (its colour behind
    the text is unknown) or no colour at all.
    """
    if re.search(r"url\(|gradient\(|image\(", value, re.IGNORECASE):
        return None
    for m in _TOKEN.finditer(value):
        color = parse_color(m.group(0))
        if color is not None:
            return color
    return None


def blend(top: RGBA, bottom: RGBA) -> RGBA:
    """``top`` drawn over an opaque ``bottom`` (alpha compositing)."""
    a = top[3]
    return (
        top[0] * a + bottom[0] * (1 - a),
        top[1] * a + bottom[1] * (1 - a),
        top[2] * a + bottom[2] * (1 - a),
        1.0,
    )


def relative_luminance(color: RGBA) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(color[0]) + 0.7152 * lin(color[1]) + 0.0722 * lin(color[2])


def contrast_ratio(fg: RGBA, bg: RGBA) -> float:
    """WCAG contrast ratio (1 to 21); a see-through ``fg`` is blended over ``bg``."""
    bg = blend(bg, (1.0, 1.0, 1.0, 1.0)) if bg[3] < 1 else bg
    fg = blend(fg, bg) if fg[3] < 1 else fg
    hi, lo = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
