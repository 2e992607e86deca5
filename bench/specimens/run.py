"""The specimen bench: dossiercheck and PassportEye on the same public specimen images, side by side.

Usage: python bench/specimens/run.py [--quick] [--only ours|passporteye] [--match TEXT ...]

Materialises the images (bench/specimens/materialise.py), reads every one with dossiercheck (in this
process, through bench/specimens/ours.py) and then with PassportEye (in its own bench-only venv,
bench/specimens/passporteye_runner.py), one after the other on this machine, and prints for tuning,
holdout and all:

- birth AND expiry read right from the MRZ, on images whose printed MRZ is valid (the issue's target);
- printed-invalid MRZs reported valid;
- negatives taken for an identity document;
- identity documents of the right kind (dossiercheck only: PassportEye does not classify);
- the specimens printed with a birth date that is not a calendar day: answered "not a real date";
- seconds per image for each tool.

Per-image failures are printed for TUNING images only; holdout is aggregate only, here and in
.cache/specimens/results.json. Timing: each tool runs in one long-lived process with its library
imported and one untimed warm-up read; an image's seconds are the wall time of one call (dossiercheck:
`ours.read_identity`, which inspects the file with no cache and one worker; PassportEye: `read_mrz`).
Both start their OCR engine per call (PassportEye a tesseract subprocess, dossiercheck its page-reading
worker), both run with OMP_THREAD_LIMIT=1 and the same niceness, never at the same time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Measure the code of this checkout, not whatever dossiercheck the environment has installed.
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from bench.specimens.materialise import DEFAULT_MIRRORS, OUT, load_manifest, materialise, report  # noqa: E402

PE_VENV = ROOT / ".cache" / "bench-venv" / "passporteye"
RESULTS = ROOT / ".cache" / "specimens" / "results.json"
ID_KINDS = ("passport", "id_card", "residence_card", "visa")
PARTS = ("tuning", "holdout", "all")


# ---------------------------------------------------------------- reading

def run_ours(items: list[dict], files: dict[str, Path], reference: dt.date) -> dict[str, dict]:
    from bench.specimens.ours import read_identity

    if not items:
        return {}
    print(f"dossiercheck: reading {len(items)} images (one warm-up read first, not counted) ...", flush=True)
    read_identity(files[items[0]["id"]], reference)  # warm-up, not counted
    results = {}
    for n, item in enumerate(items, 1):
        try:
            results[item["id"]] = read_identity(files[item["id"]], reference)
        except Exception as exc:  # noqa: BLE001 - a crash on one image is that image's result
            results[item["id"]] = {"type": None, "mrz": None, "error": f"{type(exc).__name__}: {exc}", "seconds": None}
        if sys.stderr.isatty():
            print(f"\r  dossiercheck {n}/{len(items)}", end="", file=sys.stderr, flush=True)
    return results


def run_passporteye(items: list[dict], files: dict[str, Path]) -> dict[str, dict] | None:
    python = PE_VENV / "bin" / "python"
    if not python.is_file():
        print(f"PassportEye: no bench venv at {PE_VENV.relative_to(ROOT)}: run bench/specimens/setup_passporteye.sh")
        return None
    print(f"PassportEye: reading {len(items)} images (one warm-up read first, not counted) ...", flush=True)
    by_path = {str(files[item["id"]]): item["id"] for item in items}
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(by_path) + "\n")
    results: dict[str, dict] = {}
    try:
        process = subprocess.Popen([str(python), str(Path(__file__).with_name("passporteye_runner.py")), listing.name],
                                   stdout=subprocess.PIPE, text=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        assert process.stdout is not None
        for line in process.stdout:
            row = json.loads(line)
            results[by_path[row["path"]]] = row
            if sys.stderr.isatty():
                print(f"\r  PassportEye {len(results)}/{len(items)}", end="", file=sys.stderr, flush=True)
        process.wait()
    finally:
        os.unlink(listing.name)
    return results


# ---------------------------------------------------------------- scoring

def accepted_births(mrz: dict) -> list[str]:
    return [mrz["birth"], *mrz.get("birth_also_accept", [])]


def ours_dates(item: dict, got: dict) -> tuple[bool, str]:
    """Birth and expiry both right from the MRZ; with what was wrong."""
    want, mrz = item["expected"]["mrz"], got.get("mrz")
    if mrz is None:
        return False, "no MRZ read"
    wrong = []
    if want["birth"] is None:  # printed birth date is not a calendar day
        if mrz["birth"] is not None:
            wrong.append(f"MRZ birth {mrz['birth']} (printed {want['birth_raw']}: not a real date)")
        if got.get("birth") is not None:
            wrong.append(f"document birth date {got['birth']} (printed {want['birth_raw']}: not a real date)")
    elif mrz["birth"] not in accepted_births(want):
        wrong.append(f"MRZ birth {mrz['birth']} (expected {want['birth']})")
    if want["expiry"] is not None and mrz["expiry"] != want["expiry"]:
        wrong.append(f"MRZ expiry {mrz['expiry']} (expected {want['expiry']})")
    return not wrong, "; ".join(wrong)


def pe_dates(item: dict, got: dict | None) -> bool:
    """PassportEye gives raw YYMMDD fields: right when they are the printed ones (no century to choose)."""
    want, mrz = item["expected"]["mrz"], (got or {}).get("mrz")
    if mrz is None:
        return False
    expiry_ok = want["expiry_raw"] is None or mrz.get("expiration_date") == want["expiry_raw"]
    return mrz.get("date_of_birth") == want["birth_raw"] and expiry_ok


def pe_claims_valid(got: dict | None) -> bool:
    mrz = (got or {}).get("mrz")
    return bool(mrz and mrz.get("valid_check_digits") and all(mrz["valid_check_digits"]))


def ours_claims_valid(got: dict) -> bool:
    return bool((got.get("mrz") or {}).get("valid"))


def ours_is_identity(got: dict) -> bool:
    return got.get("type") in ID_KINDS and not got.get("about")


def score(items: list[dict], ours: dict[str, dict], pe: dict[str, dict] | None) -> dict:
    def part(name: str) -> list[dict]:
        return items if name == "all" else [i for i in items if i["split"] == name]

    figures: dict[str, dict] = {}
    for name in PARTS:
        mine = part(name)
        target = [i for i in mine if i["expected"]["mrz"] and i["expected"]["mrz"]["printed_valid"]]
        invalid = [i for i in mine if i["expected"]["mrz"] and not i["expected"]["mrz"]["printed_valid"]]
        negatives = [i for i in mine if not i["identity_document"]]
        identity = [i for i in mine if i["identity_document"]]
        odd = [i for i in mine if (i["expected"]["mrz"] or {}).get("birth_is_calendar_day") is False]
        with_mrz = [i for i in mine if i["expected"]["mrz"]]
        f: dict[str, dict] = {
            "images": {"n": len(mine)},
            "dates_right": {"n": len(target), "ours": sum(ours_dates(i, ours[i["id"]])[0] for i in target)},
            "invalid_reported_valid": {"n": len(invalid),
                                       "ours": sum(ours_claims_valid(ours[i["id"]]) for i in invalid)},
            "negatives_taken_for_id": {"n": len(negatives),
                                       "ours": sum(ours_is_identity(ours[i["id"]]) for i in negatives)},
            "right_kind": {"n": len(identity), "ours": sum(kind_right(i, ours[i["id"]]) for i in identity)},
            "not_a_calendar_day_right": {"n": len(odd), "ours": sum(ours_dates(i, ours[i["id"]])[0] for i in odd)},
            "mrz_found": {"n": len(with_mrz), "ours": sum(ours[i["id"]].get("mrz") is not None for i in with_mrz)},
            "seconds_per_image": {"n": len(mine), "ours": seconds([ours[i["id"]].get("seconds") for i in mine])},
        }
        if pe is not None:
            f["dates_right"]["passporteye"] = sum(pe_dates(i, pe.get(i["id"])) for i in target)
            f["invalid_reported_valid"]["passporteye"] = sum(pe_claims_valid(pe.get(i["id"])) for i in invalid)
            # PassportEye does not classify: a valid MRZ claimed on a negative is the nearest it comes.
            f["negatives_taken_for_id"]["passporteye"] = sum(pe_claims_valid(pe.get(i["id"])) for i in negatives)
            f["not_a_calendar_day_right"]["passporteye"] = sum(pe_dates(i, pe.get(i["id"])) for i in odd)
            f["mrz_found"]["passporteye"] = sum((pe.get(i["id"]) or {}).get("mrz") is not None for i in with_mrz)
            f["seconds_per_image"]["passporteye"] = seconds([(pe.get(i["id"]) or {}).get("seconds") for i in mine])
        figures[name] = f
    return figures


def kind_right(item: dict, got: dict) -> bool:
    return got.get("type") in [item["kind"], *item.get("also_accept_kind", [])] and not got.get("about")


def seconds(values: list[float | None]) -> dict | None:
    found = [v for v in values if v is not None]
    if not found:
        return None
    return {"mean": round(statistics.fmean(found), 2), "median": round(statistics.median(found), 2),
            "max": round(max(found), 2), "total": round(sum(found), 1)}


def failures(item: dict, got: dict) -> list[str]:
    """What dossiercheck got wrong on one image (printed for tuning images only)."""
    wrong = []
    want = item["expected"]["mrz"]
    if got.get("error"):
        wrong.append(f"crashed: {got['error']}")
    if want is not None and want["printed_valid"]:
        ok, why = ours_dates(item, got)
        if not ok:
            wrong.append(why)
    if want is not None and not want["printed_valid"] and (got.get("mrz") or {}).get("valid"):
        wrong.append("printed-invalid MRZ reported valid" + (" (corrected)" if got["mrz"].get("corrected") else ""))
    if item["identity_document"] and not kind_right(item, got):
        wrong.append(f"taken for {got.get('type')}{' (about)' if got.get('about') else ''}, is {item['kind']}")
    if not item["identity_document"] and ours_is_identity(got):
        wrong.append(f"negative taken for {got.get('type')}")
    if want is not None and want["printed_valid"] and got.get("mrz") and not got["mrz"]["valid"]:
        wrong.append("MRZ read with failing checks: " + ",".join(k for k, v in got["mrz"]["checks"].items() if not v))
    return wrong


# ---------------------------------------------------------------- output

ROWS = (
    ("dates_right", "birth AND expiry right from the MRZ (printed MRZ valid)"),
    ("invalid_reported_valid", "printed-invalid MRZ reported valid (target 0)"),
    ("negatives_taken_for_id", "negatives taken for an identity document (0)"),
    ("right_kind", "identity documents of the right kind"),
    ("not_a_calendar_day_right", "birth not a calendar day: 'not a real date'"),
    ("mrz_found", "an MRZ returned (images with an MRZ)"),
)


def cell(value: object, n: int) -> str:
    return "-" if value is None else f"{value}/{n}"


def print_figures(figures: dict, has_pe: bool) -> None:
    print(f"{'':52}" + "".join(f"{p:>26}" for p in PARTS))
    print(f"{'':52}" + "".join(f"{'dossiercheck':>13}{'PassportEye':>13}" for _ in PARTS))
    for key, label in ROWS:
        row = f"{label:52}"
        for p in PARTS:
            f = figures[p][key]
            row += f"{cell(f['ours'], f['n']):>13}{cell(f.get('passporteye') if has_pe else None, f['n']):>13}"
        print(row)
    row = f"{'seconds per image, mean (median)':52}"
    for p in PARTS:
        f = figures[p]["seconds_per_image"]
        for tool in ("ours", "passporteye"):
            s = f.get(tool)
            text = f"{s['mean']:.2f} ({s['median']:.2f})" if s else "-"
            row += f"{text:>13}"
    print(row)
    print("(PassportEye does not classify: its 'negatives' figure counts valid MRZs it claimed on them; its dates are")
    print(" compared as the raw YYMMDD it returns, so 'not a real date' is the printed 110229 read right)")


def main() -> None:
    parser = argparse.ArgumentParser(description="dossiercheck and PassportEye on public specimen images")
    parser.add_argument("--quick", action="store_true", help="every sixth image only, for a smoke run")
    parser.add_argument("--only", choices=["ours", "passporteye"], help="run one tool only")
    parser.add_argument("--mirrors", type=Path, default=DEFAULT_MIRRORS)
    parser.add_argument("--match", action="append", metavar="TEXT",
                        help="only TUNING images whose id holds TEXT (repeatable; to iterate on failures; "
                             "results.json is left alone)")
    args = parser.parse_args()

    manifest = load_manifest()
    reference = dt.date.fromisoformat(manifest["reference_date"])
    done = materialise(args.mirrors, quiet=True)
    report(done, len(manifest["items"]), args.mirrors)
    items = [i for i in manifest["items"] if i["id"] in done.files]
    if args.quick:
        items = items[::6]
    if args.match:
        # Iterating on a subset: tuning images only, so no holdout image is ever looked at one by one.
        items = [i for i in items if i["split"] == "tuning" and any(m in i["id"] for m in args.match)]
    if not items:
        print("specimen bench skipped: no images to read (fetch the repositories above, then run materialise.py)")
        return
    print(f"reading {len(items)} images ({sum(i['split'] == 'tuning' for i in items)} tuning, "
          f"{sum(i['split'] == 'holdout' for i in items)} holdout), reference date {reference}")

    started = time.perf_counter()
    ours = run_ours(items, done.files, reference) if args.only != "passporteye" else {}
    ours_wall = time.perf_counter() - started
    pe_started = time.perf_counter()
    pe = run_passporteye(items, done.files) if args.only != "ours" else None
    pe_wall = time.perf_counter() - pe_started
    if not ours:
        ours = {i["id"]: {"type": None, "mrz": None, "seconds": None} for i in items}

    figures = score(items, ours, pe)
    print()
    print_figures(figures, pe is not None)
    print(f"\nwall time: dossiercheck {ours_wall:.0f} s, PassportEye {pe_wall:.0f} s, for {len(items)} images")

    tuning_failures = {}
    for item in items:
        if item["split"] != "tuning" or args.only == "passporteye":
            continue
        wrong = failures(item, ours[item["id"]])
        if wrong:
            tuning_failures[item["id"]] = wrong
    if tuning_failures:
        print(f"\ndossiercheck failures on TUNING images ({len(tuning_failures)}; holdout is never listed):")
        for item_id, wrong in tuning_failures.items():
            item = next(i for i in items if i["id"] == item_id)
            print(f"  {item_id}  [{item['kind']}; {', '.join(item['conditions'][:2])}]")
            for why in wrong:
                print(f"      {why}")

    if args.match:
        return
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    tuning_ids = [i["id"] for i in items if i["split"] == "tuning"]
    RESULTS.write_text(json.dumps({
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "quick": args.quick,
        "images": len(items),
        "missing_repositories": done.missing_repos,
        "wall_seconds": {"ours": round(ours_wall, 1), "passporteye": round(pe_wall, 1) if pe is not None else None},
        "figures": figures,
        # Per-image results for tuning images only; holdout stays aggregate.
        "tuning": {i: {"ours": ours[i], "passporteye": (pe or {}).get(i), "failures": tuning_failures.get(i, [])}
                   for i in tuning_ids},
    }, indent=1, ensure_ascii=False, default=str))
    print(f"\nfigures written to {RESULTS.relative_to(ROOT)}; images in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
