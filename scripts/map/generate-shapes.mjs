#!/usr/bin/env node
// Generates ../../src/map_shapes.rs: pre-projected, simplified map shapes for
// the eleven ASEAN member states, Japan, and one merged "context" path with
// all other land inside the map window.
//
// Usage: cd scripts/map && npm ci && node generate-shapes.mjs
//
// Pipeline (all steps deterministic, no randomness, no timestamps):
//   1. Read Natural Earth admin-0 countries 1:50m (world-atlas countries-50m.json).
//   2. Classify every feature that has land inside the window: a shape of its
//      own (ASEAN + Japan), excluded (separate disputed-territory features),
//      or context. Abort on any feature the rules below do not know.
//   3. Project every topology arc with a spherical Mercator projection onto
//      the SVG plane (x right, y down, window width = MAP_WIDTH units).
//   4. Simplify each arc once (Douglas–Peucker, ~8 km tolerance converted to
//      map units at the latitude of each point). Because the simplification
//      is done on the shared arcs of the topology, neighbouring shapes keep
//      identical borders (no slivers or double lines).
//   5. Assemble rings per country; merge all context features topologically
//      (topojson-client mergeArcs), so borders between neighbours vanish.
//   6. Clip rings to the window rectangle, round to 0.1 unit, drop rings
//      that collapsed (< 3 distinct points or zero area).
//   7. Emit Rust source with the paths, anchors and a test module.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { mergeArcs } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const OUTPUT = join(here, "..", "..", "src", "map_shapes.rs");

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------

/** Map window in degrees. 46°N keeps Hokkaido whole. */
const WINDOW = { west: 88, south: -12, east: 150, north: 46 };
/** Width of the map in SVG user units; the height follows from Mercator. */
const MAP_WIDTH = 1000;
/** Simplification tolerance in kilometres on the ground. */
const TOLERANCE_KM = 8;
/** Finer tolerance for the arcs of the two tiny member states. */
const TINY_TOLERANCE_KM = 1.5;
/** Coordinates are written as multiples of this (in map units). */
const PRECISION = 10; // 0.1 unit ≈ 0.7 km at the equator
/** Mean Earth radius in km (spherical Mercator). */
const EARTH_RADIUS_KM = 6371.0088;

/** ASEAN members + Japan: alpha-3 -> [ISO 3166-1 numeric id, Natural Earth name]. */
const SHAPES = {
  BRN: ["096", "Brunei"],
  IDN: ["360", "Indonesia"],
  JPN: ["392", "Japan"],
  KHM: ["116", "Cambodia"],
  LAO: ["418", "Laos"],
  MMR: ["104", "Myanmar"],
  MYS: ["458", "Malaysia"],
  PHL: ["608", "Philippines"],
  SGP: ["702", "Singapore"],
  THA: ["764", "Thailand"],
  TLS: ["626", "Timor-Leste"],
  VNM: ["704", "Vietnam"],
};
/** Member states that are tiny: simplified more gently, never dropped. */
const TINY = new Set(["SGP", "BRN"]);

/**
 * Natural Earth features that stand for disputed territories of their own
 * (in the 1:10m edition: "Spratly Is.", "Scarborough Reef", ...). Matched by
 * name anywhere in the source; such features are never drawn.
 */
const DISPUTED_FEATURE_NAME = /spratly|scarborough|paracel|siachen|aksai|dokdo|takeshima|senkaku|diaoyu|pratas|dongsha/i;

/**
 * Features without an ISO numeric id that are known not to be disputed
 * territories and may go into the context (Natural Earth "Indian Ocean Ter."
 * = the Australian external territories Christmas Island and Cocos Islands).
 * Any other id-less feature inside the window aborts the generator so that a
 * new data version cannot slip a disputed feature into the map unnoticed.
 */
const IDLESS_CONTEXT_OK = new Set(["Indian Ocean Ter."]);

/**
 * Disputed South China Sea island groups, as lon/lat boxes that contain no
 * undisputed land. Any source polygon lying entirely inside one is dropped
 * (even if it is part of a country feature), and the generated Rust tests
 * check that no vertex of any emitted path falls inside them.
 */
const DISPUTED_ZONES = [
  ["Spratly Islands", [111.0, 6.0, 115.5, 12.0]],
  ["Spratly Islands (east)", [115.5, 8.0, 116.5, 11.5]],
  ["Paracel Islands", [111.0, 15.6, 113.0, 17.3]],
  ["Scarborough Shoal", [117.5, 14.9, 118.0, 15.4]],
];

// ---------------------------------------------------------------------------
// Projection
// ---------------------------------------------------------------------------

const RAD = Math.PI / 180;
/** Map units per radian of longitude. */
const SCALE = MAP_WIDTH / ((WINDOW.east - WINDOW.west) * RAD);
const mercY = (lat) => {
  const phi = Math.max(-85, Math.min(85, lat)) * RAD;
  return Math.log(Math.tan(Math.PI / 4 + phi / 2));
};
const Y_TOP = mercY(WINDOW.north);
const MAP_HEIGHT = round1(SCALE * (Y_TOP - mercY(WINDOW.south)));
const project = (lon, lat) => [SCALE * (lon - WINDOW.west) * RAD, SCALE * (Y_TOP - mercY(lat))];
/** Map units per km on the ground at a latitude (Mercator scale factor). */
const unitsPerKm = (lat) => SCALE / (EARTH_RADIUS_KM * Math.cos(Math.max(-85, Math.min(85, lat)) * RAD));

function round1(v) {
  return Math.round(v * PRECISION) / PRECISION;
}

// ---------------------------------------------------------------------------
// Source data
// ---------------------------------------------------------------------------

const worldAtlasPkg = require("world-atlas/package.json");
const topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"));
const geometries = topology.objects.countries.geometries;

/** Decoded arcs as arrays of [lon, lat] (delta-encoded, quantized input). */
const arcsLonLat = topology.arcs.map((arc) => {
  const { scale, translate } = topology.transform;
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
  });
});

const arcIndex = (a) => (a < 0 ? ~a : a);

function ringLonLat(ring) {
  const pts = [];
  for (const a of ring) {
    const arc = a < 0 ? arcsLonLat[~a].slice().reverse() : arcsLonLat[a];
    pts.push(...(pts.length ? arc.slice(1) : arc));
  }
  return pts;
}

function bbox(points) {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

const boxesIntersect = (a, b) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
const boxInside = (a, b) => a[0] >= b[0] && a[2] <= b[2] && a[1] >= b[1] && a[3] <= b[3];
const WINDOW_BOX = [WINDOW.west, WINDOW.south, WINDOW.east, WINDOW.north];

/** Polygons (arrays of arc-index rings) of a geometry. */
function polygonsOf(g) {
  if (g.type === "Polygon") return [g.arcs];
  if (g.type === "MultiPolygon") return g.arcs;
  return [];
}

// ---------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------

const log = (...args) => console.log(...args);
const shapeGeometries = new Map(); // iso3 -> trimmed geometry
const contextGeometries = []; // trimmed geometries
const excludedFeatures = []; // names
const droppedZonePolygons = []; // "zone (part of feature)"
const disputedOutsideWindow = [];

for (const g of geometries) {
  const name = g.properties.name;
  const polys = polygonsOf(g);
  // Keep only polygons that reach into the window, and drop polygons lying
  // wholly inside a disputed zone.
  const kept = [];
  for (const poly of polys) {
    const b = bbox(ringLonLat(poly[0]));
    if (!boxesIntersect(b, WINDOW_BOX)) continue;
    const zone = DISPUTED_ZONES.find(([, z]) => boxInside(b, z));
    if (zone) {
      droppedZonePolygons.push(`${zone[0]} (polygon of ${name})`);
      continue;
    }
    kept.push(poly);
  }
  const disputedByName = DISPUTED_FEATURE_NAME.test(name);
  if (!kept.length) {
    if (disputedByName) disputedOutsideWindow.push(name);
    continue;
  }
  if (disputedByName) {
    excludedFeatures.push(name);
    continue;
  }
  const trimmed = { type: "MultiPolygon", arcs: kept, id: g.id, properties: g.properties };
  const iso3 = Object.keys(SHAPES).find((k) => SHAPES[k][0] === g.id);
  if (iso3) {
    if (SHAPES[iso3][1] !== name) throw new Error(`id ${g.id} is "${name}", expected "${SHAPES[iso3][1]}"`);
    if (shapeGeometries.has(iso3)) throw new Error(`duplicate feature for ${iso3}`);
    shapeGeometries.set(iso3, trimmed);
  } else {
    if (g.id === undefined && !IDLESS_CONTEXT_OK.has(name)) {
      throw new Error(`feature "${name}" has no ISO id and is not known to be undisputed; review it`);
    }
    contextGeometries.push(trimmed);
  }
}
for (const iso3 of Object.keys(SHAPES)) {
  if (!shapeGeometries.has(iso3)) throw new Error(`no feature found for ${iso3}`);
}

// ---------------------------------------------------------------------------
// Arc projection and simplification (once per arc, shared by neighbours)
// ---------------------------------------------------------------------------

/** Arcs used by the tiny member states get the finer tolerance. */
const tinyArcs = new Set();
for (const iso3 of TINY) {
  for (const poly of shapeGeometries.get(iso3).arcs) for (const ring of poly) for (const a of ring) tinyArcs.add(arcIndex(a));
}

const usedArcs = new Set();
for (const g of [...shapeGeometries.values(), ...contextGeometries]) {
  for (const poly of g.arcs) for (const ring of poly) for (const a of ring) usedArcs.add(arcIndex(a));
}

/** Squared distance from p to segment ab. */
function segDist2(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  const ex = a[0] + t * dx - p[0];
  const ey = a[1] + t * dy - p[1];
  return ex * ex + ey * ey;
}

/**
 * Douglas–Peucker on projected points; `tol[i]` is the tolerance (map units)
 * at point i. Keeps both end points. Iterative to survive long arcs.
 */
function douglasPeucker(pts, tol, first, last, keep) {
  const stack = [[first, last]];
  while (stack.length) {
    const [i0, i1] = stack.pop();
    let worst = -1;
    let worstExcess = 0;
    for (let i = i0 + 1; i < i1; i++) {
      const d = Math.sqrt(segDist2(pts[i], pts[i0], pts[i1]));
      const excess = d / tol[i];
      if (excess > 1 && excess > worstExcess) {
        worst = i;
        worstExcess = excess;
      }
    }
    if (worst >= 0) {
      keep[worst] = true;
      stack.push([i0, worst], [worst, i1]);
    }
  }
}

function simplifyArc(lonlat, tolKm) {
  const pts = lonlat.map(([lon, lat]) => project(lon, lat));
  const tol = lonlat.map(([, lat]) => tolKm * unitsPerKm(lat));
  const n = pts.length;
  const keep = new Array(n).fill(false);
  keep[0] = keep[n - 1] = true;
  const closed = n > 2 && lonlat[0][0] === lonlat[n - 1][0] && lonlat[0][1] === lonlat[n - 1][1];
  if (closed) {
    // A closed arc (an island on its own): split at the point farthest from
    // the start so that both halves have distinct end points.
    let far = 1;
    let farD = -1;
    for (let i = 1; i < n - 1; i++) {
      const d = (pts[i][0] - pts[0][0]) ** 2 + (pts[i][1] - pts[0][1]) ** 2;
      if (d > farD) {
        far = i;
        farD = d;
      }
    }
    keep[far] = true;
    douglasPeucker(pts, tol, 0, far, keep);
    douglasPeucker(pts, tol, far, n - 1, keep);
  } else {
    douglasPeucker(pts, tol, 0, n - 1, keep);
  }
  return { full: pts, simple: pts.filter((_, i) => keep[i]) };
}

const projectedArcs = new Map(); // arc index -> { full, simple }
for (const i of [...usedArcs].sort((a, b) => a - b)) {
  projectedArcs.set(i, simplifyArc(arcsLonLat[i], tinyArcs.has(i) ? TINY_TOLERANCE_KM : TOLERANCE_KM));
}

function ringXY(ring, which) {
  const pts = [];
  for (const a of ring) {
    const src = projectedArcs.get(arcIndex(a))[which];
    const arc = a < 0 ? src.slice().reverse() : src;
    pts.push(...(pts.length ? arc.slice(1) : arc));
  }
  return pts;
}

// ---------------------------------------------------------------------------
// Clipping, rounding, ring hygiene
// ---------------------------------------------------------------------------

/** Sutherland–Hodgman clip of a closed ring (first point not repeated) to the map rectangle. */
function clipRing(ring) {
  const edges = [
    [(p) => p[0] >= 0, (a, b) => lerpAt(a, b, 0, 0)],
    [(p) => p[0] <= MAP_WIDTH, (a, b) => lerpAt(a, b, 0, MAP_WIDTH)],
    [(p) => p[1] >= 0, (a, b) => lerpAt(a, b, 1, 0)],
    [(p) => p[1] <= MAP_HEIGHT, (a, b) => lerpAt(a, b, 1, MAP_HEIGHT)],
  ];
  let out = ring;
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) {
        out.push(cut(prev, cur));
      }
    }
    if (!out.length) break;
  }
  return out;
}

function lerpAt(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  const p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  p[axis] = value;
  return p;
}

function ringArea(r) {
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += r[j][0] * r[i][1] - r[i][0] * r[j][1];
  return s / 2;
}

/** Closed ring with repeated end point -> clipped, rounded integer ring (tenths), or null. */
function finishRing(ringWithClosure) {
  const open = ringWithClosure.slice(0, -1);
  const clipped = clipRing(open);
  const out = [];
  for (const [x, y] of clipped) {
    const p = [Math.round(x * PRECISION), Math.round(y * PRECISION)];
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  if (out.length < 3 || ringArea(out) === 0) return null;
  return out;
}

/** Polygons (arc rings) -> list of integer rings, dropping collapsed ones. */
function buildRings(polygons, which) {
  const rings = [];
  for (const poly of polygons) {
    const outer = finishRing(ringXY(poly[0], which));
    if (!outer) continue; // holes of a dropped polygon go with it
    rings.push(outer);
    for (const hole of poly.slice(1)) {
      const h = finishRing(ringXY(hole, which));
      if (h) rings.push(h);
    }
  }
  return rings;
}

// ---------------------------------------------------------------------------
// Anchors: "pole of inaccessibility" of the largest ring
// ---------------------------------------------------------------------------

function pointInRing(x, y, r) {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i];
    const [xj, yj] = r[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function edgeDistance(x, y, r) {
  let best = Infinity;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) best = Math.min(best, segDist2([x, y], r[j], r[i]));
  return Math.sqrt(best);
}

/** Grid search, refined twice, for the interior point farthest from the ring's edges. */
function visualCentre(ringTenths) {
  const r = ringTenths.map(([x, y]) => [x / PRECISION, y / PRECISION]);
  const [x0, y0, x1, y1] = bbox(r);
  let best = null;
  let bestD = -1;
  const search = (cx0, cy0, cx1, cy1, steps) => {
    const sx = (cx1 - cx0) / steps;
    const sy = (cy1 - cy0) / steps;
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const x = cx0 + i * sx;
        const y = cy0 + j * sy;
        if (!pointInRing(x, y, r)) continue;
        const d = edgeDistance(x, y, r);
        if (d > bestD + 1e-9) {
          bestD = d;
          best = [x, y];
        }
      }
    }
    return [sx, sy];
  };
  let [sx, sy] = search(x0, y0, x1, y1, 64);
  for (let k = 0; k < 2 && best; k++) {
    const [bx, by] = best;
    [sx, sy] = search(bx - sx, by - sy, bx + sx, by + sy, 16);
  }
  if (!best) {
    // Degenerate sliver: fall back to the vertex mean.
    best = [r.reduce((s, p) => s + p[0], 0) / r.length, r.reduce((s, p) => s + p[1], 0) / r.length];
  }
  return [round1(best[0]), round1(best[1])];
}

// ---------------------------------------------------------------------------
// Build shapes
// ---------------------------------------------------------------------------

const shapes = [];
for (const iso3 of Object.keys(SHAPES).sort()) {
  const g = shapeGeometries.get(iso3);
  let rings = buildRings(g.arcs, "simple");
  let note = "";
  if (!rings.length) {
    // Never drop a member state: fall back to the unsimplified geometry.
    rings = buildRings(g.arcs, "full");
    note = " (unsimplified fallback)";
    if (!rings.length) throw new Error(`${iso3} has no drawable ring even unsimplified`);
  }
  const largest = rings.reduce((a, b) => (Math.abs(ringArea(b)) > Math.abs(ringArea(a)) ? b : a));
  shapes.push({ iso3, name: SHAPES[iso3][1], rings, anchor: visualCentre(largest), note });
}

// Context: one topological merge of all other features, so their mutual
// borders disappear; then the same ring pipeline.
const merged = mergeArcs(topology, contextGeometries);
const contextRings = buildRings(merged.arcs, "simple");
// Which features actually contribute land to the context after simplification?
const contextFeatures = contextGeometries
  .filter((g) => buildRings(g.arcs, "simple").length > 0)
  .map((g) => g.properties.name)
  .sort();
const contextDroppedEntirely = contextGeometries
  .filter((g) => buildRings(g.arcs, "simple").length === 0)
  .map((g) => g.properties.name)
  .sort();

// ---------------------------------------------------------------------------
// Path encoding: absolute M per ring, then relative l, then z; tenths exact.
// ---------------------------------------------------------------------------

function num(tenths) {
  const neg = tenths < 0;
  const a = Math.abs(tenths);
  const int = Math.floor(a / PRECISION);
  const frac = a % PRECISION;
  let s = frac ? `${int || ""}.${frac}` : `${int}`;
  return neg ? `-${s}` : s;
}

function pair(x, y) {
  const sy = num(y);
  return num(x) + (sy.startsWith("-") ? "" : " ") + sy;
}

function joinNums(parts) {
  let s = "";
  for (const p of parts) {
    if (s && !p.startsWith("-")) s += " ";
    s += p;
  }
  return s;
}

function pathOf(rings) {
  let d = "";
  for (const r of rings) {
    d += `M${pair(r[0][0], r[0][1])}l`;
    const parts = [];
    for (let i = 1; i < r.length; i++) parts.push(num(r[i][0] - r[i - 1][0]), num(r[i][1] - r[i - 1][1]));
    d += `${joinNums(parts)}z`;
  }
  return d;
}

// ---------------------------------------------------------------------------
// Rust output
// ---------------------------------------------------------------------------

const f64 = (v) => {
  const s = String(v);
  return s.includes(".") || s.includes("e") ? s : `${s}.0`;
};
const deg = (v, pos, neg) => `${Math.abs(v)}°${v < 0 ? neg : pos}`;
const rustStr = (s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
const strList = (items, indent) =>
  items.length ? `&[\n${items.map((s) => `${indent}    ${rustStr(s)},`).join("\n")}\n${indent}]` : "&[]";

const zonesProjected = DISPUTED_ZONES.map(([name, [w, s, e, n]]) => {
  const [x0, y1] = project(w, s);
  const [x1, y0] = project(e, n);
  return [name, [x0, y0, x1, y1].map((v) => Math.round(v * 10) / 10)];
});

const excludedAll = [...excludedFeatures, ...droppedZonePolygons].sort();
const pointCount = (rings) => rings.reduce((s, r) => s + r.length, 0);

let rs = "";
rs += `//! Pre-projected ASEAN map shapes. GENERATED by scripts/map/generate-shapes.mjs — do not edit by hand.
//! Source: Natural Earth admin-0 countries 1:50m (public domain), via the npm package world-atlas@${worldAtlasPkg.version}.
//!
//! Regenerate with: \`cd scripts/map && npm ci && node generate-shapes.mjs\`
//!
//! Spherical Mercator, window ${deg(WINDOW.west, "E", "W")}–${deg(WINDOW.east, "E", "W")}, ${deg(WINDOW.south, "N", "S")}–${deg(WINDOW.north, "N", "S")}, x to
//! the east and y downwards in SVG user units. Shared borders are simplified once (Douglas–Peucker, about
//! ${TOLERANCE_KM} km; ${TINY_TOLERANCE_KM} km for Singapore and Brunei), then clipped to the window and rounded to
//! 0.1 unit. Paths are rings of \`M x y\`, relative \`l\` segments and \`z\`; fill them with the
//! default nonzero rule.

/// Width and height of the map in SVG user units.
pub const MAP_WIDTH: f64 = ${f64(MAP_WIDTH)};
/// Height of the map in SVG user units (Mercator height of the window at \`MAP_WIDTH\`).
pub const MAP_HEIGHT: f64 = ${f64(MAP_HEIGHT)};

/// One country drawn on the map.
pub struct CountryShape {
    /// ISO 3166-1 alpha-3 code.
    pub iso3: &'static str,
    /// SVG path data (absolute \`M\` per ring, relative \`l\` segments, \`z\`).
    pub path: &'static str,
    /// Anchor point for labels and hit targets, in SVG user units.
    pub anchor: (f64, f64),
}

/// The eleven member states and Japan, in a stable order (alphabetical by iso3).
pub const COUNTRY_SHAPES: &[CountryShape] = &[
`;
for (const s of shapes) {
  rs += `    // ${s.name}: ${s.rings.length} rings, ${pointCount(s.rings)} points${s.note}.
    CountryShape {
        iso3: ${rustStr(s.iso3)},
        path: ${rustStr(pathOf(s.rings))},
        anchor: (${f64(s.anchor[0])}, ${f64(s.anchor[1])}),
    },
`;
}
rs += `];

/// All other land inside the window, merged into one path (${contextRings.length} rings, ${pointCount(contextRings)} points).
pub const CONTEXT_PATH: &str = ${rustStr(pathOf(contextRings))};

/// Window of the projection, in degrees: (west, south, east, north).
pub const WINDOW: (f64, f64, f64, f64) = (${[WINDOW.west, WINDOW.south, WINDOW.east, WINDOW.north].map(f64).join(", ")});

/// Natural Earth features inside the window that were deliberately left out as separate
/// disputed territories (and disputed-zone polygons dropped from other features). The
/// 1:50m source has no separate Spratly, Scarborough or Paracel features, so this may be
/// empty; the tests below also check geographically that nothing is drawn there.
pub const EXCLUDED_FEATURES: &[&str] = ${strList(excludedAll, "")};

/// Natural Earth features (by name) merged into [\`CONTEXT_PATH\`] that keep land of their own
/// after simplification (features whose islands all collapsed are not listed).
pub const CONTEXT_FEATURES: &[&str] = ${strList(contextFeatures, "")};

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECTED: [&str; 12] = [
        "BRN", "IDN", "JPN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "TLS", "VNM",
    ];

    /// A box (x0, y0, x1, y1) in map units.
    type Rect = (f64, f64, f64, f64);

    /// Disputed island groups as projected boxes.
    const DISPUTED_ZONES: &[(&str, Rect)] = &[
${zonesProjected.map(([n, b]) => `        (${rustStr(n)}, (${b.map(f64).join(", ")})),`).join("\n")}
    ];

    const DISPUTED_NAMES: [&str; 3] = ["spratly", "scarborough", "paracel"];

    fn all_paths() -> Vec<(&'static str, &'static str)> {
        let mut v: Vec<(&'static str, &'static str)> =
            COUNTRY_SHAPES.iter().map(|s| (s.iso3, s.path)).collect();
        v.push(("context", CONTEXT_PATH));
        v
    }

    /// Parses the generator's path dialect (M x y, l dx dy ..., z) into rings of absolute points.
    fn rings(path: &str) -> Vec<Vec<(f64, f64)>> {
        let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut cmd = ' ';
        let mut nums: Vec<f64> = Vec::new();
        let mut cur = (0.0, 0.0);
        let mut flush = |cmd: char, nums: &mut Vec<f64>, out: &mut Vec<Vec<(f64, f64)>>| {
            assert!(
                nums.chunks_exact(2).remainder().is_empty(),
                "odd number count after {cmd}"
            );
            for (k, p) in nums.chunks(2).enumerate() {
                match cmd {
                    'M' if k == 0 => {
                        cur = (p[0], p[1]);
                        out.push(vec![cur]);
                    }
                    'M' | 'L' => {
                        cur = (p[0], p[1]);
                        out.last_mut().expect("ring").push(cur);
                    }
                    'l' | 'm' => {
                        cur = (cur.0 + p[0], cur.1 + p[1]);
                        out.last_mut().expect("ring").push(cur);
                    }
                    _ => panic!("numbers after {cmd}"),
                }
            }
            nums.clear();
        };
        let mut token = String::new();
        let push_token = |token: &mut String, nums: &mut Vec<f64>| {
            if !token.is_empty() {
                nums.push(token.parse().expect("number"));
                token.clear();
            }
        };
        for c in path.chars() {
            match c {
                'M' | 'L' | 'l' | 'm' | 'Z' | 'z' => {
                    push_token(&mut token, &mut nums);
                    flush(cmd, &mut nums, &mut out);
                    cmd = c;
                }
                ' ' | ',' => push_token(&mut token, &mut nums),
                '-' => {
                    push_token(&mut token, &mut nums);
                    token.push(c);
                }
                '.' if token.contains('.') => {
                    push_token(&mut token, &mut nums);
                    token.push(c);
                }
                _ => token.push(c),
            }
        }
        push_token(&mut token, &mut nums);
        flush(cmd, &mut nums, &mut out);
        out
    }

    #[test]
    fn all_twelve_codes_present_exactly_once_in_order() {
        let codes: Vec<&str> = COUNTRY_SHAPES.iter().map(|s| s.iso3).collect();
        assert_eq!(codes, EXPECTED);
    }

    #[test]
    fn paths_are_non_empty_and_well_formed() {
        for (name, path) in all_paths() {
            assert!(path.starts_with('M'), "{name}: path must start with M");
            assert!(path.ends_with('z'), "{name}: path must end with z");
            assert!(
                path.chars()
                    .all(|c| c.is_ascii_digit() || " ,.-MmLlZz".contains(c)),
                "{name}: unexpected character in path"
            );
            let rings = rings(path);
            assert!(!rings.is_empty(), "{name}: no rings");
            for r in &rings {
                assert!(r.len() >= 3, "{name}: ring with fewer than 3 points");
            }
        }
    }

    #[test]
    fn all_points_lie_inside_the_map() {
        for (name, path) in all_paths() {
            for r in rings(path) {
                for (x, y) in r {
                    assert!(
                        (-0.05..=MAP_WIDTH + 0.05).contains(&x)
                            && (-0.05..=MAP_HEIGHT + 0.05).contains(&y),
                        "{name}: point ({x}, {y}) outside the map"
                    );
                }
            }
        }
    }

    #[test]
    fn anchors_inside_map() {
        for s in COUNTRY_SHAPES {
            let (x, y) = s.anchor;
            assert!(x > 0.0 && x < MAP_WIDTH, "{}: anchor x {x}", s.iso3);
            assert!(y > 0.0 && y < MAP_HEIGHT, "{}: anchor y {y}", s.iso3);
        }
    }

    #[test]
    fn singapore_and_brunei_are_drawn() {
        for code in ["SGP", "BRN"] {
            let s = COUNTRY_SHAPES
                .iter()
                .find(|s| s.iso3 == code)
                .expect("tiny member present");
            assert!(!s.path.is_empty());
            assert!(!rings(s.path).is_empty());
        }
    }

    #[test]
    fn window_and_size_are_consistent() {
        let (w, s, e, n) = WINDOW;
        assert!(w < e && s < n);
        let merc = |lat: f64| {
            (std::f64::consts::FRAC_PI_4 + lat.to_radians() / 2.0)
                .tan()
                .ln()
        };
        let expected = MAP_WIDTH / (e - w).to_radians() * (merc(n) - merc(s));
        assert!((MAP_HEIGHT - expected).abs() < 0.06);
    }

    #[test]
    fn excluded_and_context_features_are_disjoint() {
        for f in EXCLUDED_FEATURES {
            assert!(
                !CONTEXT_FEATURES.contains(f),
                "{f} is both excluded and context"
            );
        }
    }

    #[test]
    fn no_disputed_feature_is_drawn() {
        for f in CONTEXT_FEATURES {
            let lower = f.to_lowercase();
            for d in DISPUTED_NAMES {
                assert!(!lower.contains(d), "disputed feature {f} in context");
            }
        }
        for s in COUNTRY_SHAPES {
            let lower = s.iso3.to_lowercase();
            for d in DISPUTED_NAMES {
                assert!(!lower.contains(d));
            }
        }
    }

    #[test]
    fn nothing_is_drawn_in_disputed_zones() {
        for (name, path) in all_paths() {
            for r in rings(path) {
                for (x, y) in r {
                    for (zone, (x0, y0, x1, y1)) in DISPUTED_ZONES {
                        assert!(
                            !(x > *x0 && x < *x1 && y > *y0 && y < *y1),
                            "{name}: point ({x}, {y}) inside {zone}"
                        );
                    }
                }
            }
        }
    }
}
`;

writeFileSync(OUTPUT, rs);

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

log(`wrote ${relative(process.cwd(), OUTPUT)} (${Buffer.byteLength(rs)} bytes)`);
log(`map ${MAP_WIDTH} x ${MAP_HEIGHT} units; window ${JSON.stringify(WINDOW)}`);
for (const s of shapes) log(`  ${s.iso3} ${s.name}: ${s.rings.length} rings, ${pointCount(s.rings)} points, anchor ${s.anchor}${s.note}`);
log(`  context: ${contextRings.length} rings, ${pointCount(contextRings)} points`);
log(`context features (${contextFeatures.length}): ${contextFeatures.join(", ")}`);
if (contextDroppedEntirely.length) log(`context features with no land left after simplification: ${contextDroppedEntirely.join(", ")}`);
log(`excluded as disputed inside the window: ${excludedAll.length ? excludedAll.join(", ") : "none (the 1:50m source has no separate Spratly/Scarborough/Paracel features)"}`);
log(`disputed features elsewhere in the source (outside the window): ${disputedOutsideWindow.join(", ") || "none"}`);
