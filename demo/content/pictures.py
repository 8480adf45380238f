"""Illustrations for the demo magazine, drawn with Pillow so nothing is downloaded.

Each picture is a flat, editorial-style illustration of one motif in one section's palette,
drawn at twice its size and scaled down for smooth edges. The same seed gives the same picture.
"""

import math
import random
from collections.abc import Callable
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter

Colour = tuple[int, int, int]

PALETTES: dict[str, list[str]] = {
    # background, then accents from darkest to lightest
    "ochre": ["#efe3c8", "#2f4b5c", "#8c4a1f", "#c8872e", "#f2b84b"],
    "crimson": ["#f3e7e1", "#2b2d42", "#5e1a24", "#a4262c", "#e07a5f"],
    "slate": ["#e1e6ec", "#1f2e3d", "#3c5a78", "#d9a441", "#8fa7bf"],
    "terracotta": ["#f5e6d6", "#2e5e4e", "#7a2e1c", "#c65d3b", "#e9a65d"],
    "jade": ["#e0efe8", "#15463a", "#a33b3b", "#2e8b6e", "#e4b363"],
    "indigo": ["#e6e7f3", "#1c1e4a", "#3b3f8f", "#e8a33d", "#7f86c6"],
    "teal": ["#dcefee", "#0e3b43", "#1f7a7a", "#f4a259", "#8cc7c2"],
}
MOTIFS = (
    "mountains",
    "skyline",
    "waves",
    "fields",
    "crowd",
    "chart",
    "sun",
    "grid",
    "river",
    "network",
)


def _rgb(hex_colour: str) -> Colour:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def _sky(draw: ImageDraw.ImageDraw, w: int, h: int, top: Colour, bottom: Colour) -> None:
    for y in range(h):
        draw.line([(0, y), (w, y)], fill=_mix(top, bottom, y / h))


def _ridge(rng: random.Random, w: int, base: float, roughness: float) -> list[tuple[float, float]]:
    """A jagged line across the picture that wanders around `base` without drifting off."""
    points, y, step = [], base, w / 24
    for i in range(25):
        y += rng.uniform(-roughness, roughness) + (base - y) * 0.35
        points.append((i * step, y))
    return points


def _mountains(d, w, h, c, rng):
    _sky(d, w, h, _mix(c[0], c[4], 0.25), c[0])
    d.ellipse(_circle(w * rng.uniform(0.6, 0.8), h * 0.2, h * 0.09), fill=c[4])
    for layer in range(4):
        base = h * (0.5 + layer * 0.12)
        ridge = _ridge(rng, w, base, h * (0.07 - layer * 0.012))
        colour = _mix(c[3], c[1], layer / 3)
        d.polygon([*ridge, (w, h), (0, h)], fill=colour)


def _skyline(d, w, h, c, rng):
    _sky(d, w, h, c[4], c[0])
    for row, shade in ((0.35, 0.3), (0.5, 0.75)):
        x = -rng.uniform(0, w * 0.05)
        while x < w:
            bw = rng.uniform(w * 0.05, w * 0.12)
            top = h * rng.uniform(row - 0.15, row + 0.12)
            colour = _mix(c[2], c[1], shade)
            d.rectangle([x, top, x + bw, h], fill=colour)
            window = _mix(colour, c[4], 0.55)
            for wy in range(int(top + h * 0.03), h, int(h * 0.05)):
                for wx in range(int(x + bw * 0.15), int(x + bw * 0.85), int(bw * 0.22) + 1):
                    if rng.random() < 0.45:
                        d.rectangle([wx, wy, wx + bw * 0.1, wy + h * 0.02], fill=window)
            x += bw + rng.uniform(0, w * 0.015)
    d.rectangle([0, h * 0.92, w, h], fill=c[1])


def _waves(d, w, h, c, rng):
    d.rectangle([0, 0, w, h], fill=c[0])
    bands = 7
    for band in range(bands):
        base = h * (0.3 + band * 0.1)
        amplitude = h * rng.uniform(0.015, 0.04)
        phase, period = rng.uniform(0, math.tau), rng.uniform(0.6, 1.4)
        crest = [
            (x, base + amplitude * math.sin(phase + x / w * math.tau * 2 * period))
            for x in range(0, w + 20, 20)
        ]
        d.polygon([*crest, (w, h), (0, h)], fill=_mix(c[4], c[1], band / (bands - 1)))
    d.ellipse(_circle(w * rng.uniform(0.15, 0.35), h * 0.18, h * 0.08), fill=c[3])


def _fields(d, w, h, c, rng):
    horizon = h * rng.uniform(0.35, 0.45)
    _sky(d, w, int(horizon) + 1, c[4], c[0])
    d.rectangle([0, horizon, w, h], fill=_mix(c[3], c[2], 0.5))
    d.ellipse(_circle(w * rng.uniform(0.2, 0.8), horizon, h * 0.09), fill=c[3])
    vanish = (w * rng.uniform(0.35, 0.65), horizon)
    strips = 14
    for i in range(strips):
        x0, x1 = -w * 0.6 + i * w * 2.2 / strips, -w * 0.6 + (i + 1) * w * 2.2 / strips
        colour = _mix(c[3], c[2], (i % 3) / 2) if i % 2 else _mix(c[4], c[3], 0.4)
        d.polygon([vanish, (x0, h), (x1, h)], fill=colour)
    d.rectangle([0, horizon - 2, w, horizon + h * 0.01], fill=c[1])


def _crowd(d, w, h, c, rng):
    d.rectangle([0, 0, w, h], fill=c[0])
    rows = 6
    for row in range(rows):
        y = h * (0.25 + row * 0.13)
        size = h * (0.05 + row * 0.012)
        x = -rng.uniform(0, size)
        while x < w + size:
            colour = rng.choice(c[1:])
            d.ellipse([x - size * 1.1, y + size * 0.9, x + size * 1.1, y + size * 4], fill=colour)
            d.ellipse(_circle(x, y + size * 0.3, size * 0.6), fill=_mix(colour, c[0], 0.35))
            x += size * rng.uniform(1.7, 2.3)


def _chart(d, w, h, c, rng):
    d.rectangle([0, 0, w, h], fill=c[0])
    for i in range(1, 6):
        y = h * (0.15 + i * 0.13)
        d.line([(w * 0.08, y), (w * 0.92, y)], fill=_mix(c[0], c[1], 0.18), width=max(2, h // 300))
    bars, level = 12, rng.uniform(0.3, 0.5)
    bw = w * 0.84 / bars
    points = []
    for i in range(bars):
        level = min(0.85, max(0.1, level + rng.uniform(-0.12, 0.14)))
        top = h * (0.93 - level * 0.75)
        d.rectangle(
            [w * 0.08 + i * bw + bw * 0.15, top, w * 0.08 + (i + 1) * bw - bw * 0.15, h * 0.93],
            fill=c[2] if i < bars - 1 else c[3],
        )
        points.append((w * 0.08 + (i + 0.5) * bw, top - h * 0.06))
    d.line(points, fill=c[1], width=max(4, h // 150), joint="curve")


def _sun(d, w, h, c, rng):
    _sky(d, w, h, c[3], c[4])
    cx, cy, r = w * rng.uniform(0.35, 0.65), h * 0.62, h * 0.3
    for ring in range(6, 0, -1):
        d.ellipse(_circle(cx, cy, r * ring / 3.2), fill=_mix(c[4], c[3], ring / 7))
    d.ellipse(_circle(cx, cy, r), fill=c[0])
    for i in range(5):
        y = h * (0.7 + i * 0.06)
        d.rectangle([0, y, w, y + h * 0.03], fill=_mix(c[2], c[1], i / 4))
    d.rectangle([0, h * 0.95, w, h], fill=c[1])


def _grid(d, w, h, c, rng):
    d.rectangle([0, 0, w, h], fill=c[0])
    gap = max(6, w // 120)

    def split(x0, y0, x1, y1, depth):
        if depth == 0 or (x1 - x0) < w * 0.12 or (y1 - y0) < h * 0.12:
            fill = rng.choice([c[0], c[0], c[2], c[3], c[4], c[1]])
            d.rectangle([x0 + gap, y0 + gap, x1 - gap, y1 - gap], fill=fill)
            return
        if (x1 - x0) > (y1 - y0):
            cut = rng.uniform(x0 + (x1 - x0) * 0.3, x1 - (x1 - x0) * 0.3)
            split(x0, y0, cut, y1, depth - 1)
            split(cut, y0, x1, y1, depth - 1)
        else:
            cut = rng.uniform(y0 + (y1 - y0) * 0.3, y1 - (y1 - y0) * 0.3)
            split(x0, y0, x1, cut, depth - 1)
            split(x0, cut, x1, y1, depth - 1)

    d.rectangle([0, 0, w, h], fill=c[1])
    split(0, 0, w, h, 5)


def _river(d, w, h, c, rng):
    _sky(d, w, int(h * 0.3), c[4], c[0])
    d.rectangle([0, h * 0.3, w, h], fill=_mix(c[3], c[2], 0.35))
    for i in range(4):
        y = h * (0.3 + i * 0.07)
        d.polygon([*_ridge(rng, w, y, h * 0.02), (w, h), (0, h)], fill=_mix(c[3], c[2], i / 3))
    points = []
    phase = rng.uniform(0, math.tau)
    for step in range(41):
        t = step / 40
        y = h * (0.3 + 0.7 * t)
        x = w * (0.5 + 0.3 * math.sin(phase + t * math.tau * 1.3) * t)
        points.append((x, y))
    for width, colour in ((h * 0.09, c[0]), (h * 0.06, c[4]), (h * 0.02, _mix(c[4], c[0], 0.6))):
        d.line(points, fill=colour, width=int(width), joint="curve")


def _network(d, w, h, c, rng):
    d.rectangle([0, 0, w, h], fill=c[1])
    nodes = [(rng.uniform(0.05, 0.95) * w, rng.uniform(0.08, 0.92) * h) for _ in range(26)]
    line = _mix(c[1], c[4], 0.45)
    for x, y in nodes:
        nearest = sorted(nodes, key=lambda n: (n[0] - x) ** 2 + (n[1] - y) ** 2)[1:4]
        for nx, ny in nearest:
            d.line([(x, y), (nx, ny)], fill=line, width=max(3, h // 250))
    for i, (x, y) in enumerate(nodes):
        r = h * rng.uniform(0.012, 0.035)
        d.ellipse(_circle(x, y, r), fill=c[3] if i % 5 == 0 else c[4])


def _circle(cx: float, cy: float, r: float) -> list[float]:
    return [cx - r, cy - r, cx + r, cy + r]


DRAWERS: dict[str, Callable] = {
    "mountains": _mountains,
    "skyline": _skyline,
    "waves": _waves,
    "fields": _fields,
    "crowd": _crowd,
    "chart": _chart,
    "sun": _sun,
    "grid": _grid,
    "river": _river,
    "network": _network,
}


def illustration(
    motif: str, palette: str, seed: str, size: tuple[int, int] = (1600, 1067)
) -> bytes:
    """A JPEG of `motif` in `palette`, the same bytes for the same arguments."""
    w, h = size[0] * 2, size[1] * 2
    canvas = Image.new("RGB", (w, h))
    colours = [_rgb(value) for value in PALETTES[palette]]
    DRAWERS[motif](ImageDraw.Draw(canvas), w, h, colours, random.Random(seed))
    canvas = canvas.resize(size, Image.Resampling.LANCZOS).filter(ImageFilter.SMOOTH)
    out = BytesIO()
    canvas.save(out, "JPEG", quality=88, optimize=True, progressive=True)
    return out.getvalue()


def portrait(palette: str, seed: str, size: int = 800) -> bytes:
    """A PNG silhouette portrait: head and shoulders on a disc of colour."""
    s = size * 2
    rng = random.Random(seed)
    colours = [_rgb(value) for value in PALETTES[palette]]
    canvas = Image.new("RGB", (s, s), colours[0])
    d = ImageDraw.Draw(canvas)
    d.ellipse([s * 0.06, s * 0.06, s * 0.94, s * 0.94], fill=colours[rng.choice([3, 4])])
    body = colours[rng.choice([1, 2])]
    d.ellipse([s * 0.2, s * 0.62, s * 0.8, s * 1.25], fill=body)
    d.ellipse(_circle(s * 0.5, s * 0.42, s * 0.17), fill=_mix(body, colours[0], 0.35))
    canvas = canvas.resize((size, size), Image.Resampling.LANCZOS)
    out = BytesIO()
    canvas.save(out, "PNG", optimize=True)
    return out.getvalue()
