"""The deadlines of a batch as an iCalendar file (RFC 5545): one all-day event per deadline.

Written by hand (no library at run time). The output depends only on the results: UIDs hash the
client, requirement and date, and DTSTAMP is the client's appointment date, so an unchanged batch
writes the same bytes and calendar apps update events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from dossiercheck import __version__
from dossiercheck.batch import BatchResult

PRODID = f"-//dossiercheck//dossiercheck {__version__}//EN"


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Fold a content line to at most 75 octets per line, never inside a UTF-8 character (§3.1)."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75  # continuation lines start with one space
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def event_uid(client: str, requirement: str, date: dt.date) -> str:
    digest = hashlib.sha256(f"{client}\0{requirement}\0{date.isoformat()}".encode()).hexdigest()[:32]
    return f"{digest}@dossiercheck"


def render_ics(result: BatchResult) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             "X-WR-CALNAME:dossiercheck deadlines"]
    for client in sorted(result.clients, key=lambda c: c.name):
        stamp = client.reference_date or min((d.date for d in client.deadlines), default=dt.date(2000, 1, 1))
        for deadline in sorted(client.deadlines, key=lambda d: (d.date, d.requirement)):
            description = f"Client: {client.name}\nProcedure: {client.profile}\nRequirement: {deadline.requirement}"
            lines += [
                "BEGIN:VEVENT",
                f"UID:{event_uid(client.name, deadline.requirement, deadline.date)}",
                f"DTSTAMP:{stamp:%Y%m%d}T000000Z",
                f"DTSTART;VALUE=DATE:{deadline.date:%Y%m%d}",
                f"DTEND;VALUE=DATE:{deadline.date + dt.timedelta(days=1):%Y%m%d}",
                f"SUMMARY:{escape_text(f'{client.name}: {deadline.what}')}",
                f"DESCRIPTION:{escape_text(description)}",
                f"CATEGORIES:{escape_text(client.profile or 'dossier')}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
