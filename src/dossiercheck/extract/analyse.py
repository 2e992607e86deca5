"""The analysis stage the pipeline runs per document after OCR: MRZ, type, dates, language.

Order matters: the MRZ is read first because its document code is the strongest evidence of the type,
the type then says which date labels to look for, and the MRZ's check-digit-verified dates take
precedence over visual ones on identity documents (with any disagreement reported, not hidden).
"""

from __future__ import annotations

import datetime as dt

from dossiercheck.classify import classify
from dossiercheck.doctypes import load_doctypes
from dossiercheck.extract.dates import assign_dates
from dossiercheck.extract.language import detect_language
from dossiercheck.models import DateField, Document, Mrz

_MRZ_TYPES = ("passport", "id_card", "residence_card", "visa")


def read_mrz(document: Document, reference_date: dt.date) -> tuple[Mrz | None, int]:
    """The best MRZ of the document and the page it is on: the MRZ band first, else the page text."""
    try:
        from dossiercheck.extract.mrz import find_mrz, parse_mrz
    except ImportError:  # the MRZ reader is optional for the rest of the analysis
        return None, 0
    from dossiercheck.extract.mrz_merge import merge_readings

    found: list[tuple[Mrz, int]] = []
    for page in document.pages:
        mrz = parse_mrz(page.mrz_lines, reference_date) if page.mrz_lines else None
        if mrz is None or not mrz.valid:
            from_text = find_mrz(page.text, reference_date) if page.text else None
            if from_text is not None and (mrz is None or from_text.valid):
                mrz = from_text
            elif from_text is not None and mrz is not None:
                # Two failed readings of one zone (band and page) may each hold what the other lost.
                # Else the reading with more checks holding stands.
                readings = sorted((mrz, from_text), key=lambda m: -sum(c.ok for c in m.checks))
                mrz = merge_readings(readings, lambda lines: parse_mrz(lines, reference_date)) or readings[0]
        if mrz is not None:
            found.append((mrz, page.index))
    if not found:
        return None, 0
    return max(found, key=lambda item: (item[0].valid, sum(c.ok for c in item[0].checks)))


def _mrz_dates(mrz: Mrz, page: int) -> list[DateField]:
    """The MRZ's dates; from a zone that failed some checks, only those whose own check digit holds."""
    line = mrz.lines[1] if len(mrz.lines) > 1 else ""
    holds = {c.name: c.ok for c in mrz.checks}
    return [
        DateField(value=value, raw=line, page=page, field=name, label="MRZ", source="mrz")
        for name, value in (("birth", mrz.birth), ("expiry", mrz.expiry))
        if value is not None and (mrz.valid or holds.get(name, False))
    ]


def analyse_document(document: Document, reference_date: dt.date) -> Document:
    """Fill the document's type, confidence, cues, MRZ, dates and language (in place) and return it."""
    mrz, mrz_page = read_mrz(document, reference_date)
    document.mrz = mrz

    result = classify(document)
    document.type, document.confidence, document.cues = result.type, result.confidence, list(result.cues)

    doctype = load_doctypes().get(document.type)
    visual = assign_dates(document, doctype, reference_date)
    dates = visual
    if mrz is not None:
        mrz_dates = _mrz_dates(mrz, mrz_page)
        if mrz.valid and document.type in _MRZ_TYPES:
            # Check-digit-verified dates win: listed first, and `Document.date` takes the first match.
            dates = mrz_dates + visual
        else:
            dates = visual + mrz_dates
            if not mrz.valid:
                document.problems.append("The machine-readable zone could not be read with valid check digits.")
        # An MRZ was read, so the MRZ module is there.
        from dossiercheck.extract.mrz import cross_check

        document.problems.extend(p for p in cross_check(mrz, visual) if p not in document.problems)
    document.dates = dates
    document.language = detect_language(document.text)
    return document
