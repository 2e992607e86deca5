"""What each document is: its MRZ, its faces, its cue scores and the evidence of being issued, weighed.

A wrong type is worse than "unknown": rules about passports or leases would pass on the wrong paper.
So, in order:

1. An MRZ whose check digits hold decides an identity type (its document code, the holder, the words on
   the card), unless the page reads as one about documents: a specification quoting example MRZs, long
   running prose or not (ICAO Doc 9303's page with a Utopia passport figure has ~2000 characters of
   specification words around it, not "prose").
2. A picture with faces and almost no text (and no MRZ) is a photo.
3. Cue scores rank the other types; a sworn translation wins over the type it translates, an attachment
   (apostille) stapled to another document gives way to it.
4. A page whose description evidence (the reader addressed, fees, links, questions) outweighs its marks
   of an issued document is a page *about* its best type (`information`), whatever its cues; a core
   type needs instance evidence; a small margin between the two best types makes the answer "unknown".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossiercheck.classify.evidence import (
    Evidence,
    backs_topic,
    is_information,
    lacks_instance,
    leans_description,
    named_again_and_again,
    names_many_kinds,
    weigh_evidence,
)
from dossiercheck.classify.score import Score, score_type
from dossiercheck.icao.parse import STATES
from dossiercheck.knowledge.doctypes import DocType, load_doctypes
from dossiercheck.knowledge.settings import ReadingSettings, reading_settings
from dossiercheck.models import Classification, Mrz, Page
from dossiercheck.models.document import ATTACHED_CUE, TRANSLATES_CUE
from dossiercheck.text.match import fold, normalise

UNKNOWN = "unknown"
INFORMATION = "information"
TITLE_WEIGHT = 4  # a cue this strong names the document type (its title), not one of its words
# The first line of a visa sticker's MRZ (ICAO 9303 part 7): "V", a type letter or filler, the issuing
# state, the name. When the MRZ reader could not make sense of the two lines, such a line still names
# the document; "V<" + three letters begins no other line of the documents in a dossier.
_VISA_MRZ_LINE = re.compile(r"^\s*V(?:<[A-Z]{3}[A-Z]{2,}|[CD][A-Z]{3}[A-Z]+<<)", re.MULTILINE)
# A passport's first MRZ line (part 4): "P", a type letter or filler, the issuing state, the surname and
# '<'. On a data page whose zone is scribbled over (a specimen with annotation boxes drawn on it) it is
# the line that still names the document when its second line cannot be read.
_PASSPORT_MRZ_LINE = re.compile(r"^\s*P[<A-Z][A-Z]{3}[A-Z]{2,}<", re.MULTILINE)
_FIRST_MRZ_LINES = {"visa": _VISA_MRZ_LINE, "passport": _PASSPORT_MRZ_LINE}
_HOLDER_BONUS = 2.0  # cue points a card's holder (a foreigner of the issuing state) is worth
_CARD_CODES = "IAC"  # first letters of the document codes of cards (ICAO 9303 part 5)


def _mrz_type(mrz: Mrz, scores: dict[str, Score]) -> str | None:
    """The type an MRZ's document code proves, from the codes each doctype lists; between types sharing a
    code (ID and residence cards), the holder (a foreigner of the issuing state) and the card's words."""
    code = mrz.document_code.replace("<", "").upper()
    if not code:
        return None
    kinds = [s for s in scores.values() if code in s.doctype.mrz_codes]
    kinds = kinds or [s for s in scores.values() if any(c[0] == code[0] for c in s.doctype.mrz_codes)]
    if not kinds and mrz.format == "TD1":
        # A misread code ('WO' for 'ID') on a three-line zone: TD1 is a card's format, and which card
        # is still told by the holder and the card's words below, never by the layout.
        kinds = [s for s in scores.values() if any(c[0] in _CARD_CODES for c in s.doctype.mrz_codes)]
    if len(kinds) <= 1:
        return kinds[0].doctype.id if kinds else None
    # The holder is known foreign or national only when both codes are countries: a misread code ('BSA'
    # for a French ID card's 'FRA') says nothing about the holder; the card's words still do, then how
    # early each type lists the code (IR first for residence cards, ID before it for ID cards).
    states = (mrz.nationality, mrz.issuing_state)
    foreign = mrz.nationality != mrz.issuing_state if all(c in STATES for c in states) else None

    def weight(item: Score) -> tuple[float, bool, int]:
        held = item.doctype.mrz_holder == "foreign"
        codes = item.doctype.mrz_codes
        rank = -codes.index(code) if code in codes else -len(codes)
        return item.score + (_HOLDER_BONUS if held and foreign else 0.0), held == foreign, rank

    return max(kinds, key=weight).doctype.id


def _eligible(item: Score, mrz_type: str | None, faces: int, chars: int) -> bool:
    doctype = item.doctype
    if item.vetoed or doctype.information or doctype.translation and item.score < doctype.min_score:
        return False
    if doctype.min_faces:
        return False  # pictures are decided on their faces, before the cues
    if doctype.max_chars is not None and chars > doctype.max_chars:
        return False
    if doctype.mrz_codes and mrz_type != doctype.id:
        strong = doctype.strong_score
        if strong is not None and item.score < strong:
            return False
    return item.score >= doctype.min_score


def _back_topic(scores: dict[str, Score], evidence: Evidence) -> None:
    """A page with the marks of an issued document lifts its best core topic that falls just short."""
    bonus = backs_topic(evidence)
    core = [s for s in scores.values() if s.doctype.core and not s.doctype.mrz_codes and not s.vetoed]
    best = max(core, key=lambda s: s.score, default=None)
    if bonus and best is not None and best.doctype.min_score - bonus <= best.score < best.doctype.min_score:
        best.score += bonus
        best.cues.append(f"marks of an issued document ({evidence.instance:g}) +{bonus:g}")


def _confidence(best: float, second: float, threshold: float) -> float:
    """Strength of the winning score times how clearly it beats the runner-up."""
    strength = min(1.0, 0.5 + best / (4 * max(threshold, 1.0)))
    margin = (best - max(second, 0.0)) / best if best > 0 else 0.0
    return round(strength * (0.4 + 0.6 * margin), 3)


def _picture(doctypes: dict[str, DocType], faces: int, chars: int, pages: Sequence[Page], mrz: Mrz | None,
             settings: ReadingSettings) -> Classification | None:
    """A picture type (an ID photo) for faces and almost no text; never where a machine-readable zone is."""
    if mrz is not None or any(p.mrz_lines for p in pages) or any("<<" in p.text for p in pages):
        return None
    for doctype in doctypes.values():
        if doctype.min_faces and faces >= doctype.min_faces and chars <= (doctype.max_chars or 40):
            cue = f"{faces} face(s), {chars} characters of text"
            return Classification(doctype.id, settings.photo_confidence, [cue])
    return None


def _information(about: str | None, evidence: Evidence, cues: Sequence[str]) -> Classification:
    """A page about `about` (None: about the procedure, no one document), as sure as its description
    evidence outweighs its marks of an issued document."""
    surplus = evidence.description - evidence.instance
    confidence = round(min(0.95, 0.5 + surplus / 20), 3)
    return Classification(INFORMATION, confidence, [*cues, evidence.cue(), *evidence.seen,
                                                    f"about: {about or 'no one document'}"], about=about)


def classify(pages: Sequence[Page], mrz: Mrz | None) -> Classification:
    """The type of the document made of `pages`, a confidence in [0, 1], and the cues that decided it."""
    doctypes = load_doctypes()
    settings = reading_settings()
    whole = "\n\f".join(p.text for p in pages)[: settings.text_limit]
    text = normalise(whole)
    faces = max((p.faces for p in pages), default=0)
    chars = len(text.replace(" ", ""))
    folded = fold(text)
    scores = {tid: score_type(doctype, text, folded) for tid, doctype in doctypes.items()}
    evidence = weigh_evidence(whole)
    topic = max((s for s in scores.values() if s.doctype.core and not s.doctype.mrz_codes), key=lambda s: s.score)
    if topic.score > 0:  # how often the page names its best topic by a title (a cue of weight 4 or more)
        titles = (c.pattern.phrase for c in topic.doctype.cues if c.folded and c.weight >= TITLE_WEIGHT)
        evidence = named_again_and_again(evidence, folded, titles)
    evidence = names_many_kinds(evidence, sum(s.strongest >= TITLE_WEIGHT for s in scores.values()))
    mrz_type = _mrz_type(mrz, scores) if mrz is not None else None
    translated = any(s.doctype.translation and s.score >= s.doctype.min_score for s in scores.values())
    if mrz is not None and mrz_type is not None and not translated:
        decided = _by_mrz(mrz, mrz_type, scores, evidence, settings)
        if decided is not None:
            return decided
    # An MRZ read as no document's (none, no code, or no state) leaves its first line to say what it is.
    unread = mrz is None or mrz_type is None or not _names_a_state(mrz)
    for kind, first_line in _FIRST_MRZ_LINES.items():
        if unread and kind in scores and first_line.search(whole):
            scores[kind].score += settings.invalid_mrz_weight
            scores[kind].cues.insert(0, f"{kind} MRZ line the MRZ reader could not read "
                                        f"+{settings.invalid_mrz_weight:g}")
            break
    _back_topic(scores, evidence)
    picture = _picture(doctypes, faces, chars, pages, mrz, settings)
    if picture is not None:
        return picture
    ranked = sorted((s for s in scores.values() if _eligible(s, mrz_type, faces, chars)), key=lambda s: -s.score)
    if not ranked:
        return _unranked(scores, evidence)
    return _by_cues(ranked, scores, evidence, mrz, mrz_type, settings)


def _by_mrz(mrz: Mrz, mrz_type: str, scores: dict[str, Score], evidence: Evidence,
            settings: ReadingSettings) -> Classification | None:
    """A valid MRZ decides (unless the page is prose about MRZs); a failed one adds to the cues."""
    mrz_cue = f"MRZ {mrz.format} document code {mrz.document_code}"
    if mrz.valid:  # check digits hold: the document code decides
        cues = [f"{mrz_cue} (valid)", *scores[mrz_type].cues]
        # Description evidence outweighing the page's marks of an issued document, prose or not: a page of
        # a specification (its words are in evidence.yaml), never an issued card, whose check digits hold.
        if is_information(evidence):
            return _information(mrz_type, evidence, [*cues, "an MRZ quoted in running text"])
        return Classification(mrz_type, settings.valid_mrz_confidence, cues)
    # A misread MRZ is strong evidence, not proof; but text parsed as MRZ lines (a specification's "BE
    # WRITTEN AS FOLLOWS") names no state at all, and is no evidence.
    if not _names_a_state(mrz):
        return None
    scores[mrz_type].score += settings.invalid_mrz_weight
    scores[mrz_type].cues.insert(0, f"{mrz_cue} (check digits fail) +{settings.invalid_mrz_weight:g}")
    return None


_CHECK_DIGITS = ("document_number", "birth", "expiry", "optional", "composite")


def _names_a_state(mrz: Mrz) -> bool:
    """Whether a failed MRZ is one of a document: a code of a country, or a one- or two-letter code of an
    older national scheme ('SI<' on a Slovenian specimen card) with every check digit holding. Lines of
    a specification's running text parsed as an MRZ read three-letter words there ('NSE', 'YTO')."""
    if mrz.issuing_state in STATES or mrz.nationality in STATES:
        return True
    short = re.fullmatch(r"[A-Z]{1,2}", mrz.issuing_state) is not None
    return short and all(c.ok for c in mrz.checks if c.name in _CHECK_DIGITS)


def _unranked(scores: dict[str, Score], evidence: Evidence) -> Classification:
    """No type convincing: a page about the best-scoring type when it reads as one, else unknown."""
    best = max(scores.values(), key=lambda s: s.score)
    if best.score > 0 and best.score >= best.doctype.min_score / 2 and (
            is_information(evidence) or best.doctype.core and leans_description(evidence)):
        return _information(best.doctype.id, evidence, best.cues)
    if is_information(evidence):  # a page about the procedure that names no document enough to be about it
        return _information(None, evidence, [])
    return Classification(UNKNOWN, 0.0, best.cues if best.score > 0 else [])


def _by_cues(ranked: list[Score], scores: dict[str, Score], evidence: Evidence,
             mrz: Mrz | None, mrz_type: str | None, settings: ReadingSettings) -> Classification:
    # A sworn translation carries the translator's statement and wins over the type it translates,
    # whose cues must not count against it.
    best = next((s for s in ranked if s.doctype.translation), ranked[0])
    others = [s for s in ranked if s is not best and not best.doctype.translation]
    confidence = _confidence(best.score, max((s.score for s in others), default=0.0), best.doctype.min_score)
    cues = list(best.cues)
    # An apostille stapled to a certificate, or stamped on its page: the document is the certificate
    # (convincing on its own: `ranked` holds only types at their min_score), the apostille attached.
    attachments = [s for s in ranked if s.doctype.attachment]
    documents = [s for s in ranked if not s.doctype.attachment]
    if best.doctype.attachment and documents:
        best, cues = documents[0], list(documents[0].cues)
        confidence = _confidence(best.score, 0.0, best.doctype.min_score)
    if not best.doctype.attachment:
        cues += [f"{ATTACHED_CUE}{s.doctype.id}" for s in attachments]
    if best.doctype.translation:
        cues += _translated(scores)
        confidence = _confidence(best.score, 0.0, best.doctype.min_score)
    if not best.doctype.mrz_codes or mrz is None:
        if is_information(evidence):
            return _information(best.doctype.id, evidence, cues)
        # A sworn translation is an issued paper too: it carries the original's marks and the translator's
        # (a checklist's "translated by a certified translator" carries neither).
        if (best.doctype.core or best.doctype.translation) and lacks_instance(evidence):
            if leans_description(evidence):  # topic cues, no marks of an issued one: a page about it
                return _information(best.doctype.id, evidence, cues)
            return Classification(UNKNOWN, confidence, [*cues, evidence.cue(), f"no marks of an issued "
                                                        f"document: not {best.doctype.id}"])
    if mrz is not None and not mrz.valid and best.doctype.id == mrz_type:
        confidence = min(confidence, settings.invalid_mrz_max_confidence)  # never as sure as a valid MRZ
    if best.doctype.core:
        hint = _translation_hint(scores)
        if hint is not None:
            return Classification(UNKNOWN, confidence, [*cues, *hint.cues, f"looks like a translation: "
                                                        f"not {best.doctype.id}"])
    threshold = settings.min_confidence + (settings.core_extra_confidence if best.doctype.core else 0.0)
    if confidence < threshold:
        if best.doctype.core and leans_description(evidence):  # weak cues on a page about the type
            return _information(best.doctype.id, evidence, cues)
        return Classification(UNKNOWN, confidence, cues + [f"not convincing: {best.doctype.id} {confidence:.2f}"])
    return Classification(best.doctype.id, confidence, cues)


def _translated(scores: dict[str, Score]) -> list[str]:
    """Which type a translation carries, when its content says so."""
    candidates = [s for s in scores.values()
                  if not s.doctype.translation and not s.doctype.min_faces and not s.doctype.information]
    source = max(candidates, key=lambda s: s.score, default=None)
    # The translated type's score already lost its "sworn translator" penalty: allow for it.
    if source is not None and source.score >= source.doctype.min_score - 4 and not source.doctype.attachment:
        return [f"{TRANSLATES_CUE}{source.doctype.id}"]
    return []


def _translation_hint(scores: dict[str, Score]) -> Score | None:
    """A translation whose translator's statement was not read may still say what it is ("official
    translation"): its content is another paper's, so it is not given a core type on that content."""
    near = [s for s in scores.values() if s.doctype.translation and 0 < s.score < s.doctype.min_score]
    return next((s for s in near if s.score >= s.doctype.min_score - 2), None)
