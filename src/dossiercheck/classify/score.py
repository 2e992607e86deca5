"""What each document is: scores the types of `schemas/doctypes` from the document's text, MRZ and faces.

A wrong type is worse than "unknown": rules about passports or leases would pass on the wrong paper. So the
core types (passport, lease, good_conduct, medical) need strong evidence, and a small margin between the
best and second-best type lowers the confidence until the answer becomes "unknown".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from dossiercheck.knowledge.doctypes import Cue, DocType, load_doctypes
from dossiercheck.knowledge.settings import reading_settings
from dossiercheck.models import Classification, Mrz, Page
from dossiercheck.text.match import PhraseMatcher, fold, normalise

UNKNOWN = "unknown"
_ID_TYPES = ("passport", "id_card", "residence_card", "visa")
# The first line of a visa sticker's MRZ (ICAO 9303 part 7): "V", a type letter or filler, the issuing
# state, the name. When the MRZ reader could not make sense of the two lines, such a line still names
# the document; "V<" + three letters begins no other line of the documents in a dossier.
_VISA_MRZ_LINE = re.compile(r"^\s*V(?:<[A-Z]{3}[A-Z]{2,}|[CD][A-Z]{3}[A-Z]+<<)", re.MULTILINE)


@dataclass
class _Score:
    doctype: DocType
    score: float = 0.0
    cues: list[str] = field(default_factory=list)
    vetoed: bool = False


def _same_words(a: tuple[bool, int, int], b: tuple[bool, int, int]) -> bool:
    """Two cues matched the same words ("passeport" fuzzily on "passport"): count them once."""
    if a[0] != b[0]:
        return False
    overlap = min(a[2], b[2]) - max(a[1], b[1])
    return overlap >= 0.8 * (a[2] - a[1]) and overlap >= 0.8 * (b[2] - b[1])


def _distance(a: str, b: str) -> int:
    """Levenshtein distance of two short words."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _ocr_slip(phrase: str, found: str) -> bool:
    """Whether `found` is `phrase` misread, not another phrase: no word of it lost half its letters.

    The fuzzy budget of a phrase is shared by its words, so "date de naissance" is within two errors
    of "acte de naissance"; but OCR slips are scattered, and two of them in a four-letter word make it
    another word ("mœurs" for "moeurs" keeps most of its letters). A space lost or gained (word counts
    differ) is left to the phrase's budget.
    """
    words, seen = phrase.split(), found.split()
    if len(words) != len(seen):
        return True
    return all(_distance(a, b) <= max(1, (len(a) - 1) // 2) for a, b in zip(words, seen, strict=True))


def _span(cue: Cue, text: str, folded: str) -> tuple[bool, int, int] | None:
    """Where the cue matched, skipping fuzzy matches that are really another phrase."""
    span = cue.span(text, folded)
    matcher = cue.pattern
    if span is None or not isinstance(matcher, PhraseMatcher) or not matcher.errors:
        return span
    for _ in range(20):  # bounded: each turn searches past the rejected match
        if span is None or _ocr_slip(matcher.phrase, folded[span[1] : span[2]]):
            return span
        found = matcher.find(folded[span[2] :])
        span = (True, span[2] + found[0], span[2] + found[1]) if found else None
    return None


def _score(doctype: DocType, text: str, folded: str) -> _Score:
    result = _Score(doctype)
    spans: list[tuple[bool, int, int]] = []
    for cue in sorted(doctype.cues, key=lambda c: -c.weight):
        span = _span(cue, text, folded)
        if span is None or any(_same_words(span, seen) for seen in spans):
            continue
        spans.append(span)
        result.score += cue.weight
        result.cues.append(f"{doctype.id}: '{cue.text}' +{cue.weight:g}")
    for cue in doctype.negative:
        if cue.search(text, folded):
            result.score += cue.weight
            result.cues.append(f"{doctype.id}: not '{cue.text}' {cue.weight:g}")
            result.vetoed = result.vetoed or cue.veto
    return result


def _mrz_type(mrz: Mrz, scores: dict[str, _Score]) -> str | None:
    """The type an MRZ's document code proves: P passport, V visa, I/A/C/R card of identity or residence."""
    code = mrz.document_code.replace("<", "").upper()
    if not code:
        return None
    if code[0] == "P":
        return "passport"
    if code[0] == "V":
        return "visa"
    if code[0] in "IACR":
        residence = scores["residence_card"].score if "residence_card" in scores else 0.0
        identity = scores["id_card"].score if "id_card" in scores else 0.0
        # A card held by a foreigner of the issuing state is a residence card (Belgian A/B/K/L/EU cards).
        foreign = bool(mrz.nationality and mrz.issuing_state and mrz.nationality != mrz.issuing_state)
        if code in ("IR", "AR", "CR", "R", "RP") or residence > identity or (foreign and identity <= residence + 2):
            return "residence_card"
        return "id_card"
    return None


def _eligible(item: _Score, mrz_type: str | None, faces: int, chars: int) -> bool:
    doctype = item.doctype
    if item.vetoed or doctype.translation and item.score < doctype.min_score:
        return False
    if doctype.min_faces and faces < doctype.min_faces:
        return False
    if doctype.max_chars is not None and chars > doctype.max_chars:
        return False
    if doctype.mrz_codes and mrz_type != doctype.id:
        strong = doctype.strong_score
        if strong is not None and item.score < strong:
            return False
    return item.score >= doctype.min_score or bool(doctype.min_faces)


def _confidence(best: float, second: float, threshold: float) -> float:
    """Strength of the winning score times how clearly it beats the runner-up."""
    strength = min(1.0, 0.5 + best / (4 * max(threshold, 1.0)))
    margin = (best - max(second, 0.0)) / best if best > 0 else 0.0
    return round(strength * (0.4 + 0.6 * margin), 3)


def classify(pages: Sequence[Page], mrz: Mrz | None) -> Classification:
    """The type of the document made of `pages`, a confidence in [0, 1], and the cues that decided it."""
    doctypes = load_doctypes()
    settings = reading_settings()
    limit = settings.text_limit
    weight = settings.invalid_mrz_weight
    whole = "\n\f".join(p.text for p in pages)
    text = normalise(whole[:limit])
    faces = max((p.faces for p in pages), default=0)
    chars = len(text.replace(" ", ""))
    folded = fold(text)
    scores = {tid: _score(dt, text, folded) for tid, dt in doctypes.items()}

    mrz_type = _mrz_type(mrz, scores) if mrz is not None else None
    translated = any(s.doctype.translation and s.score >= s.doctype.min_score for s in scores.values())
    if mrz is not None and mrz_type in scores and not translated:
        mrz_cue = f"MRZ {mrz.format} document code {mrz.document_code}"
        if mrz.valid:  # check digits hold: the document code decides
            cues = [f"{mrz_cue} (valid)", *scores[mrz_type].cues]
            return Classification(mrz_type, settings.valid_mrz_confidence, cues)
        # A misread MRZ is strong evidence, not proof: it adds to the cues.
        scores[mrz_type].score += weight
        scores[mrz_type].cues.insert(0, f"{mrz_cue} (check digits fail) +{weight:g}")

    if (mrz is None or mrz_type is None) and "visa" in scores and _VISA_MRZ_LINE.search(whole[:limit]):
        scores["visa"].score += weight
        scores["visa"].cues.insert(0, f"visa MRZ line the MRZ reader could not read +{weight:g}")

    if "photo" in doctypes and faces >= 1 and chars <= (doctypes["photo"].max_chars or 40):
        return Classification("photo", settings.photo_confidence, [f"{faces} face(s), {chars} characters of text"])

    ranked = sorted(
        (s for s in scores.values() if _eligible(s, mrz_type, faces, chars) and s.doctype.id != "photo"),
        key=lambda s: s.score,
        reverse=True,
    )
    if not ranked:
        best_any = max(scores.values(), key=lambda s: s.score)
        return Classification(UNKNOWN, 0.0, best_any.cues if best_any.score > 0 else [])
    # A sworn translation carries the translator's statement and wins over the type it translates,
    # whose cues must not count against it.
    best = next((s for s in ranked if s.doctype.translation), ranked[0])
    others = [s for s in ranked if s is not best and not best.doctype.translation]
    second = max((s.score for s in others), default=0.0)
    confidence = _confidence(best.score, second, best.doctype.min_score)
    cues = list(best.cues)

    if best.doctype.id == "apostille" and len(pages) > 1 and len(ranked) > 1:
        # An apostille stapled to a certificate: the document is the certificate.
        best, cues = ranked[1], ranked[1].cues + ["apostille attached"]
        confidence = _confidence(best.score, 0.0, best.doctype.min_score)
    if best.doctype.translation:
        candidates = [s for s in scores.values() if not s.doctype.translation and not s.doctype.min_faces]
        source = max(candidates, key=lambda s: s.score, default=None)
        # The translated type's score already lost its "sworn translator" penalty: allow for it.
        if source is not None and source.score >= source.doctype.min_score - 4 and source.doctype.id != "apostille":
            cues.append(f"translates: {source.doctype.id}")
        confidence = _confidence(best.score, 0.0, best.doctype.min_score)

    if mrz is not None and not mrz.valid and best.doctype.id == mrz_type:
        # Never as sure as with check digits that hold.
        confidence = min(confidence, settings.invalid_mrz_max_confidence)
    if best.doctype.core:
        # A translation whose translator's statement was not read may still say what it is ("official
        # translation"): its content is another paper's, so it is not given a core type on that content.
        near = [s for s in scores.values() if s.doctype.translation and 0 < s.score < s.doctype.min_score]
        hint = next((s for s in near if s.score >= s.doctype.min_score - 2), None)
        if hint is not None:
            note = f"looks like a translation: not {best.doctype.id}"
            return Classification(UNKNOWN, confidence, [*cues, *hint.cues, note])
    threshold = settings.min_confidence + (settings.core_extra_confidence if best.doctype.core else 0.0)
    if confidence < threshold:
        return Classification(UNKNOWN, confidence, cues + [f"not convincing: {best.doctype.id} {confidence:.2f}"])
    return Classification(best.doctype.id, confidence, cues)
