// Deterministic generator of realistic format-v1 datasets for the benchmark (bench/run.mjs).
//
// The records have the shape of the researched default dataset (src/model/default_dataset.json, about
// 600 bytes per activity in compact JSON) plus what a year of use adds: follow-up notes from the
// Japan–ASEAN Defense Vice-Ministerial Forum, source titles and access dates, status and update times.
// Several member states and measures, field labels from the Vision's vocabulary, https sources,
// ongoing and ended activities. Every generated file is valid with zero errors and zero warnings:
// bench/run.mjs checks that through the app's own import before it times anything.
//
// The same seed always gives the same bytes, and the first N activities of a larger dataset are the
// N-activity dataset (the capacity probe relies on it).
//
//   node bench/generate.mjs 10000                      # compact JSON on stdout
//   node bench/generate.mjs 10000 --out /tmp/10k.json  # to a file
//   node bench/generate.mjs 1000 --pretty --seed 7     # indented like the app's export

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The seed every figure in docs/benchmark.md was measured with. */
export const DEFAULT_SEED = 20160916;

// Vocabulary of the app (src/model/vision.rs). Kept here as data: the generator must not depend on the
// Rust build, and a drift would show as a validation error in bench/run.mjs.
const MEASURES = ['PIL', 'CBC', 'DETC', 'JTE', 'HRDAE'];
// How often each measure appears in the default dataset (CBC most, then HRDAE, DETC, PIL, JTE).
const MEASURE_WEIGHTS = [12, 31, 14, 12, 19];
const DIRECTIONS = ['rule-of-law', 'maritime-security', 'diverse-capabilities'];
const MEMBER_STATES = [
  ['BRN', 'Brunei'], ['KHM', 'Cambodia'], ['IDN', 'Indonesia'], ['LAO', 'Laos'], ['MYS', 'Malaysia'],
  ['MMR', 'Myanmar'], ['PHL', 'the Philippines'], ['SGP', 'Singapore'], ['THA', 'Thailand'],
  ['VNM', 'Viet Nam'], ['TLS', 'Timor-Leste'],
];
// Timor-Leste joined ASEAN in 2025: an activity that ended before would rightly draw a warning.
const TIMOR_LESTE_JOINED = 2025;
// Partners named most often get more activities, as in the research data.
const STATE_WEIGHTS = [3, 5, 8, 4, 6, 3, 10, 5, 7, 10, 2];
const FIELDS = [
  'HA/DR', 'PKO', 'Mine/UXO clearance', 'Cybersecurity', 'Defense buildup planning', 'Maritime security',
  'International law', 'Maritime domain awareness', 'Search and rescue', 'Military medicine',
  'Aviation safety', 'Aviation meteorology', 'Air domain awareness', 'Air surveillance',
  'Maritime surveillance', 'Engineering', 'Vehicle maintenance', 'Aviation maintenance',
  'Ship maintenance', 'Defense equipment', 'Policy dialogue', 'Policy framework', 'WPS',
  'Environmental security', 'Climate change', 'Non-combatant evacuation', 'Oceanography', 'Space',
  'Education', 'Joint exercises', 'Infectious diseases', 'Cyber', 'Aviation', 'Air domain',
];
const PROGRAMMES = [
  ['Ship Rider Cooperation Program', ['Maritime security', 'International law', 'HA/DR']],
  ['Professional Airmanship Program', ['Aviation safety', 'Air domain awareness']],
  ['Invitation Program for senior officers', ['Policy dialogue', 'Education']],
  ['HA/DR table-top exercise', ['HA/DR', 'Search and rescue', 'Joint exercises']],
  ['seminar on the international law of the sea', ['International law', 'Maritime security']],
  ['underwater medicine course', ['Military medicine', 'Education']],
  ['mine and UXO clearance training', ['Mine/UXO clearance', 'Engineering']],
  ['PKO engineering course', ['PKO', 'Engineering']],
  ['aviation meteorology training', ['Aviation meteorology', 'Aviation']],
  ['cybersecurity workshop', ['Cybersecurity', 'Cyber']],
  ['maritime domain awareness seminar', ['Maritime domain awareness', 'Maritime surveillance']],
  ['transfer of TC-90 training aircraft', ['Defense equipment', 'Aviation maintenance', 'Air surveillance']],
  ['vehicle maintenance training', ['Vehicle maintenance', 'Engineering']],
  ['ship maintenance and repair training', ['Ship maintenance', 'Defense equipment']],
  ['search and rescue coordination exercise', ['Search and rescue', 'Joint exercises']],
  ['defense buildup planning dialogue', ['Defense buildup planning', 'Policy framework']],
  ['Women, Peace and Security seminar', ['WPS', 'Policy dialogue']],
  ['climate and environmental security forum', ['Climate change', 'Environmental security']],
  ['infectious disease response training', ['Infectious diseases', 'Military medicine', 'HA/DR']],
  ['non-combatant evacuation drill', ['Non-combatant evacuation', 'Joint exercises']],
  ['oceanography and hydrography course', ['Oceanography', 'Maritime domain awareness']],
  ['space situational awareness briefing', ['Space', 'Air domain']],
];
const PLACES = [
  'Yokosuka', 'Tokyo', 'Manila', 'Subic Bay', 'Hanoi', 'Cam Ranh', 'Jakarta', 'Surabaya', 'Kuala Lumpur',
  'Lumut', 'Bangkok', 'Sattahip', 'Phnom Penh', 'Vientiane', 'Yangon', 'Bandar Seri Begawan', 'Dili',
  'Singapore', 'Changi', 'Okinawa',
];
const PLATFORMS = [
  'JS Izumo', 'JS Kaga', 'JS Ise', 'JS Hyuga', 'JS Shimokita', 'JS Bungo', 'JS Kashima', 'C-2 transport',
];
const ORGANISERS = [
  'the Ministry of Defense', 'the Japan Maritime Self-Defense Force', 'the Japan Ground Self-Defense Force',
  'the Japan Air Self-Defense Force', 'the National Institute for Defense Studies',
  'the Joint Staff College',
];
const OPENINGS = [
  'Officers from {partners} took part in {programme} organised by {organiser} in {place} in {year}',
  '{organiser} ran {programme} for {partners} at {place}, starting in {year}',
  'Instructors from {organiser} delivered {programme} to personnel from {partners} in {place}',
  'Under the Vientiane Vision, {partners} and Japan held {programme} in {place} from {year}',
];
const DETAILS = [
  'covering lectures, practical drills and a closing review with the partner delegations',
  'with observation of exercises and a joint planning session on regional contingencies',
  'combining classroom sessions with on-site training aboard {platform}',
  'followed by a report to the ASEAN Defence Ministers\u2019 Meeting-Plus working group',
  'as part of a multi-year effort to build lasting skills in the partner services',
  'with about {people} participants and support from the Japanese embassy',
];
const FOLLOW_UP_NOTES = [
  'Reported at the Japan\u2013ASEAN Defense Vice-Ministerial Forum; partners asked for a follow-on course.',
  'Reviewed at the Vice-Ministerial Forum: the programme continues with a larger partner delegation.',
  'The forum noted the first graduates now teach the course in their own services.',
  'Paused during the pandemic and resumed online; the forum welcomed the return to in-person sessions.',
  'Partners proposed adding a module on {field} at the annual follow-up.',
  'Japan announced funding for the next three years at the forum in {year}.',
];
const SOURCE_SITES = [
  ['https://www.mod.go.jp/en/article/', 'Ministry of Defense of Japan'],
  ['https://www.mod.go.jp/j/approach/exchange/cap_build/', 'Capacity building assistance (MOD)'],
  ['https://www.mofa.go.jp/region/asia-paci/asean/', 'Ministry of Foreign Affairs of Japan'],
  ['https://asean.org/', 'ASEAN Secretariat'],
  ['https://www.mod.go.jp/msdf/en/operation/', 'Japan Maritime Self-Defense Force'],
  ['https://thediplomat.com/', 'The Diplomat'],
  ['https://japannews.yomiuri.co.jp/politics/defense-security/', 'The Japan News'],
  ['https://www.nids.mod.go.jp/english/publication/', 'National Institute for Defense Studies'],
];
const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th', '10th', '11th', '12th'];
const LAST_YEAR = 2026;

/** mulberry32: a small, fast, well-mixed 32-bit generator; the same seed gives the same stream. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function picker(next) {
  const int = (low, high) => low + Math.floor(next() * (high - low + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const weighted = (list, weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let roll = next() * total;
    for (let i = 0; i < list.length; i += 1) {
      roll -= weights[i];
      if (roll < 0) return list[i];
    }
    return list[list.length - 1];
  };
  // `count` distinct elements, in the order drawn.
  const distinct = (list, count, weights) => {
    const chosen = [];
    while (chosen.length < Math.min(count, list.length)) {
      const candidate = weights ? weighted(list, weights) : pick(list);
      if (!chosen.includes(candidate)) chosen.push(candidate);
    }
    return chosen;
  };
  return { int, pick, chance, weighted, distinct };
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function twoDigits(n) {
  return String(n).padStart(2, '0');
}

/** One activity; `index` is its position (ids are GEN-000001, GEN-000002, …). */
function activity(index, r) {
  const id = `GEN-${String(index + 1).padStart(6, '0')}`;
  const [programme, programmeFields] = r.pick(PROGRAMMES);
  const start = r.int(2000, LAST_YEAR);
  const ongoing = r.chance(0.25);
  const end = ongoing ? null : Math.min(LAST_YEAR, start + (r.chance(0.4) ? 0 : r.int(1, 6)));

  const aseanWide = r.chance(0.5);
  let countries = [];
  if (!aseanWide) {
    const size = r.weighted([1, 2, 3, 5], [85, 8, 4, 3]);
    const codes = MEMBER_STATES.map(([code]) => code);
    countries = r.distinct(codes, size, STATE_WEIGHTS);
    const lastYear = end ?? Infinity;
    if (lastYear < TIMOR_LESTE_JOINED) countries = countries.filter((c) => c !== 'TLS');
    if (countries.length === 0) countries = ['VNM'];
  }
  const names = aseanWide
    ? 'all ASEAN member states'
    : countries.map((c) => MEMBER_STATES.find(([code]) => code === c)[1]).join(', ');
  const partner = aseanWide
    ? 'ASEAN'
    : MEMBER_STATES.find(([code]) => code === countries[0])[1].replace(/^the /, '');
  const dash = r.chance(0.3) ? '\u2013' : '-';
  const place = r.pick(PLACES);
  const title = `${r.pick(ORDINALS)} Japan${dash}${partner} ${programme} (${place}, ${start})`;

  const measureCount = r.weighted([0, 1, 2, 3], [25, 45, 24, 6]);
  const measures = r.distinct(MEASURES, measureCount, MEASURE_WEIGHTS);
  const directions = r.chance(0.4) ? r.distinct(DIRECTIONS, r.int(1, 2)) : [];
  const extra = r.chance(0.5) ? [r.pick(FIELDS)] : [];
  const fields = [...new Set([...programmeFields.slice(0, r.int(1, programmeFields.length)), ...extra])]
    .filter((f, i, all) => all.findIndex((g) => g.toLowerCase() === f.toLowerCase()) === i);

  const values = {
    partners: names,
    programme,
    organiser: r.pick(ORGANISERS),
    place,
    year: start,
    platform: r.pick(PLATFORMS),
    people: r.int(12, 180),
    field: r.pick(FIELDS),
  };
  const [detail, more] = r.distinct(DETAILS, 2);
  let summary = `${fill(r.pick(OPENINGS), values)}, ${fill(detail, values)}.`.replace(/^./, (c) => c.toUpperCase());
  if (r.chance(0.2)) summary += ` ${fill(more, values).replace(/^./, (c) => c.toUpperCase())}.`;

  const lastFollowUpYear = Math.min(end ?? LAST_YEAR, LAST_YEAR);
  const followUps = [];
  if (r.chance(0.25)) {
    const count = r.int(1, 3);
    for (let i = 0; i < count; i += 1) {
      const year = r.int(start, lastFollowUpYear);
      followUps.push({ year, note: fill(r.pick(FOLLOW_UP_NOTES), { ...values, year, field: r.pick(FIELDS) }) });
    }
    followUps.sort((a, b) => a.year - b.year);
  }

  const sources = [];
  const sourceCount = r.weighted([1, 2, 3, 4], [30, 35, 25, 10]);
  const words = slug(programme).split('-').slice(0, 3).join('-');
  for (let i = 0; i < sourceCount; i += 1) {
    const [base, site] = r.pick(SOURCE_SITES);
    const source = { url: `${base}${start}/${words}-${r.int(100, 9999)}` };
    if (r.chance(0.25)) source.title = `${site}: ${programme} with ${partner}`;
    if (r.chance(0.3)) source.accessed = `${r.int(2023, 2026)}-${twoDigits(r.int(1, 12))}-${twoDigits(r.int(1, 28))}`;
    sources.push(source);
  }

  // Keys in schema order, as the app writes them.
  const record = { id, title };
  if (r.chance(0.92)) record.summary = summary;
  record.measures = measures;
  if (directions.length) record.directions = directions;
  if (fields.length) record.fields = fields;
  record.scope = aseanWide ? 'asean-wide' : 'member-states';
  if (!aseanWide) record.countries = countries;
  record.start = start;
  if (end !== null) record.end = end;
  if (r.chance(0.5)) {
    record.status = start > 2025 ? 'planned' : end === null || end > 2025 ? 'ongoing' : 'completed';
  }
  const confidence = r.weighted(['verified', 'uncertain', null], [80, 15, 5]);
  if (confidence) record.confidence = confidence;
  if (followUps.length) record.followUps = followUps;
  record.sources = sources;
  if (r.chance(0.6)) {
    record.updated = `${r.int(2024, 2026)}-${twoDigits(r.int(1, 12))}-${twoDigits(r.int(1, 28))}T${twoDigits(r.int(0, 23))}:${twoDigits(r.int(0, 59))}:00Z`;
  }
  return record;
}

/** A whole dataset object of `count` activities. */
export function generateDataset(count, { seed = DEFAULT_SEED } = {}) {
  const r = picker(random(seed));
  const activities = [];
  for (let i = 0; i < count; i += 1) activities.push(activity(i, r));
  return {
    format: 'vientiane-vision',
    version: 1,
    title: `Generated benchmark dataset (${count} activities, seed ${seed})`,
    description: 'Synthetic records in the shape of the research data, made by bench/generate.mjs for the benchmark.',
    updated: '2026-01-15T09:00:00Z',
    activities,
  };
}

/** The dataset as text: compact JSON (what local storage holds), or indented like the app's export. */
export function generateText(count, { seed = DEFAULT_SEED, pretty = false } = {}) {
  const dataset = generateDataset(count, { seed });
  return pretty ? `${JSON.stringify(dataset, null, 2)}\n` : JSON.stringify(dataset);
}

/**
 * Counts the activities the app's search keeps for `search` (src/model/filter.rs `matches_search`):
 * every word must appear, case-insensitively, in the title, summary, a field, a source's address or
 * title, or equal the id. The benchmark checks the list's "N of M" against it.
 */
export function countSearchMatches(dataset, search) {
  const words = search.trim().split(/\s+/).filter(Boolean).map((w) => w.toLowerCase());
  const has = (text, word) => text != null && text.toLowerCase().includes(word);
  return dataset.activities.filter((a) => words.every((word) => has(a.title, word)
    || a.id.toLowerCase() === word
    || has(a.summary, word)
    || (a.fields ?? []).some((f) => has(f, word))
    || (a.sources ?? []).some((s) => has(s.url, word) || has(s.title, word)))).length;
}

function main(argv) {
  const args = [...argv];
  let count = null;
  let seed = DEFAULT_SEED;
  let pretty = false;
  let out = null;
  while (args.length) {
    const arg = args.shift();
    if (arg === '--seed') seed = Number(args.shift());
    else if (arg === '--pretty') pretty = true;
    else if (arg === '--out') out = args.shift();
    else if (arg === '-h' || arg === '--help') count = NaN;
    else count = Number(arg);
  }
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(seed)) {
    process.stderr.write('usage: node bench/generate.mjs COUNT [--seed N] [--pretty] [--out FILE]\n');
    process.exit(2);
  }
  const text = generateText(count, { seed, pretty });
  if (out) {
    writeFileSync(out, text);
    process.stderr.write(`${out}: ${count} activities, ${text.length} bytes\n`);
  } else {
    process.stdout.write(text);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2));
}
