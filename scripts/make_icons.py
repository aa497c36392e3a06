#!/usr/bin/env python3
"""Draws the app's icons into public/ (their output is committed; run again only to change them).

The motif: ten points on a ring (the ten ASEAN member states) around a centre point, white on the
app's accent blue. `icon.svg` has rounded corners (favicon, "any" purpose); `icon-maskable.svg` is
full-bleed with the motif inside the central safe zone (Android's adaptive icons crop it to a circle
or squircle). PNGs come from Debian's `rsvg-convert`; `favicon.ico` wraps the 32 px PNG (ICO files may
hold PNG images), so that browsers asking for /favicon.ico by themselves find one.

    python3 scripts/make_icons.py
"""

from __future__ import annotations

import math
import pathlib
import struct
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent
PUBLIC = ROOT / "public"
ICONS = PUBLIC / "icons"

ACCENT = "#0b5cad"
WHITE = "#ffffff"


def motif(centre: float, ring: float, dot: float, stroke: float) -> str:
    """The ring, its ten points and the centre point, as SVG elements."""
    points = []
    for i in range(10):
        angle = -math.pi / 2 + i * 2 * math.pi / 10
        x = centre + ring * math.cos(angle)
        y = centre + ring * math.sin(angle)
        points.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{dot:.1f}"/>')
    return (
        f'<circle cx="{centre}" cy="{centre}" r="{ring}" fill="none" stroke="{WHITE}" '
        f'stroke-width="{stroke}" stroke-opacity=".55"/>'
        f'<g fill="{WHITE}">{"".join(points)}'
        f'<circle cx="{centre}" cy="{centre}" r="{dot * 1.6:.1f}"/></g>'
    )


def svg(rounded: bool) -> str:
    size = 512
    if rounded:
        background = f'<rect width="{size}" height="{size}" rx="96" fill="{ACCENT}"/>'
        body = motif(256, 168, 34, 14)
    else:
        # Maskable: the safe zone is the central circle of radius 0.4 × size (205 px here).
        background = f'<rect width="{size}" height="{size}" fill="{ACCENT}"/>'
        body = motif(256, 136, 28, 12)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'width="{size}" height="{size}">{background}{body}</svg>\n'
    )


def render(source: pathlib.Path, target: pathlib.Path, size: int) -> bytes:
    subprocess.run(
        ["rsvg-convert", "-w", str(size), "-h", str(size), "-o", str(target), str(source)],
        check=True,
    )
    return target.read_bytes()


def ico(png: bytes, size: int) -> bytes:
    """An ICO file holding one PNG image."""
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    rounded = ICONS / "icon.svg"
    maskable = ICONS / "icon-maskable.svg"
    rounded.write_text(svg(True), encoding="utf-8")
    maskable.write_text(svg(False), encoding="utf-8")
    render(rounded, ICONS / "icon-192.png", 192)
    render(rounded, ICONS / "icon-512.png", 512)
    render(maskable, ICONS / "icon-maskable-512.png", 512)
    render(maskable, ICONS / "apple-touch-icon.png", 180)
    favicon = render(rounded, ICONS / "favicon-32.png", 32)
    (PUBLIC / "favicon.ico").write_bytes(ico(favicon, 32))
    (ICONS / "favicon-32.png").unlink()
    for path in sorted([*ICONS.iterdir(), PUBLIC / "favicon.ico"]):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
