"""`make bench`: speed, memory and accuracy on generated corpora (made once, kept in .cache/bench).

Usage: python bench/run.py [--quick] [--only speed|accuracy|faces|batch]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from samplegen import make_corpus, make_dossier  # noqa: E402

from bench.accuracy import print_scores, score_corpus  # noqa: E402
from bench.speed import bench_speed  # noqa: E402

CACHE = ROOT / ".cache" / "bench"
REFERENCE_DATE = dt.date(2027, 1, 15)


# The documents whose dates decide a verdict; a corpus of only these gives the key-date and MRZ
# figures a few hundred cases instead of a few dozen.
KEY_TYPES = ("passport", "passport", "good_conduct", "medical")
# Fresh seeds for the holdout corpora: change them (never reuse one) once their failures have been read.
UNSEEN_SEED, UNSEEN_KEY_SEED = 909, 1010


def corpus(name: str, files: int, seed: int, holdout: bool, types: tuple[str, ...] | None = None) -> Path:
    """Generate the corpus once; a finished one is marked by its truth file."""
    folder = CACHE / f"{name}-{files}-{seed}{'-holdout' if holdout else ''}"
    if not (folder.parent / f"{folder.name}.truth.json").exists():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"generating {folder.name} ...", flush=True)
        make_corpus(folder, files, seed, holdout, types)
    return folder


# The procedures most applicants go through, for dossiers of a realistic size (9 to 14 pages).
SPEED_PROFILES = ("visa-d/employee", "visa-d/student", "visa-d/family", "municipality/registration",
                  "long-term-resident", "eu/employee")


def holdout_dossiers(count: int, seed: int) -> list[Path]:
    """`count` dossiers of the main procedures made with the generator's holdout templates."""
    folder = CACHE / f"dossiers-{count}-{seed}-holdout-main"
    done = CACHE / f"{folder.name}.done"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"generating {folder.name} ...", flush=True)
        for i, profile in enumerate(SPEED_PROFILES[:count]):
            make_dossier(folder / f"{i:02d}-{profile.replace('/', '-')}", profile, REFERENCE_DATE, seed + i, None, True)
        done.write_text("generated\n")
    return sorted(p for p in folder.iterdir() if p.is_dir())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small corpora, for a smoke run")
    parser.add_argument("--only", choices=["speed", "accuracy", "faces", "batch"])
    args = parser.parse_args()
    size = 40 if args.quick else 200
    if args.only in (None, "speed"):
        files = 20 if args.quick else 50
        bench_speed([corpus("speed", files, 7, False)], f"a {files}-file scanned dossier", CACHE / "speed-50.json")
        dossiers = holdout_dossiers(3 if args.quick else 6, 4242)
        bench_speed(dossiers, f"{len(dossiers)} dossiers from the holdout templates", CACHE / "speed-dossiers.json")
    if args.only in (None, "accuracy"):
        # Accuracy is about reading, not speed: OCR results are kept between bench runs (the cache key
        # holds the OCR settings and reader version, so a change to OCR reads everything again).
        cache = CACHE / "ocr"
        # Two kinds of corpus: every type in turn (classification), and the key types only (passports,
        # certificates: enough key dates and MRZs to measure 97% and 98%). Each comes from the tuning
        # templates, whose failures were looked at, and from the holdout templates (other layouts,
        # wordings, fonts) with a seed nobody looked at: those columns are the honest figures.
        # Seeds looked at so far, never to be reported as unseen again: 202, 303 (mixed), 222 (key).
        # Seed 505 (key) was measured once, in aggregate only, before the last fixes: retired, not looked at.
        # Seed 606 (key) was the unseen key seed of one closing run (aggregate only): retired; 707 (key) was
        # then looked at for tuning. 404 (mixed) has been measured at closing runs only, never looked at;
        # 808 (key) was measured in aggregate at the closing runs of reader versions 11 and 12. Both were
        # retired when the OCR engine changed (reader version 13, tesserocr): 909 and 1010 are new, unseen.
        # 1212 (key, holdout templates, 150 files) was generated outside this bench and looked at, to find
        # why 1010 lost a passport with reader version 17: never to be reported as unseen.
        scores = {
            "tuning, all types": score_corpus(corpus("tuning", size // 2, 101, False), cache),
            "tuning, key types": score_corpus(corpus("key", size, 111, False, KEY_TYPES), cache),
            "holdout unseen, all types": score_corpus(corpus("holdout", size, UNSEEN_SEED, True), cache),
            "holdout unseen, key types": score_corpus(corpus("key", size, UNSEEN_KEY_SEED, True, KEY_TYPES), cache),
        }
        print_scores(scores)
    if args.only in (None, "faces"):
        from bench.mrz_faces import bench_faces

        bench_faces(6 if args.quick else 12)
    if args.only in (None, "batch"):
        try:
            from bench.batch import bench_batch
        except ImportError:
            print("\n(batch benchmark not available yet)")
        else:
            bench_batch(CACHE, quick=args.quick)


if __name__ == "__main__":
    main()
