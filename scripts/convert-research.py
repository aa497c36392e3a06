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
- A dated event inside a multi-year programme (the notes' table, and the near-duplicates listed in the
  same file) is folded into its programme as a dated follow-up that keeps its own sources, research id
  and confidence, so a programme counts once on the map. A programme's end year is extended to its last
  event's year, so that every follow-up lies within its years.
- A partner outside ASEAN (Palau) is never listed as a member state: it is kept in "partnersOutsideAsean".
- The three directions are derived from measures and fields by scripts/directions-rule.json, and the
  record says so in "directionsDerived" (the editor drops that mark when someone edits the directions).
- A record without a known year gets the placeholder start year below and says so in "datePlaceholder";
  a folded event without a known year takes its programme's start year and says so the same way.
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


def convert(record, follow_ups, outside, rule):
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
    if follow_ups:
        activity["followUps"] = follow_ups
    activity["sources"] = [{"url": url} for url in record["sources"]]
    if partners:
        activity["partnersOutsideAsean"] = partners
    if directions:
        activity["directionsDerived"] = True
    if "corrections" in record:
        activity["corrections"] = record["corrections"]
    if start is None:
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
        activities.append(convert(record, follow_ups, plan["partnersOutsideAsean"], rule))
    return activities


def main():
    activities = build()
    verified = sum(1 for a in activities if a["confidence"] == "verified")
    dataset = {
        "format": "vientiane-vision",
        "version": 1,
        "title": "Japan–ASEAN defense cooperation under the Vientiane Vision",
        "description": (
            f"Researched sample: {len(activities)} activities from public sources (Japan's Ministry of "
            "Defense, MOFA, the ASEAN Secretariat, other governments and regional news), each with its "
            "sources and a confidence flag; dated events of a programme are its follow-ups. Measure "
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
        f"uncertain) to {OUTPUT.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
