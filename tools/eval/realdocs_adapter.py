#!/usr/bin/env python3
"""An oplex database as prediction JSON files for the realdocs scorer (score.py).

    python3 tools/eval/realdocs_adapter.py DB OUT_DIR

The project's copy of ../shared/realdocs/adapter.py, following oplex's schema (that folder's
README asks for one when the schema moves on). Beyond the shared adapter, it writes each
activity's `area` (activity.responsible) and `deliverables` (deliverable rows linked through
activity_deliverable), so that score.py's area_ok and deliv_R measure them. `stated_totals` stay
out: oplex's stated_total counts subprograms, projects and activities, not the sums and
enrolment figures the truth keeps under that name.
"""
import json
import os
import sqlite3
import sys


def months_of(db, activity):
    """The 12 marks (0/1) and monthly quantities of an activity's months, from activity_month."""
    rows = db.execute("SELECT month, marked, planned_value FROM activity_month"
                      " WHERE activity_id = ?", (activity["id"],)).fetchall()
    marks, planned = [0] * 12, [None] * 12
    for r in rows:
        i = int(r["month"]) - 1
        if 0 <= i < 12:
            if r["marked"] is not None:
                marks[i] = 1 if r["marked"] else 0
            planned[i] = r["planned_value"]
    return (marks if rows else None), planned


def activity_record(db, a):
    rec = {"code": a["code"], "text": a["text"], "unit": a["unit"], "annual": a["annual_value"],
           "area": a["responsible"]}
    mask = a["months_mask"]
    months = [(mask >> i) & 1 for i in range(12)] if isinstance(mask, int) else None
    marks, planned = months_of(db, a)
    if months is None:
        months = marks
    if any(q is not None for q in planned):
        rec["monthly"] = planned
    rec["months"] = months
    rec["deliverables"] = [r[0] for r in db.execute(
        "SELECT d.text FROM deliverable d JOIN activity_deliverable l ON l.deliverable_id = d.id"
        " WHERE l.activity_id = ? ORDER BY d.id", (a["id"],))]
    return rec


def indicator_record(r):
    rec = {k: r[k] for k in r.keys()}
    # Figures kept as written (<field>_raw) stand for the truth's plain field names.
    for f in ("baseline", "target", "progress", "budget", "programmed", "achieved"):
        if rec.get(f) is None:
            rec[f] = rec.get(f + "_raw", rec.get(f + "_value"))
    return rec


def main(path, out):
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    os.makedirs(out, exist_ok=True)
    for d in db.execute("SELECT id, path FROM document").fetchall():
        stem = os.path.splitext(os.path.basename(d["path"]))[0]
        doc = (d["id"],)
        pred = {
            "document": {},
            "activities": [activity_record(db, a) for a in db.execute(
                "SELECT * FROM activity WHERE document_id = ? ORDER BY id", doc).fetchall()],
            "indicators": [indicator_record(r) for r in db.execute(
                "SELECT * FROM indicator WHERE document_id = ? ORDER BY id", doc)],
            "events": [{"date": r["date"], "kind": r["kind"], "text": r["text"]} for r in db.execute(
                "SELECT date, kind, text FROM event WHERE document_id = ? ORDER BY id", doc)],
            "references": [r[0] for r in db.execute(
                "SELECT code FROM reference WHERE document_id = ? ORDER BY id", doc)],
        }
        with open(os.path.join(out, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(pred, f, ensure_ascii=False, indent=1, default=str)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
