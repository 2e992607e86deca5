"""Whole dossiers: the documents a profile needs for one fictitious applicant, with faults on demand."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import yaml

from dossiercheck.rules.profiles import Requirement, load_profile, profile_ids

from .people import BELGIAN_ADDRESSES, make_person, renamed
from .render import CARD_TYPES, Request, default_dates, render_document

# Documents a realistic dossier holds beyond what the profile strictly requires (the profile's own
# requirements are always added: see `composition`).
EXTRAS: dict[str, list[tuple[str, int]]] = {
    "visa-d/employee": [("employment_contract", 1)],
    "visa-d/sufficient-means": [("health_insurance", 1)],
    "visa-d/family": [("apostille", 1), ("sworn_translation", 1), ("lease", 1), ("bank_statement", 1)],
    "municipality/employee": [("employment_contract", 1)],
    "long-term-resident": [("lease", 1)],
    "renewal/card-a": [("lease", 1), ("employment_contract", 1), ("health_insurance", 1)],
}
# Sample dossiers are made for every profile `dossiercheck profiles` lists.
PROFILES: tuple[str, ...] = tuple(profile_ids())
FAULTS = ("passport_expiring", "old_good_conduct", "missing_medical", "missing_lease", "name_mismatch")
_ORDER = ("passport", "id_card", "residence_card", "visa", "photo")


def _required(profile: str) -> list[tuple[str, int, Requirement]]:
    """(document type, count, requirement) for each requirement of the profile that must be met."""
    loaded = load_profile(profile)
    eu = profile.startswith("eu/")
    out = []
    for requirement in loaded.requirements:
        if requirement.severity != "fail" or not requirement.documents:
            continue
        types = requirement.documents
        chosen = "id_card" if eu and "id_card" in types else types[0]
        out.append((chosen, requirement.count, requirement))
    return out


def composition(profile: str) -> list[tuple[str, int]]:
    """What the complete dossier of `profile` holds: read from the profile itself, plus realistic extras."""
    counts: dict[str, int] = {}
    for doc_type, count, _ in _required(profile):
        counts[doc_type] = max(counts.get(doc_type, 0), count)
    for doc_type, count in EXTRAS.get(profile, []):
        counts[doc_type] = max(counts.get(doc_type, 0), count)
    return sorted(counts.items(), key=lambda item: (_ORDER.index(item[0]) if item[0] in _ORDER else len(_ORDER)))


def _expiry_rule_applies(profile: str) -> bool:
    """An expiring passport makes the dossier incomplete only where the profile's validity rule is a hard
    12-month rule (D visa); at the municipality the passport need only be valid (a warning)."""
    return any(
        doc_type == "passport" and req.check == "validity" and int(req.options.get("months", 0)) >= 12
        for doc_type, _, req in _required(profile)
    )


STEMS = {
    "passport": ("passport", "paspoort", "passeport_scan", "Reisepass"),
    "photo": ("photo", "pasfoto", "photo_id"),
    "visa_application": ("visa_form", "formulaire_visa", "aanvraagformulier"),
    "good_conduct": ("casier_judiciaire", "strafregister", "police_clearance", "fuehrungszeugnis"),
    "medical": ("medical_certificate", "certificat_medical", "medisch_attest"),
    "lease": ("bail", "huurcontract", "lease"),
    "employment_contract": ("contract", "contrat_travail"),
}


def applicable_faults(profile: str) -> list[str]:
    """Faults that make this profile's dossier incomplete."""
    kinds = {t for t, _, _ in _required(profile)}
    out = []
    if "passport" in kinds and _expiry_rule_applies(profile):
        out.append("passport_expiring")
    if "good_conduct" in kinds:
        out.append("old_good_conduct")
    if "medical" in kinds:
        out.append("missing_medical")
    if "lease" in kinds:
        out.append("missing_lease")
    # name_mismatch is not here: a name that differs between documents is a warning, not a blocker.
    return out


def write_truth(out_dir: Path, truth: dict[str, Any]) -> Path:
    """Beside the folder, never inside it: the tool must not read the answers."""
    path = out_dir.parent / (out_dir.name + ".truth.json")
    path.write_text(json.dumps(truth, indent=2, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
    return path


def make_dossier(
    out_dir: Path, profile: str, reference_date: dt.date, seed: int, fault: str | None = None, holdout: bool = False
) -> Path:
    """Writes one dossier folder with dossier.yaml, and its truth beside it; returns the folder.

    `fault` is one of FAULTS, or several joined with '+' ("passport_expiring+old_good_conduct").
    Everything else is drawn from the seed alone: with a date fault or name_mismatch, the dossier
    differs from its clean twin (same seed and profile) only in the faulty file.
    """
    faults = set(fault.split("+")) if fault else set()
    for one in sorted(faults):
        if one not in FAULTS:
            raise ValueError(f"unknown fault {one!r}; known: {', '.join(FAULTS)} (join several with '+')")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"dossier:{seed}:{profile}:{holdout}")
    fault_rng = random.Random(f"fault:{seed}:{fault}")
    ref = reference_date
    person = make_person(rng, ref, eu=profile.startswith("eu/"))
    region = rng.choice(sorted(BELGIAN_ADDRESSES))
    address = rng.choice(BELGIAN_ADDRESSES[region])
    city = address[1].split(" ", 1)[1]
    plan = [t for t, n in composition(profile) for _ in range(n)]
    if "missing_medical" in faults and "medical" in plan:
        plan.remove("medical")
    if "missing_lease" in faults and "lease" in plan:
        plan.remove("lease")
    applies = bool(faults & set(applicable_faults(profile)))

    dates = {t: default_dates(t, ref, random.Random(f"{seed}:{t}")) for t in set(plan)}
    arrival = ref - dt.timedelta(days=rng.randint(1, 10))
    if "passport" in dates and "passport_expiring" in faults:
        dates["passport"]["expiry"] = ref + dt.timedelta(days=fault_rng.randint(30, 330))
    if "good_conduct" in dates and "old_good_conduct" in faults:
        dates["good_conduct"]["issue"] = ref - dt.timedelta(days=fault_rng.randint(200, 400))
    if "visa" in dates:
        dates["visa"]["start"] = arrival - dt.timedelta(days=rng.randint(0, 5))
    if "visa_application" in dates and "passport" in dates:
        dates["visa_application"]["passport_expiry"] = dates["passport"]["expiry"]
    if "renewal" in profile and "residence_card" in dates:
        dates["residence_card"]["expiry"] = ref + dt.timedelta(days=rng.randint(30, 45))

    # Every dossier of five or more files mixes formats: one HEIC, one text PDF, one rotated phone photo.
    text_idx = [i for i, t in enumerate(plan) if t not in CARD_TYPES]
    forced: dict[int, dict[str, Any]] = {}
    if len(plan) >= 5 and text_idx:
        pdf_i = rng.choice(text_idx)
        forced[pdf_i] = {"fmt": "pdf-text"}
        phone_i = rng.choice([i for i in range(len(plan)) if i != pdf_i and plan[i] != "photo"])
        forced[phone_i] = {"fmt": "jpeg", "phone": True, "rotation": rng.choice(("pixels", "exif"))}
        rest = [i for i in range(len(plan)) if i not in forced]
        if rest:
            forced[rng.choice(rest)] = {"fmt": "heic"}
    mismatch_i = None
    if "name_mismatch" in faults:
        candidates = [i for i in text_idx if plan[i] not in ("visa_application",)] or list(range(len(plan)))
        mismatch_i = fault_rng.choice(candidates)

    documents = []
    used: set[str] = set()
    lease_lang = {"brussels": rng.choice(("fr", "nl")), "flanders": "nl", "wallonia": "fr"}[region]
    for i, doc_type in enumerate(plan):
        doc_rng = random.Random(f"{seed}:{profile}:{holdout}:{i}")
        stem = doc_rng.choice(STEMS.get(doc_type, (doc_type,)))
        n = 2
        while any(u.startswith(stem) for u in used):
            stem = f"{stem.rstrip('_0123456789')}_{n}"
            n += 1
        used.add(stem)
        who = renamed(person, doc_rng) if i == mismatch_i else person
        opts = forced.get(i, {})
        fmt = opts.get("fmt") or doc_rng.choice(("jpeg", "jpeg", "png", "pdf-scan", "webp", "jpeg"))
        req = Request(
            doc_type,
            who,
            dates[doc_type],
            stem,
            holdout=holdout,
            fmt=fmt,
            city=city,
            address=address,
            level=0.25,
            odd_names=doc_rng.random() < 0.25,
            rotation=opts.get("rotation", "none"),
            phone=opts.get("phone", False),
            lang=lease_lang if doc_type in ("lease", "employment_contract") else None,
        )
        name, data, entry = render_document(req, doc_rng)
        while name in used:
            name = "_" + name
            entry["file"] = name
        used.add(name)
        (out_dir / name).write_bytes(data)
        documents.append(entry)

    info: dict[str, Any] = {
        "profile": profile,
        "appointment_date": ref.isoformat(),
        "applicant": {
            "name": person.full_name,
            "birth_date": person.birth_date.isoformat(),
            "nationality": person.nationality.strip("<"),
        },
        "region": region,
    }
    if profile.startswith("municipality/"):
        info["arrival_date"] = arrival.isoformat()
    (out_dir / "dossier.yaml").write_text(yaml.safe_dump(info, sort_keys=False, allow_unicode=True), encoding="utf-8")
    truth: dict[str, Any] = {
        "generator": "samplegen",
        "seed": seed,
        "holdout": holdout,
        "profile": profile,
        "reference_date": ref.isoformat(),
        "fault": fault,
        "expected_verdict": "incomplete" if applies else "complete",
        "documents": sorted(documents, key=lambda d: d["file"]),
    }
    if mismatch_i is not None:
        truth["fault_files"] = [documents[mismatch_i]["file"]]
    write_truth(out_dir, truth)
    return out_dir
