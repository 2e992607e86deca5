"""Is this page an issued document, or a page about documents? Both kinds of evidence, weighed.

What counts is data (`schemas/evidence.yaml`, with why): the marks of an instance (the issuer's
formula, the person's particulars with values, a reference number, a signature or stamp) against the
marks of a description (the reader addressed, guidance and steps, fees, opening hours, contact and
web-site furniture, questions, links, long running prose around an MRZ).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from dossiercheck.knowledge.files import load_checked
from dossiercheck.text.match import PhraseMatcher, fold, normalise

_QUESTION = re.compile(r"\?\s*$")
_LINK = re.compile(r"https?://|\bwww\.|\b[\w.+-]+@[\w-]+\.[\w.]+|\b[\w-]+\.(?:be|com|org|gov|eu|int|net)(?:/|\b)",
                   re.IGNORECASE)
# A value after a label: a capitalised word, a number or a date, not a word addressed to the reader.
_VALUE = re.compile(r"^[\s:.\-–]*(?:[A-ZÀ-Þ][\w'’-]+|\d[\d/.\- ]{1,})")
# A label ending a sentence (one full stop, not dot leaders "Name...."): what follows is no value of it.
_SENTENCE_END = re.compile(r"[^.]\.$")
_DIGITS = re.compile(r"\d{3,}")
_A_NUMBER = re.compile(r"\d")
_FOLLOWED_BY = {"value": _VALUE, "digits": _DIGITS, "number": _A_NUMBER}  # evidence.yaml's `followed_by`
_MRZ_LINE = re.compile(r"^[A-Z0-9<]{25,}$")
_BLANK = re.compile(r"[._…]{4,}[\s._…]*$")  # "Nom : ............", "Name: ________" at the line's end


@dataclass(frozen=True)
class _Group:
    name: str
    weight: float
    cap: int
    matchers: tuple[PhraseMatcher, ...]
    followed_by: re.Pattern[str] | None  # what must follow a phrase on its line for it to count
    line_words: int | None = None  # the most words a line may have for a phrase on it to count


@dataclass(frozen=True)
class EvidenceRules:
    instance: tuple[_Group, ...]
    description: tuple[_Group, ...]
    structure: Mapping[str, Any]
    decision: Mapping[str, float]


@dataclass(frozen=True)
class Evidence:
    """How much the text shows of an issued document and of a page about documents, and what was seen."""

    instance: float
    description: float
    prose: bool  # long running prose: a text about documents, whatever MRZ it quotes
    seen: tuple[str, ...]

    def cue(self) -> str:
        return f"issued-document marks {self.instance:g}, information-page marks {self.description:g}"


def _groups(section: Mapping[str, Any]) -> tuple[_Group, ...]:
    return tuple(
        _Group(name, float(group["weight"]), int(group["cap"]),
               tuple(PhraseMatcher(p) for phrases in group["phrases"].values() for p in dict.fromkeys(phrases)),
               _FOLLOWED_BY[group["followed_by"]] if "followed_by" in group else None, group.get("line_words"))
        for name, group in section.items()
    )


@functools.lru_cache(maxsize=1)
def evidence_rules() -> EvidenceRules:
    data = load_checked("evidence.yaml", "evidence.schema.json")
    return EvidenceRules(_groups(data["instance"]), _groups(data["description"]), data["structure"],
                         data["decision"])


def _labelled(matcher: PhraseMatcher, lines: list[tuple[str, str]], needs: re.Pattern[str]) -> bool:
    """Whether a line holds the label with a value right after it (in the raw line's characters)."""
    for raw, folded in lines:
        found = matcher.find(folded)
        if found is None:
            continue
        # The folded line keeps the raw line's words; find the label's end in the raw text by word count.
        words = folded[: found[1]].split()
        # Tokens that fold to nothing (a bullet "-", a lone ":") have no folded word: drop them, or a list item
        # "- Voornaam en familienaam" would read its own label as the value of the one before.
        raw_words = [w for w in raw.split() if fold(normalise(w)).strip()]
        rest = " ".join(raw_words[len(words):]) if len(raw_words) > len(words) else ""
        if needs is _VALUE and words and _SENTENCE_END.search(raw_words[min(len(words), len(raw_words)) - 1]):
            continue  # "... a landlord and a tenant. In Flanders": the next sentence, not the tenant's name
        if needs.search(rest):
            return True
    return False


def _blank_fields(particulars: _Group, lines: list[tuple[str, str]]) -> int:
    """Lines where a person's field is followed by nothing but dot leaders or underscores: a blank form."""
    blank = 0
    for raw, folded in lines:
        if not _BLANK.search(raw):
            continue
        # The label is the last words of the line: dot leaders fold to nothing, so no value follows it.
        found = [f for m in particulars.matchers if (f := m.find(folded)) is not None]
        if found and not folded[max(end for _, end in found):].strip():
            blank += 1
    return blank


def _count(group: _Group, text: str, lines: list[tuple[str, str]]) -> int:
    if group.line_words is not None:
        lines = [(raw, folded) for raw, folded in lines if len(folded.split()) <= group.line_words]
        text = "\n".join(folded for _, folded in lines)
    if group.followed_by is not None:  # line by line only for the phrases the text holds at all
        hits = sum(_labelled(m, lines, group.followed_by) for m in group.matchers if m.find(text) is not None)
    else:
        # Phrases of several languages may find the same words ("gratuit", "gratuito"): count places, once.
        spans = sorted({found for m in group.matchers if (found := m.find(text)) is not None})
        hits, end = 0, -1
        for start, stop in spans:
            if start >= end:
                hits += 1
            end = max(end, stop)
    return min(hits, group.cap)


def weigh_evidence(text: str) -> Evidence:
    """The two kinds of evidence in a document's text (its first pages)."""
    rules = evidence_rules()
    raw_lines = [line.strip() for line in text.splitlines() if line.strip()]
    lines = [(raw, fold(normalise(raw))) for raw in raw_lines]
    folded = fold(normalise(text))
    seen: list[str] = []
    instance = description = 0.0
    for group in rules.instance:
        if hits := _count(group, folded, lines):
            instance += hits * group.weight
            seen.append(f"{group.name} x{hits}")
    structure = rules.structure
    contact = re.compile(str(structure["contact_field"]))
    described = [(raw, f) for raw, f in lines if not contact.match(raw)]  # contact fields are neither kind
    described_text = "\n".join(f for _, f in described)
    for group in rules.description:
        if hits := _count(group, described_text, described):
            description += hits * group.weight
            seen.append(f"{group.name} x{hits}")
    if any(re.match(str(structure["place_date"]), raw) for raw in raw_lines):
        instance += structure["place_date_weight"]
        seen.append("place and date of signature")
    particulars = next((group for group in rules.instance if group.name == "particulars"), None)
    blanks = min(_blank_fields(particulars, lines), int(structure["blank_field_cap"])) if particulars else 0
    if blanks:
        description += blanks * structure["blank_field_weight"]
        seen.append(f"blank fields x{blanks}")
    questions = min(sum(bool(_QUESTION.search(raw)) for raw in raw_lines), int(structure["question_cap"]))
    links = min(sum(len(_LINK.findall(raw)) for raw, _ in described), int(structure["link_cap"]))
    description += questions * structure["question_weight"] + links * structure["link_weight"]
    if questions or links:
        seen.append(f"questions x{questions}, links x{links}")
    letters = sum(c.isalpha() for raw in raw_lines if not _MRZ_LINE.match(raw.replace(" ", "")) for c in raw)
    prose = letters > structure["prose_letters"]
    if prose:
        description += structure["prose_weight"]
        seen.append(f"prose ({letters} letters)")
    return Evidence(instance, description, prose, tuple(seen))


def named_again_and_again(evidence: Evidence, folded: str, titles: Iterable[str]) -> Evidence:
    """The evidence, with a text about its topic's marks when it names the topic by one of `titles` (folded
    phrases) `structure.topic_repeats` times or more: an issued paper prints its title once or twice."""
    structure = evidence_rules().structure
    times = max((len(re.findall(rf"\b{re.escape(title)}\b", folded)) for title in titles), default=0)
    if times < structure["topic_repeats"]:
        return evidence
    return _described(evidence, structure["topic_repeat_weight"], f"topic named {times} times")


def names_many_kinds(evidence: Evidence, titled: int) -> Evidence:
    """The evidence, with a list about documents' mark when `titled` kinds of document (named by a title cue)
    reach `structure.many_titles`."""
    structure = evidence_rules().structure
    if titled < structure["many_titles"]:
        return evidence
    return _described(evidence, structure["many_titles_weight"], f"{titled} kinds of document named")


def _described(evidence: Evidence, weight: float, seen: str) -> Evidence:
    """The evidence with `weight` more description evidence, and what it was."""
    return replace(evidence, description=evidence.description + weight, seen=(*evidence.seen, seen))


def is_information(evidence: Evidence) -> bool:
    """A page about documents: its description evidence is strong and outweighs its instance evidence."""
    decision = evidence_rules().decision
    return (evidence.description >= decision["information_min_description"]
            and evidence.description >= evidence.instance + decision["information_margin"])


def lacks_instance(evidence: Evidence) -> bool:
    """Too few marks of an issued document for a core type."""
    return evidence.instance < evidence_rules().decision["core_min_instance"]


def backs_topic(evidence: Evidence) -> float:
    """What a page's marks of an issued document add to its best core type's cues (0 when they are too few,
    or no more than its description evidence)."""
    decision = evidence_rules().decision
    if evidence.instance >= decision["backing_min_instance"] and evidence.instance > evidence.description:
        return float(decision["backing_bonus"])
    return 0.0


def leans_description(evidence: Evidence) -> bool:
    """Some description evidence and no more instance evidence than that: with topic cues but too few marks of
    an issued document, such a page is about its topic (`information`), not an unknown paper."""
    decision = evidence_rules().decision
    return (evidence.description >= decision["about_min_description"]
            and evidence.description >= evidence.instance)
