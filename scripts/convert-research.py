#!/usr/bin/env python3
"""Builds the app's default dataset, format version 1 (src/model/default_dataset.json), from the
researched activities in scripts/research/ (copies of shared/reference/activities-research.json and
activities-research-2.json, with research-notes-2.md beside them).

Usage: python3 scripts/convert-research.py

The conversion invents nothing and is deterministic (the same inputs give the same bytes):

- Titles, summaries, measures, fields, countries, years, sources and confidence flags are carried over
  as researched. Field labels are only re-cased to the spelling the app uses.
- The corrections of research-notes-2.md are applied from scripts/research-corrections.json, one entry
  per record, and each corrected record says what changed in an extra key "corrections".
- A dated event inside a multi-year programme (the notes' table, "events" in the corrections file)
  stays a record of its own, with its sources, confidence and research id, and names its programme in
  "partOf": the app counts a programme and its events once (src/model/programmes.rs). The programme is
  made to cover its events: its years, and its member states and measures when an event lies outside
  them, are extended, and the programme says so in "corrections".
- A near-duplicate ("folds" in the same file) is folded into the record it duplicates as a dated
  follow-up that keeps its own sources, research id and confidence; the record's end year is extended
  to its last follow-up's year, so that every follow-up lies within its years.
- A partner outside ASEAN (Palau) is never listed as a member state: it is kept in "partnersOutsideAsean".
- The three directions are derived from measures and fields by scripts/directions-rule.json, and the
  record says so in "directionsDerived" (the editor drops that mark when someone edits the directions).
- A record without a known year gets the placeholder start year below and says so in "datePlaceholder";
  an event without a known year takes its programme's start year (as a one-year event) and says so the
  same way.
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
RESEARCH = ROOT / "scripts" / "research"
INPUTS = [RESEARCH / "activities-research.json", RESEARCH / "activities-research-2.json"]
CORRECTIONS = ROOT / "scripts" / "research-corrections.json"
DIRECTIONS_RULE = ROOT / "scripts" / "directions-rule.json"
OUTPUT = ROOT / "src" / "model" / "default_dataset.json"

MEMBER_STATES = {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "TLS", "VNM"}
DIRECTION_ORDER = ["rule-of-law", "maritime-security", "diverse-capabilities"]

# Spelling the app uses for the researched labels (compared case-insensitively in the format).
FIELD_SPELLING = {
    "ha/dr": "HA/DR", "pko": "PKO", "wps": "WPS", "mine/uxo clearance": "Mine/UXO clearance",
    "cbrne": "CBRNE", "cbre": "CBRE", "vbss": "VBSS", "aoip": "AOIP", "iuu fishing": "IUU fishing",
}

PLACEHOLDER_START = 2016
PLACEHOLDER_NOTE = (
    "The sources name this field of assistance but give no dated project. The start year 2016 "
    "(the Vision's announcement) is a placeholder, not a researched date."
)
EVENT_PLACEHOLDER_NOTE = (
    "The source gives no year for this event. The year shown is its programme's start year, a "
    "placeholder, not a researched date."
)


def field_label(label):
    return FIELD_SPELLING.get(label.lower(), label[:1].upper() + label[1:])


def years_label(start, end):
    if end is None:
        return f"{start}–ongoing"
    return str(start) if end == start else f"{start}–{end}"


def derive_directions(record, rule):
    found = {rule["measures"][m] for m in record["measures"] if m in rule["measures"]}
    found |= {rule["fields"][f.lower()] for f in record["fields"] if f.lower() in rule["fields"]}
    return [d for d in DIRECTION_ORDER if d in found]


def apply_correction(record, correction):
    """The corrected researched record (a copy): fields set, sources added, a follow-up noted."""
    record = json.loads(json.dumps(record))
    for key, value in correction["set"].items():
        if key == "start":
            record["years"][0] = value
        elif key == "end":
            record["years"][1] = value
        else:
            assert key in ("title", "summary", "confidence"), key
            record[key] = value
    for url in correction["addSources"]:
        if url not in record["sources"]:
            record["sources"].append(url)
    record["corrections"] = [correction["note"]]
    if "followUp" in correction:
        record.setdefault("followUps", []).append(correction["followUp"])
    return record


def event_follow_up(event, programme_start):
    """A folded event as a dated follow-up of its programme, keeping its sources and confidence."""
    start, end = event["years"]
    note = f"{event['title']}: {event['summary']}"
    if start is not None and end is not None and end != start or start is not None and end is None:
        note = f"{years_label(start, end)}: {note}"
    follow_up = {"year": start if start is not None else programme_start, "note": note}
    follow_up["sources"] = [{"url": url} for url in event["sources"]]
    follow_up["researchId"] = event["id"]
    follow_up["confidence"] = event["confidence"]
    if start is None:
        follow_up["datePlaceholder"] = EVENT_PLACEHOLDER_NOTE
    return follow_up


def cover_events(record, events):
    """The programme (a copy) extended over its events' years, member states and measures, each
    extension said in "corrections"; `events` are the researched records with their years resolved."""
    record = json.loads(json.dumps(record))
    start, end = record["years"]
    notes = []
    first = min(e["years"][0] for e in events)
    if start is not None and first < start:
        notes.append(f"start year {start} → {first}")
        record["years"][0] = first
    if end is not None:
        ends = [e["years"][1] if e["years"][1] is not None else None for e in events]
        last = None if None in ends else max(max(e for e in ends), max(e["years"][0] for e in events))
        if last is None or last > end:
            notes.append(f"end year {end} → {'ongoing' if last is None else last}")
            record["years"][1] = last
    if record["countries"] != "ASEAN":
        added = [c for e in events if e["countries"] != "ASEAN" for c in e["countries"]
                 if c not in record["countries"]]
        added = list(dict.fromkeys(added))
        if added:
            notes.append("member states + " + ", ".join(added))
            record["countries"] = record["countries"] + added
    measures = list(dict.fromkeys(m for e in events for m in e["measures"] if m not in record["measures"]))
    if measures:
        notes.append("measures + " + ", ".join(measures))
        record["measures"] = record["measures"] + measures
    if notes:
        ids = ", ".join(e["id"] for e in events)
        record.setdefault("corrections", []).append(
            f"Extended to cover its dated events ({ids}): {'; '.join(notes)}."
        )
    return record


def convert(record, follow_ups, outside, rule, part_of=None):
    start, end = record["years"]
    activity = {"id": record["id"], "title": record["title"]}
    if record.get("summary"):
        activity["summary"] = record["summary"]
    activity["measures"] = record["measures"]
    directions = derive_directions(record, rule)
    if directions:
        activity["directions"] = directions
    if record["fields"]:
        activity["fields"] = [field_label(f) for f in record["fields"]]
    partners = []
    if record["countries"] == "ASEAN":
        activity["scope"] = "asean-wide"
    else:
        activity["scope"] = "member-states"
        activity["countries"] = [c for c in record["countries"] if c in MEMBER_STATES]
        partners = [c for c in record["countries"] if c not in MEMBER_STATES]
        assert all(c in outside for c in partners), partners
        assert activity["countries"], record["id"]
    activity["start"] = start if start is not None else PLACEHOLDER_START
    last_event = max((f["year"] for f in follow_ups), default=None)
    if end is not None and last_event is not None and last_event > end:
        end = last_event
    if end is not None:
        activity["end"] = end
    activity["confidence"] = record["confidence"]
    if part_of is not None:
        activity["partOf"] = part_of
    if follow_ups:
        activity["followUps"] = follow_ups
    activity["sources"] = [{"url": url} for url in record["sources"]]
    if partners:
        activity["partnersOutsideAsean"] = partners
    if directions:
        activity["directionsDerived"] = True
    if "corrections" in record:
        activity["corrections"] = record["corrections"]
    if "datePlaceholder" in record:
        activity["datePlaceholder"] = record["datePlaceholder"]
    elif start is None:
        activity["datePlaceholder"] = PLACEHOLDER_NOTE
    return activity


def build():
    records = [r for path in INPUTS for r in json.loads(path.read_text(encoding="utf-8"))]
    by_id = {r["id"]: r for r in records}
    assert len(by_id) == len(records), "research ids are unique"
    plan = json.loads(CORRECTIONS.read_text(encoding="utf-8"))
    rule = json.loads(DIRECTIONS_RULE.read_text(encoding="utf-8"))

    for correction in plan["corrections"]:
        by_id[correction["id"]] = apply_correction(by_id[correction["id"]], correction)

    programme_of = {}
    for fold in plan["folds"]:
        for event in fold["events"]:
            assert event not in programme_of and event not in {f["programme"] for f in plan["folds"]}
            programme_of[event] = fold["programme"]

    # The notes' dated events: records of their own, naming their programme. An undated event takes its
    # programme's start year as a one-year event, and says so.
    part_of = {}
    for group in plan["events"]:
        programme = by_id[group["programme"]]
        assert group["programme"] not in part_of and group["programme"] not in programme_of
        programme_start = programme["years"][0] if programme["years"][0] is not None else PLACEHOLDER_START
        events = []
        for event_id in group["events"]:
            assert event_id not in part_of and event_id not in programme_of
            part_of[event_id] = group["programme"]
            event = json.loads(json.dumps(by_id[event_id]))
            if event["years"][0] is None:
                assert event["years"][1] is None, event_id
                event["years"] = [programme_start, programme_start]
                event["datePlaceholder"] = EVENT_PLACEHOLDER_NOTE
            by_id[event_id] = event
            events.append(event)
        by_id[group["programme"]] = cover_events(programme, events)

    activities = []
    for record_id in sorted(by_id):
        if record_id in programme_of:
            continue
        record = by_id[record_id]
        programme_start = record["years"][0] if record["years"][0] is not None else PLACEHOLDER_START
        corrected = [
            {"year": f["year"], "note": f["note"], "sources": [{"url": u} for u in f["sources"]]}
            for f in record.get("followUps", [])
        ]
        events = [
            event_follow_up(by_id[e], programme_start)
            for fold in plan["folds"] if fold["programme"] == record_id
            for e in fold["events"]
        ]
        # Stable by year: events in the notes' order within a year.
        follow_ups = sorted(corrected + events, key=lambda f: f["year"])
        activities.append(
            convert(record, follow_ups, plan["partnersOutsideAsean"], rule, part_of.get(record_id))
        )
    return activities


def main():
    activities = build()
    verified = sum(1 for a in activities if a["confidence"] == "verified")
    events = sum(1 for a in activities if "partOf" in a)
    dataset = {
        "format": "vientiane-vision",
        "version": 1,
        "title": "Japan–ASEAN defense cooperation under the Vientiane Vision",
        "description": (
            f"Researched sample: {len(activities)} activities ({len(activities) - events} counted) from public sources (Japan's Ministry of "
            "Defense, MOFA, the ASEAN Secretariat, other governments and regional news), each with its "
            "sources and a confidence flag; a dated event of a programme is its own record, part of the "
            "programme, and counts once, through it. Measure "
            "codes are the researcher's mapping of each activity to the Vision's five measures; an "
            "activity without a measure is a dialogue or follow-up mechanism. Directions are derived "
            "from measures and fields."
        ),
        "updated": "2026-12-01T00:00:00Z",
        "activities": activities,
    }
    OUTPUT.write_text(json.dumps(dataset, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(
        f"wrote {len(activities)} activities ({verified} verified, {len(activities) - verified} "
        f"uncertain; {events} dated events of a programme, {len(activities) - events} counted) to "
        f"{OUTPUT.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
