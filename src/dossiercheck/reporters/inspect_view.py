"""`dossiercheck inspect FILE`: everything the tool read from one file and why it decided what it did.

This is what a user runs when they disagree with the report, so it shows the evidence: the cues
behind the type, each MRZ check digit, each date with its label and field, and the OCR text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

from dossiercheck.models import Document, to_plain
from dossiercheck.reporters.plain import document_plain, mask, mask_text


def render_inspection(document: Document, show_personal_data: bool = False, show_text: bool = True) -> str:
    out = [f"File: {document.name}", f"Real type of file: {document.mime}, {len(document.pages)} page(s)"]
    out.append(f"Document type: {document.type} (confidence {document.confidence:.0%})")
    for cue in document.cues:
        out.append(f"  because: {cue}")
    out.append(f"Language: {document.language or 'not determined'}")
    mrz = document.mrz
    if mrz is None:
        out.append("Machine-readable zone: none found")
    else:
        state = "all check digits valid" if mrz.valid else "some check digits do NOT hold"
        fixed = " (OCR errors corrected using the check digits)" if mrz.corrected else ""
        out.append(f"Machine-readable zone: {mrz.format}, {state}{fixed}")
        out.append(f"  document code {mrz.document_code}, issued by {mrz.issuing_state}, "
                   f"number {mask(mrz.document_number, show_personal_data)}")
        out.append(f"  name {mrz.surname}, {mrz.given_names}; nationality {mrz.nationality}; sex {mrz.sex}")
        out.append(f"  born {mrz.birth.isoformat() if mrz.birth else '?'}; "
                   f"expires {mrz.expiry.isoformat() if mrz.expiry else '?'}")
        for check in mrz.checks:
            out.append(f"  check digit {check.name}: {'ok' if check.ok else 'WRONG'}")
        if show_personal_data:
            out += [f"  | {line}" for line in mrz.lines]
    out.append(f"Dates found ({len(document.dates)}):")
    for found in document.dates:
        field = found.field or "not assigned"
        label = f' after "{found.label}"' if found.label else ""
        out.append(f"  {found.value.isoformat()}  read as \"{found.raw}\" on page {found.page + 1}{label} -> {field}"
                   + (" (from the MRZ)" if found.source == "mrz" else "")
                   + (f" (or {found.other.isoformat()}: nothing on it says which order)" if found.other else ""))
    if document.problems:
        out.append("Problems:")
        out += [f"  ! {problem}" for problem in document.problems]
    for page in document.pages:
        how = {"text-layer": "text layer of the PDF", "ocr": "OCR", "none": "not read"}[page.source]
        turn = f", turned {page.rotation}°" if page.rotation else ""
        skew = f", straightened {page.skew:+.1f}°" if abs(page.skew) >= 0.3 else ""
        conf = f", OCR confidence {page.mean_conf:.0f}" if page.source == "ocr" else ""
        out.append(f"--- page {page.index + 1} ({how}{turn}{skew}{conf}, {page.faces} face(s)) ---")
        if show_text:
            out.append(page.text.rstrip())
            if page.mrz_lines:
                out.append("[MRZ band read on its own]")
                out += page.mrz_lines
    secrets = [mrz.document_number] if mrz is not None else []
    return mask_text("\n".join(out) + "\n", show_personal_data, secrets)


def inspection_plain(documents: Sequence[Document], show_personal_data: bool = False,
                     show_text: bool = True) -> dict[str, Any]:
    """`inspect --format json`: the first document's details at the top, every document under `parts`.

    A file holding one document has that document at the top and `parts` empty, as before files could
    hold several; a file holding several lists each under `parts` (the top repeats the first).
    """
    secrets = [d.mrz.document_number for d in documents if d.mrz]

    def detail(document: Document) -> dict[str, Any]:
        plain = document_plain(document, show_personal_data, secrets) | {
            "cues": list(document.cues),
            "found_dates": to_plain(document.dates),
            "text": [p.text for p in document.pages] if show_text else None,
        }
        return cast(dict[str, Any], json.loads(mask_text(json.dumps(plain), show_personal_data, secrets)))

    parts = [detail(d) for d in documents] if len(documents) > 1 else []
    return (parts[0] if parts else detail(documents[0])) | {"parts": parts}
