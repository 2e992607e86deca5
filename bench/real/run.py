"""The real-wording bench: the checkout's dossiercheck on files made from real published texts (see README.md).

Builds the files if needed (build.py), reads each with the library API (`inspect_file`) at a fixed reference
date, and prints, for the tuning and the holdout split separately: right type per kind, information pages taken
for a document, certificates and leases recognised, issue dates read right. Writes .cache/real/results.json.

Usage: python bench/real/run.py [--quick] [--split tuning|holdout|all]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))  # measure the code next to this bench, not an installed copy
sys.path.insert(0, str(HERE))

import yaml  # noqa: E402
from build import OUT, VARIANTS, build_all  # noqa: E402

from dossiercheck.api import inspect_file, read_options  # noqa: E402

REFERENCE_DATE = dt.date(2027, 1, 15)
CORE = ("good_conduct", "medical", "lease")
# The date field that holds a document's issue date (a lease is dated by its signing).
ISSUE_FIELD = {"lease": "signed"}
RESULTS = ROOT / ".cache" / "real" / "results.json"


def split_of(name: str) -> str:
    """The split rule, fixed before any result was seen: a third of the texts, by a hash of the name, are holdout."""
    return "holdout" if int(hashlib.sha256(name.encode()).hexdigest(), 16) % 3 == 0 else "tuning"


def load_truth() -> dict[str, dict[str, Any]]:
    truth = yaml.safe_load((HERE / "truth.yaml").read_text(encoding="utf-8"))["texts"]
    for name, entry in truth.items():
        if entry["split"] != split_of(name):
            raise SystemExit(f"truth.yaml: {name} is in {entry['split']}, the split rule says {split_of(name)}")
    return truth


def inspect_one(path: Path) -> dict[str, Any]:
    inspection = inspect_file(path, REFERENCE_DATE, read_options(jobs=1))
    if inspection.skipped is not None or not inspection.documents:
        return {"type": "unread", "about": None, "dates": {}, "cues": []}
    doc = inspection.documents[0]  # one text is one document; a split into parts would show in "parts"
    return {"type": doc.type, "about": doc.about, "confidence": round(doc.confidence, 3), "cues": list(doc.cues),
            "dates": {d.field: d.value.isoformat() for d in doc.dates if d.field},
            "parts": len(inspection.documents)}


def score(name: str, variant: str, truth: dict[str, Any], got: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"file": f"{name}/{variant}", "text": name, "variant": variant, "split": truth["split"],
                           "kind": truth["kind"], "expected": truth["type"], **got}
    if truth["type"] == "information":
        about = truth.get("about")
        row["right_type"] = got["type"] == "information"
        row["about_right"] = row["right_type"] and (about is None or got["about"] in about)
        row["taken_for_document"] = got["type"] in CORE
    else:
        row["right_type"] = got["type"] == truth["type"]
        expected = str(truth.get("issue")) if truth.get("issue") else None
        read = got["dates"].get(ISSUE_FIELD.get(truth["type"], "issue"))
        row["issue_expected"], row["issue_read"] = expected, read
        row["issue_right"] = row["right_type"] and expected is not None and read == expected
    return row


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "-"


def table(rows: list[dict[str, Any]], title: str) -> None:
    print(f"\n== {title}: {len(rows)} files from {len({r['text'] for r in rows})} texts")
    for kind in ("certificate", "lease", "information"):
        sel = [r for r in rows if r["kind"] == kind]
        print(f"  right type, {kind:<12} {pct(sum(r['right_type'] for r in sel), len(sel))}")
    print(f"  right type, all          {pct(sum(r['right_type'] for r in rows), len(rows))}")
    info = [r for r in rows if r["kind"] == "information"]
    print(f"  information pages taken for a document: {sum(r['taken_for_document'] for r in info)} of {len(info)}"
          f" (about the right type: {pct(sum(r['about_right'] for r in info), len(info))})")
    for t in CORE:
        sel = [r for r in rows if r["expected"] == t]
        print(f"  {t:<13} recognised {pct(sum(r['right_type'] for r in sel), len(sel))}, "
              f"issue date read right {pct(sum(r['issue_right'] for r in sel), len(sel))}")
    docs = [r for r in rows if r["kind"] != "information"]
    print(f"  issue dates read right, all documents {pct(sum(r['issue_right'] for r in docs), len(docs))}")
    for variant in VARIANTS:
        sel = [r for r in rows if r["variant"] == variant]
        dated = [r for r in sel if r["kind"] != "information"]
        print(f"  right type, {variant:<10} {pct(sum(r['right_type'] for r in sel), len(sel))}, "
              f"issue dates {pct(sum(r['issue_right'] for r in dated), len(dated))}")
    missed = [r for r in docs if not r["issue_right"]]
    not_read = sum(r["right_type"] and r["issue_read"] is None for r in missed)
    print(f"  issue dates missed: {sum(not r['right_type'] for r in missed)} wrong type, {not_read} not read, "
          f"{len(missed) - not_read - sum(not r['right_type'] for r in missed)} read wrong")
    wrong = [r for r in rows if not r["right_type"] or (r["kind"] != "information" and not r["issue_right"])]
    for r in wrong:
        issue = ""
        if r["kind"] != "information":
            issue = f" issue {r.get('issue_read')} (expected {r.get('issue_expected')})"
        about = f" about {r['about']}" if r.get("about") else ""
        print(f"    miss {r['file']}: {r['type']}{about}, expected {r['expected']}{issue}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="every third text only, scans and PDFs")
    parser.add_argument("--split", choices=["tuning", "holdout", "all"], default="all")
    parser.add_argument("--jobs", type=int, default=2, help="files read at once")
    args = parser.parse_args()
    truth = load_truth()
    names = sorted(n for n, t in truth.items() if args.split in ("all", t["split"]))
    variants = VARIANTS
    if args.quick:
        names, variants = names[::3], ("scan.png", "text.pdf")
    build_all(names)
    started = time.monotonic()
    jobs = [(n, v) for n in names for v in variants]
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        got = list(pool.map(lambda job: inspect_one(OUT / job[0] / job[1]), jobs))
    rows = [score(n, v, truth[n], g) for (n, v), g in zip(jobs, got, strict=True)]
    seconds = time.monotonic() - started
    for split in ("tuning", "holdout"):
        sel = [r for r in rows if r["split"] == split]
        if sel:
            table(sel, f"{split}{' (never tune on it)' if split == 'holdout' else ''}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"reference_date": REFERENCE_DATE.isoformat(), "quick": args.quick,
                                   "split": args.split, "seconds": round(seconds, 1), "rows": rows},
                                  indent=1, ensure_ascii=False) + "\n")
    print(f"\n{len(rows)} files read in {seconds:.0f} s; rows in {RESULTS}")


if __name__ == "__main__":
    main()
