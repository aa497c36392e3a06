#!/usr/bin/env python3
"""Converts the researched activities (shared/reference/activities-research.json) into the app's
default dataset, format version 1 (src/model/default_dataset.json).

Usage: python3 scripts/convert-research.py [path/to/activities-research.json]

The conversion invents nothing: titles, summaries, measures, fields, countries, years, sources and
confidence flags are carried over as researched. Field labels are only re-cased to the spelling the app
uses. Two records have no known year; the format requires a start year, so they get the placeholder
below and say so in an extra key that the app keeps and shows.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT.parent / "shared" / "reference" / "activities-research.json"
OUTPUT = ROOT / "src" / "model" / "default_dataset.json"

# Spelling the app uses for the researched labels (compared case-insensitively in the format).
FIELD_SPELLING = {
    "ha/dr": "HA/DR", "pko": "PKO", "wps": "WPS", "mine/uxo clearance": "Mine/UXO clearance",
}

PLACEHOLDER_START = 2016
PLACEHOLDER_NOTE = (
    "The sources name this field of assistance but give no dated project. The start year 2016 "
    "(the Vision's announcement) is a placeholder, not a researched date."
)


def field_label(label):
    return FIELD_SPELLING.get(label.lower(), label[:1].upper() + label[1:])


def convert(record):
    start, end = record["years"]
    activity = {"id": record["id"], "title": record["title"]}
    if record.get("summary"):
        activity["summary"] = record["summary"]
    activity["measures"] = record["measures"]
    if record["fields"]:
        activity["fields"] = [field_label(f) for f in record["fields"]]
    if record["countries"] == "ASEAN":
        activity["scope"] = "asean-wide"
    else:
        activity["scope"] = "member-states"
        activity["countries"] = record["countries"]
    activity["start"] = start if start is not None else PLACEHOLDER_START
    if end is not None:
        activity["end"] = end
    activity["confidence"] = record["confidence"]
    activity["sources"] = [{"url": url} for url in record["sources"]]
    if start is None:
        activity["datePlaceholder"] = PLACEHOLDER_NOTE
    return activity


def main():
    source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_INPUT
    records = json.loads(source.read_text(encoding="utf-8"))
    dataset = {
        "format": "vientiane-vision",
        "version": 1,
        "title": "Japan–ASEAN defense cooperation under the Vientiane Vision",
        "description": (
            "Researched sample: 79 activities from public sources (Japan's Ministry of Defense, MOFA, "
            "the ASEAN Secretariat and regional news), each with its sources and a confidence flag. "
            "Measure codes are the researcher's mapping of each activity to the Vision's five measures; "
            "an activity without a measure is a dialogue or follow-up mechanism."
        ),
        "updated": "2026-11-28T00:00:00Z",
        "activities": sorted((convert(r) for r in records), key=lambda a: a["id"]),
    }
    OUTPUT.write_text(json.dumps(dataset, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(dataset['activities'])} activities to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
