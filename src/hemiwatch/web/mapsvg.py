"""The map of the Americas as SVG paths, drawn once per process from the vendored TopoJSON
(world-atlas countries-50m, Natural Earth), keyed by ISO 3166 alpha-2 code."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

import pycountry

ATLAS = Path(__file__).parent / "static" / "vendor" / "countries-50m.json"
AMERICAS = frozenset(
    "AG AI AR AW BB BL BM BO BQ BR BS BZ CA CL CO CR CU CW DM DO EC FK GD GF GP GT GY HN HT JM "
    "KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI".split()
)
WEST, EAST, NORTH, SOUTH = -170.0, -30.0, 72.0, -56.0
WIDTH = 640.0
K = math.cos(math.radians(15))  # equirectangular, widths true at 15 degrees of latitude
HEIGHT = WIDTH * (NORTH - SOUTH) / ((EAST - WEST) * K)


@dataclass(frozen=True)
class Shape:
    code: str
    name: str
    path: str  # SVG path data in a WIDTH x HEIGHT box
    small: bool = False  # drawn as a dot


def _xy(lon: float, lat: float) -> tuple[float, float]:
    return (
        (lon - WEST) / (EAST - WEST) * WIDTH,
        (NORTH - lat) / (NORTH - SOUTH) * HEIGHT,
    )


class Arcs:
    """The atlas's delta-encoded, quantised arcs, decoded to lon/lat on first use."""

    def __init__(self, topo: dict[str, Any]) -> None:
        self.raw = topo["arcs"]
        (self.sx, self.sy), (self.tx, self.ty) = (
            topo["transform"]["scale"],
            topo["transform"]["translate"],
        )
        self.done: dict[int, list[tuple[float, float]]] = {}

    def __getitem__(self, i: int) -> list[tuple[float, float]]:
        if i not in self.done:
            x = y = 0
            points = []
            for dx, dy in self.raw[i]:
                x, y = x + dx, y + dy
                points.append((x * self.sx + self.tx, y * self.sy + self.ty))
            self.done[i] = points
        return self.done[i]


def _ring(indices: list[int], arcs: Arcs) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for i in indices:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def _path(rings: list[list[tuple[float, float]]]) -> tuple[str, tuple[float, float, float, float]]:
    """SVG path data (points closer than ~0.7 px to the last one dropped) and its box."""
    parts = []
    xs: list[float] = []
    ys: list[float] = []
    for ring in rings:
        if any(lon > 0 for lon, _ in ring):  # the Aleutians past the date line
            continue
        kept: list[tuple[float, float]] = []
        for lon, lat in ring:
            x, y = _xy(lon, lat)
            if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) > 0.7:
                kept.append((x, y))
        xs += [x for x, _ in kept]
        ys += [y for _, y in kept]
        if len(kept) >= 3:
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in kept) + "Z")
    box = (min(xs), min(ys), max(xs), max(ys)) if xs else (0.0, 0.0, 0.0, 0.0)
    return "".join(parts), box


NUMERIC = {
    c.numeric: c.alpha_2 for c in pycountry.countries if c.alpha_2 in AMERICAS
}  # the atlas keys countries by ISO 3166 numeric code


@cache
def shapes() -> list[Shape]:
    """Every country of the Americas the atlas draws, in a fixed order."""
    topo = json.loads(ATLAS.read_text("utf-8"))
    arcs = Arcs(topo)
    out = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        code = NUMERIC.get(str(geometry.get("id", "")))
        if code is None or geometry.get("type") not in {"Polygon", "MultiPolygon"}:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        path, (x0, y0, x1, y1) = _path(rings)
        name = str(geometry.get("properties", {}).get("name") or code)
        small = (x1 - x0) < 5 and (y1 - y0) < 5
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        if small:  # an island too small to click: a dot marks it
            path = f"M{cx - 3:.1f},{cy:.1f}a3,3 0 1,0 6,0a3,3 0 1,0 -6,0Z"
        if path:
            out.append(Shape(code=code, name=name, path=path, small=small))
    return sorted(out, key=lambda s: s.code)


def size() -> tuple[int, int]:
    return int(WIDTH), int(HEIGHT)


@cache
def _pieces() -> list[tuple[str, str, str]]:
    """(code, markup before the class, markup after it) per country, escaped once."""
    out = []
    for shape in shapes():
        code, name = escape(shape.code), escape(shape.name)
        dot = " dot" if shape.small else ""
        out.append(
            (
                shape.code,
                f'<a href="/country/{code}" aria-label="{name}" data-code="{code}">'
                '<path class="country ',
                f'{dot}" d="{shape.path}"><title>{name}: ',
            )
        )
    return out


def svg_paths(stance: dict[str, str]) -> str:
    """The map's country links, each path classed by its stance (safe markup: every piece of
    text in it was escaped)."""
    parts = []
    for code, head, tail in _pieces():
        kind = stance.get(code, "none")
        label = "no stance reported" if kind == "none" else kind
        parts.append(f"{head}{escape(kind)}{tail}{escape(label)}</title></path></a>")
    return "\n".join(parts)
