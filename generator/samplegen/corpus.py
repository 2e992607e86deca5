"""Flat corpora of single documents for accuracy benchmarks, and the `samples make` entry point."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from .dossier import FAULTS, PROFILES, applicable_faults, make_dossier, write_truth
from .people import BELGIAN_ADDRESSES, make_person
from .render import DOC_TYPES, Request, default_dates, render_document

_ANCHOR = dt.date(2027, 1, 15)
_EU_TYPES = ("id_card",)


def make_corpus(out_dir: Path, n_files: int, seed: int, holdout: bool = False,
                types: tuple[str, ...] | None = None) -> Path:  # fmt: skip
    """Writes `n_files` documents of every type (or of `types`), format and effect into one folder; truth beside it.

    A corpus of the key types only gives the key-date and MRZ figures enough documents to mean something.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    documents: list[dict[str, Any]] = []
    used: set[str] = set()
    for i, doc_type in enumerate(_corpus_types(n_files, seed, holdout, types)):
        name, data, entry = corpus_document(i, doc_type, seed, holdout, types)
        while name in used:
            name = f"{i:04d}_{name}"
            entry["file"] = name
        used.add(name)
        (out_dir / name).write_bytes(data)
        documents.append(entry)
    write_truth(
        out_dir,
        {
            "generator": "samplegen",
            "seed": seed,
            "holdout": holdout,
            "types": list(types) if types else None,
            "profile": None,
            "reference_date": None,
            "fault": None,
            "expected_verdict": None,
            "documents": sorted(documents, key=lambda d: d["file"]),
        },
    )
    return out_dir


def _corpus_key(seed: int, holdout: bool, types: tuple[str, ...] | None) -> str:
    """What seeds a corpus's random choices: the same corpus is made byte for byte again."""
    return f"corpus:{seed}:{holdout}" + ("" if types is None else ":" + ",".join(types))


def _corpus_types(n_files: int, seed: int, holdout: bool, types: tuple[str, ...] | None) -> list[str]:
    """The type of each file in turn: every type once per round, in a shuffled order."""
    rng = random.Random(_corpus_key(seed, holdout, types))
    order = list(types or DOC_TYPES)
    out = []
    for i in range(n_files):
        if i % len(order) == 0:
            rng.shuffle(order)
        out.append(order[i % len(order)])
    return out


def corpus_document(
    i: int, doc_type: str | None, seed: int, holdout: bool = False, types: tuple[str, ...] | None = None
) -> tuple[str, bytes, dict[str, Any]]:
    """File `i` of a corpus (name, bytes, truth), made on its own: a test can take one bench case
    without making the corpus. `doc_type` None works it out from the corpus's order."""
    if doc_type is None:
        doc_type = _corpus_types(i + 1, seed, holdout, types)[i]
    doc_rng = random.Random(f"{_corpus_key(seed, holdout, types)}:{i}")
    ref = _ANCHOR + dt.timedelta(days=doc_rng.randint(-400, 800))
    person = make_person(doc_rng, ref, eu=doc_type in _EU_TYPES)
    region = doc_rng.choice(sorted(BELGIAN_ADDRESSES))
    address = doc_rng.choice(BELGIAN_ADDRESSES[region])
    dates = default_dates(doc_type, ref, doc_rng)
    req = Request(
        doc_type,
        person,
        dates,
        f"doc{i:04d}",
        holdout=holdout,
        city=address[1].split(" ", 1)[1],
        address=address,
        level=doc_rng.uniform(0.0, 1.0),
        odd_names=True,
    )
    if i % 10 == 7:  # every EXIF orientation value turns up in any corpus of 80 files or more
        req.fmt, req.rotation, req.exif_value = "jpeg", "exif", (i // 10) % 8 + 1
    name, data, entry = render_document(req, doc_rng)
    entry["reference_date"] = ref.isoformat()  # each document is made for its own appointment date
    return name, data, entry


def plan_dossiers(count: int) -> list[tuple[str, str | None]]:
    """Profiles in turn; every third dossier carries one of the faults that apply to its profile."""
    profiles = sorted(PROFILES)
    plan: list[tuple[str, str | None]] = []
    used = dict.fromkeys(FAULTS, 0)
    for i in range(count):
        profile = profiles[i % len(profiles)]
        fault = None
        if i % 3 == 2:
            # The least used of the faults that apply to this profile, so all five turn up.
            options = [*applicable_faults(profile), "name_mismatch"]
            fault = min(options, key=lambda f: (used[f], FAULTS.index(f)))
            used[fault] += 1
        plan.append((profile, fault))
    return plan


def main_make(out_dir: Path, kind: str, count: int, seed: int, holdout: bool, reference_date: dt.date) -> None:
    """`python -m samplegen make DIR`: `count` dossiers (kind "dossiers") or a flat corpus (kind "corpus")."""
    out_dir = Path(out_dir)
    if kind == "corpus":
        make_corpus(out_dir, count, seed, holdout)
        return
    if kind != "dossiers":
        raise ValueError(f"unknown kind {kind!r}: use 'dossiers' or 'corpus'")
    out_dir.mkdir(parents=True, exist_ok=True)
    for i, (profile, fault) in enumerate(plan_dossiers(count)):
        name = f"{i:03d}-{profile.replace('/', '-')}" + (f"-{fault.replace('_', '-')}" if fault else "")
        make_dossier(out_dir / name, profile, reference_date, seed * 1000 + i, fault, holdout)


__all__ = ["FAULTS", "main_make", "make_corpus", "make_dossier", "plan_dossiers"]
