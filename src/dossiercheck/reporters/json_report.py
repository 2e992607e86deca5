"""JSON: the contract other programs and CI rely on (schemas/report.schema.json)."""

from __future__ import annotations

import json

from dossiercheck.models import Report
from dossiercheck.reporters.plain import report_plain


def render(report: Report, show_personal_data: bool = False, **_: object) -> str:
    # Stable key order and no timestamps: the same dossier and date give the same bytes.
    return json.dumps(report_plain(report, show_personal_data), indent=2, ensure_ascii=False) + "\n"
