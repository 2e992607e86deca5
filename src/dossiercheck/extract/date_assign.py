"""Which date is which: expiry, issue, birth, ... decided from labels, the doctype and plausibility.

Never "the first date on the page": a good-conduct certificate carries the holder's birth date, a file
number and the issue date, and only the label (or the "fait à Bruxelles le …" formula) says which is the
issue date. Labels come from the doctype YAML; a label counts when it ends just left of the date on the
same line, or sits on the line above (then below) over the date's columns. Assignments that are not
plausible against the reference date are dropped rather than trusted.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from dossiercheck.extract.date_parse import weekday_names
from dossiercheck.extract.date_words import date_words
from dossiercheck.extract.dates import DAY_FIRST, LocatedDate, NumericOrder, PageLine, locate_dates, page_lines
from dossiercheck.knowledge.doctypes import DocType, all_labels, load_doctypes
from dossiercheck.models import DateField, Page
from dossiercheck.text.match import allowed_errors, compile_phrase, normalise, pieces

_ISSUE_LIKE = ("issue", "signed")
# The "done at <place>" formula, signature headings, range ends and printing dates are words of
# schemas/date_words.yaml (extract/date_words.py).


@functools.lru_cache(maxsize=1)
def _place_date() -> re.Pattern[str]:
    """"Bruxelles, le 3 mars 2026", "Berlin, den 3. März 2026", "Madrid, a 8 de octubre" at the start of a line.

    A weekday may stand between the place and the date: "Namur, zaterdag 30 oktober 2027". A "Datum:" or
    "Date :" heading may come first, and OCR may have cut or garbled its first letters ("atum:", "Or! atum:")
    or the place's ("cleroi, le" for "Charleroi, le"): the comma after the place is what the formula keeps.
    A letter a PDF's text layer could not encode comes out as "?" or U+FFFD ("Ia?i, 27.10.2026"): allowed.
    """
    articles = "|".join(re.escape(a) for a in date_words().place_date_articles)
    places = "|".join(re.escape(p) for p in date_words().place_prepositions)
    return re.compile(
        r"^\s*(?:[^\d:,]{0,12}:\s*)?[A-Za-zÀ-ÿ][a-zà-ÿ?\ufffd][\w'’ .?\ufffd-]{0,40}(?:,\s*[A-Z]\.(?:\s?[A-Z]\.)*)?,\s*"
        rf"(?:{articles})?\s*"
        r"(?:[A-Za-zà-ÿ]{5,10},?\s*)?$"
        # "En Madrid a 9 de enero de 2027", "In Brussels on": a preposition, the place, no comma needed.
        rf"|^\s*(?i:{places})\s+[A-ZÀ-Þ][\w'’.-]*(?:\s[A-ZÀ-Þ][\w'’.-]*){{0,3}},?\s+(?:{articles}|on)?\s*$"
    )


_SHORT = 6  # labels shorter than this ("le", "du", "date") count only right next to the date
_QUALIFIER = 20  # at most this many characters between a label and its date ("of the certificate")


@dataclass(frozen=True)
class _Label:
    """A label of a date field; its pattern compiled on first use (a dossier's analysis would compile
    over a thousand, most of which never meet their words)."""

    field: str
    text: str
    norm: str  # normalised
    # The label's pieces, spaces removed: a text it matches holds one of them, spaces removed (see
    # match.pieces; OCR may lose the spaces the pattern allows it to).
    pieces: tuple[str, ...]

    @classmethod
    def of(cls, field: str, text: str) -> _Label:
        norm = normalise(text)
        return cls(field, text, norm, pieces(norm.replace(" ", ""), allowed_errors(norm)))

    @functools.cached_property
    def pattern(self) -> Any:
        return compile_phrase(self.text)

    def matches(self, norm: str, squeezed: str) -> Iterator[Any]:
        """The label's matches in `norm` (normalised text; `squeezed` is it without spaces)."""
        if any(piece in squeezed for piece in self.pieces):
            yield from self.pattern.finditer(norm)


@dataclass(frozen=True)
class _Hit:
    field: str
    label: str
    rank: int  # 4 same line, 3 formula, 2 line above, 1 line below, 0 plausibility


@functools.lru_cache(maxsize=64)
def _labels(doctype_id: str | None) -> tuple[_Label, ...]:
    doctypes = load_doctypes()
    doctype = doctypes.get(doctype_id) if doctype_id else None
    fields: dict[str, tuple[str, ...]] = {}
    if doctype is not None:
        fields = {name: doctype.labels(name) for name in doctype.dates}
        if not doctype.mrz_codes and not doctype.translation and doctype.issue_date in fields:
            # The words any issued paper uses for its date ("date of issue", "établi le"), after its own;
            # not on a translation, whose text carries the original's date of issue beside the translator's.
            field = doctype.issue_date
            fields[field] = tuple(dict.fromkeys(fields[field] + date_words().issued))
    else:
        names = {name for dt_ in doctypes.values() for name in dt_.dates}
        fields = {name: all_labels(doctypes, name) for name in sorted(names)}
    # A birth date is on most personal documents; its labels are never ambiguous.
    fields["birth"] = tuple(dict.fromkeys(fields.get("birth", ()) + all_labels(doctypes, "birth")))
    fields["printed"] = date_words().printed
    return tuple(_Label.of(f, text) for f, texts in fields.items() for text in texts)


def _match_left(labels: tuple[_Label, ...], before: str) -> _Label | None:
    """The label ending closest to the date in the text just left of it (longest wins a tie)."""
    context = normalise(before[-80:])
    squeezed = context.replace(" ", "")
    best: tuple[int, int, _Label] | None = None
    for label in labels:
        for m in label.matches(context, squeezed):
            trailing = context[m.end() :].strip()
            short = len(label.norm) < _SHORT
            # A few words may qualify the label: "Data wydania zaświadczenia:", "Fecha de expedición del
            # certificado:" (the date of issue of the certificate).
            if (short and trailing) or len(trailing) > _QUALIFIER or len(trailing.split()) > 3:
                continue
            key = (m.end(), m.end() - m.start(), label)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def _match_any(labels: tuple[_Label, ...], text: str) -> list[tuple[int, _Label]]:
    """Labels found anywhere in `text` (a neighbouring line), by position, longest first at one position."""
    norm = normalise(text)
    squeezed = norm.replace(" ", "")
    hits: dict[int, tuple[int, _Label]] = {}
    for label in labels:
        if len(label.norm) < _SHORT:
            continue
        for m in label.matches(norm, squeezed):
            if m.start() not in hits or m.end() - m.start() > hits[m.start()][0]:
                hits[m.start()] = (m.end() - m.start(), label)
    # Drop labels contained in a longer one ("date" inside "date of birth").
    ordered = sorted(hits.items())
    kept: list[tuple[int, _Label]] = []
    end = -1
    for start, (length, label) in ordered:
        if start < end:
            continue
        end = start + length
        # "Date of birth / Date de naissance": one label in two languages, kept once.
        if not kept or kept[-1][1].field != label.field:
            kept.append((start, label))
    return kept


def _neighbour_text(lines: list[PageLine], found: LocatedDate, offset: int, same_line: list[LocatedDate]) -> str:
    """Text of the line `offset` away that sits over the date's columns (all of it without word boxes)."""
    index = found.line + offset
    if not 0 <= index < len(lines):
        return ""
    line = lines[index]
    if line.words and found.date.box:
        # The date's column: from the first word after the previous date on its line (labels above are
        # aligned with the start of "LE/ON 03-02-2027", not with the date) to the date's right edge.
        left, _, width, _ = found.date.box
        own = lines[found.line].words
        earlier = [d for d in same_line if d.end <= found.start]
        start = max((d.end for d in earlier), default=0)
        segment = [w for w, s, _ in own if s >= start and w.left <= left]
        if segment:
            left, width = min(w.left for w in segment), left + width - min(w.left for w in segment)
        slack = 20 if earlier else max(width // 2, 20)
        words = [w for w, _, _ in line.words if w.right >= left - slack and w.left <= left + width + slack]
        return " ".join(w.text for w in words)
    return line.text


def _level_left(lines: list[PageLine], found: LocatedDate) -> str:
    """Words of other OCR lines level with the date and left of it, in reading order."""
    assert found.date.box is not None
    left, top, _, height = found.date.box
    middle = top + height / 2
    words = [
        w
        for number, line in enumerate(lines)
        if number != found.line
        for w, _, _ in line.words
        if w.top <= middle <= w.bottom and w.right <= left
    ]
    return " ".join(w.text for w in sorted(words, key=lambda w: w.left))


def _label_for(labels: tuple[_Label, ...], lines: list[PageLine], found: LocatedDate,
               same_line: list[LocatedDate], issue_field: str, range_end: str) -> _Hit | None:  # fmt: skip
    line = lines[found.line].text
    previous = max((d.end for d in same_line if d.end <= found.start), default=0)
    before = line[previous : found.start]
    label = _match_left(labels, before)
    words = date_words()
    formula = bool(words.done_at.search(normalise(before)) or words.signature.search(normalise(before)))
    if label is not None and not (formula and label.field == issue_field):
        return _Hit(label.field, label.text, 4)
    if not before.strip() and found.date.box:
        # Form columns that OCR read as separate blocks: the label is level with the date, to its left.
        label = _match_left(labels, _level_left(lines, found))
        if label is not None:
            return _Hit(label.field, label.text, 4)
    if previous and (normalise(before) in words.range_end or before.strip() in ("-", "–", "—")):
        return _Hit(range_end, f"end of range '{before.strip()}'", 4)
    if formula or (previous == 0 and _place_date().match(before) and before.strip()):
        return _Hit(issue_field, "place and date of signature", 3)
    if _in_signature_block(lines, found, before):
        return _Hit(issue_field, "date of a signature block", 3)
    issued_after = words.issued_after.match(normalise(line[found.end :]))
    if issued_after is not None:
        return _Hit(issue_field, issued_after.group(0).strip(), 3)
    for offset, rank in ((-1, 2), (1, 1)):
        text = _neighbour_text(lines, found, offset, same_line)
        hits = _match_any(labels, text)
        if not hits:
            continue
        if lines[found.line + offset].words and found.date.box:
            return _Hit(hits[-1][1].field, hits[-1][1].text, rank)
        # Without boxes, the k-th date of a line takes the k-th label of the line above when counts agree.
        position = same_line.index(found)
        if len(hits) == len(same_line):
            return _Hit(hits[position][1].field, hits[position][1].text, rank)
        if len(same_line) == 1:
            return _Hit(hits[-1][1].field, hits[-1][1].text, rank)
    return None


def _attached_part_line(lines: list[PageLine]) -> int | None:
    """The line that opens a legalisation or an apostille added to the document (date_words.yaml's
    `attached_part`), or None."""
    heading = date_words().attached_part
    return next((n for n, line in enumerate(lines) if heading.match(normalise(line.text))), None)


def _years_before(reference: dt.date, value: dt.date) -> float:
    return (reference - value).days / 365.25


def _plausible(field: str, value: dt.date, reference: dt.date, doctype: DocType | None) -> bool:
    if field == "birth":
        youngest = 0 if doctype is not None and doctype.id == "birth_certificate" else 14
        return youngest <= _years_before(reference, value) <= 100
    if field in _ISSUE_LIKE:
        return value <= reference
    return True


def _century_fix(field: str, date: DateField, reference: dt.date) -> DateField:
    """A two-digit-year birth date read in the future belongs to the previous century."""
    if field == "birth" and date.value > reference and re.search(r"\b'?\d{2}$", date.raw):
        try:
            return replace(date, value=date.value.replace(year=date.value.year - 100))
        except ValueError:
            return date
    return date


def assign_dates(pages: Sequence[Page], doctype: DocType | None, reference_date: dt.date,
                 order: NumericOrder = DAY_FIRST) -> list[DateField]:
    """Every visual date of a document's pages, labelled ones first with `field` set, the rest with field None.
    Numeric dates are read in the document's `order` (extract.dates.numeric_order)."""
    labels = _labels(doctype.id if doctype is not None else None)
    issue_field = (doctype.issue_date if doctype is not None else None) or "issue"
    fields = doctype.dates if doctype is not None else {"expiry": {}}
    range_end = "expiry" if "expiry" in fields else "end" if "end" in fields else "expiry"
    candidates: list[tuple[_Hit | None, DateField]] = []
    births: list[tuple[DateField, str]] = []  # each labelled birth date and the text before it
    alone: set[tuple[int, str, Any]] = set()
    attached = False  # past the heading of a legalisation or apostille: its dates are not the document's
    identity = doctype is not None and bool(doctype.mrz_codes)  # its own dates follow its own name
    # A date right after a law's name ("loi du") or an identity document's and its number ("CNI N° 0000 fait
    # le": a lease's parties, a certificate's holder) is that paper's (date_words.yaml).
    words = date_words()
    for page in pages:
        lines = page_lines(page)
        located = locate_dates(page, order)
        opens = _attached_part_line(lines) if doctype is None or not doctype.attachment else None
        for found in located:
            same_line = [d for d in located if d.line == found.line]
            hit = _label_for(labels, lines, found, same_line, issue_field, range_end)
            date = found.date
            added = attached or (opens is not None and found.line > opens)
            if added and hit is not None and hit.rank == 3:
                hit = None  # the legalisation's own place and date
            before = normalise(lines[found.line].text[: found.start])
            cited = words.legal_reference.search(before) is not None or (
                not identity and words.identity_document.search(before) is not None)
            if cited:
                hit = None  # "the Law of 15 December 1980", "CNI N° 0000 fait le": no date of the document's
            if hit is not None:
                date = _century_fix(hit.field, date, reference_date)
                if not _plausible(hit.field, date.value, reference_date, doctype):
                    hit = None
            candidates.append((hit, date))
            if hit is not None and hit.field == "birth":
                births.append((date, _text_before(lines, found)))
            if len(same_line) == 1 and _stands_alone(lines[found.line].text, found) and not added and not cited:
                alone.add((date.page, date.raw, date.box))
        attached = attached or opens is not None

    chosen: dict[str, tuple[int, DateField]] = {}
    for hit, date in candidates:
        if hit is None:
            continue
        held = chosen.get(hit.field)
        # A label's first date wins; of place-and-date formulas the last does (the signature closes a text);
        # a bare "Date" (any event's: "Chest X-ray date:") gives way to a full label on its line ("Date of issue:").
        if held is None or hit.rank > held[0] or (hit.rank == 3 and held[0] == 3) or (
                hit.rank == held[0] == 4 and _bare(held[1].label) and not _bare(hit.label)):
            chosen[hit.field] = (hit.rank, replace(date, field=hit.field, label=hit.label))
    chosen.pop("printed", None)
    _applicants_birth(doctype, births, chosen)
    _infer(doctype, candidates, chosen, reference_date)
    _infer_signature_date(doctype, issue_field, candidates, alone, chosen, reference_date)

    issue = chosen.get(issue_field, chosen.get("issue", (0, None)))[1]
    expiry = chosen.get("expiry", (0, None))[1]
    if issue is not None and expiry is not None and expiry.value <= issue.value:
        del chosen["expiry"]  # an expiry before the issue date was misread or mislabelled
    if issue_field != "issue" and issue_field in chosen and "issue" not in chosen:
        rank, date = chosen[issue_field]
        chosen["issue"] = (rank, replace(date, field="issue"))

    assigned = [date for _, date in chosen.values()]
    used = {(d.page, d.raw, d.box, d.value) for d in assigned}
    rest = [date for _, date in candidates if (date.page, date.raw, date.box, date.value) not in used]
    return assigned + rest


def _bare(label: str | None) -> bool:
    """A label too short to say which date it is ("date", "le", "du")."""
    return label is not None and len(normalise(label)) < _SHORT


def _text_before(lines: list[PageLine], found: LocatedDate, reach: int = 3) -> str:
    """The date's line up to the date, after the `reach` lines above it: where a person's role is named."""
    above = [line.text for line in lines[max(0, found.line - reach) : found.line]]
    return normalise(" ".join([*above, lines[found.line].text[: found.start]]))


def _role(doctype: DocType, before: str) -> str | None:
    """The role named last before a date ('applicant' for the tenant, 'other' for the landlord), if any."""
    best: tuple[int, str] | None = None
    for role, words in doctype.people.items():
        for word in words:
            for m in compile_phrase(word).finditer(before):
                if best is None or m.end() > best[0]:
                    best = (m.end(), role)
    return best[1] if best else None


def _applicants_birth(doctype: DocType | None, births: list[tuple[DateField, str]],
                      chosen: dict[str, tuple[int, DateField]]) -> None:
    """On a paper about several people (a lease's landlord and tenant, a doctor and a patient), the birth
    date is the applicant's: the one under the applicant's role. When several differ and no role tells,
    none is the document's birth date, rather than the wrong person's."""
    if len({d.value for d, _ in births}) < 2 or "birth" not in chosen:
        return
    mine = [d for d, before in births if doctype is not None and doctype.people
            and _role(doctype, before) == "applicant"]
    if len({d.value for d in mine}) == 1:
        rank = chosen["birth"][0]
        chosen["birth"] = (rank, replace(mine[0], field="birth", label=f"{chosen['birth'][1].label} (applicant)"))
    else:
        del chosen["birth"]


def _infer(doctype: DocType | None, candidates: list[tuple[_Hit | None, DateField]],
           chosen: dict[str, tuple[int, DateField]], reference: dt.date) -> None:  # fmt: skip
    """Unlabelled dates on identity documents: one date 14-100 years back is the birth date."""
    if doctype is None or not doctype.mrz_codes:
        return
    taken = {(d.page, d.raw, d.box) for _, d in chosen.values()}
    free = [d for hit, d in candidates if hit is None and (d.page, d.raw, d.box) not in taken]
    if "birth" not in chosen and "birth" in doctype.dates:
        births = [d for d in free if 14 <= _years_before(reference, d.value) <= 100]
        if len(births) == 1:
            chosen["birth"] = (0, replace(births[0], field="birth", label="plausible birth date"))
            free.remove(births[0])
    recent = sorted((d for d in free if _years_before(reference, d.value) < 14), key=lambda d: d.value)
    if "issue" in chosen or "expiry" in chosen or len(recent) != 2:
        return
    issue, expiry = recent
    # Identity documents run 1 to 15 years; the earlier date is the issue date, if not in the future.
    if 1 <= _years_before(expiry.value, issue.value) <= 15 and issue.value <= reference:
        chosen["issue"] = (0, replace(issue, field="issue", label="plausible issue date"))
        chosen["expiry"] = (0, replace(expiry, field="expiry", label="plausible expiry date"))


# What may stand beside a date on a line of its own: a weekday (maybe cut short by OCR) or a connector.
_CONNECTORS = {"le", "den", "the", "on", "op", "am", "date", "datum"}


def _weekday_or_connector(word: str) -> bool:
    """A weekday or "le"/"den", whole or with its first letters cut off by OCR ("ijdag", "e")."""
    return any(c.endswith(word) for c in _CONNECTORS) or (
        len(word) >= 3 and any(day.endswith(word) for day in weekday_names())
    )


def _in_signature_block(lines: list[PageLine], found: LocatedDate, before: str) -> bool:
    """A bare "Date:" right before the date, signature words on its line or the next or previous one."""
    words = date_words()
    last = normalise(before).split()[-1:]
    if not last or last[0] not in words.signature_dates:
        return False
    near = [lines[n].text for n in (found.line - 1, found.line, found.line + 1) if 0 <= n < len(lines)]
    return any(words.signature_words.search(normalise(text)) for text in near)


def _stands_alone(line: str, found: LocatedDate) -> bool:
    """A date on a line of its own, give or take a weekday or "le": how the signature of a paper is dated."""
    rest = normalise(line[: found.start] + " " + line[found.end :]).split()
    return len(rest) <= 2 and all(_weekday_or_connector(word) for word in rest)


def _infer_signature_date(doctype: DocType | None, issue_field: str, candidates: list[tuple[_Hit | None, DateField]],
                          alone: set[tuple[int, str, Any]], chosen: dict[str, tuple[int, DateField]],
                          reference: dt.date) -> None:  # fmt: skip
    """A certificate with no labelled issue date is dated where it is signed: the last date on a line of its own.

    Only dates no label claimed are considered, so a "printed on" date or a birth date is never taken, and
    the date must not lie after the reference date (a document is issued before it is shown).
    """
    if doctype is None or doctype.mrz_codes or issue_field not in doctype.dates or issue_field in chosen:
        return
    taken = {(d.page, d.raw, d.box) for _, d in chosen.values()}
    lone = [
        d
        for hit, d in candidates
        if hit is None
        and (d.page, d.raw, d.box) in alone
        and (d.page, d.raw, d.box) not in taken
        and 0 <= _years_before(reference, d.value) < 14
    ]
    if lone:
        label = "date standing alone, as under a signature"
        chosen[issue_field] = (0, replace(lone[-1], field=issue_field, label=label))
