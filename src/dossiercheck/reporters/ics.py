"""The deadlines of a batch as an iCalendar file (RFC 5545): one all-day event per deadline.

Escaping and line folding are the `icalendar` library's. The output depends only on the results: UIDs
hash the client, requirement and date, and DTSTAMP is the client's appointment date, so an unchanged
batch writes the same bytes and calendar apps update events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import icalendar

from dossiercheck.models import BatchResult
from dossiercheck.version import __version__

PRODID = f"-//dossiercheck//dossiercheck {__version__}//EN"


def event_uid(client: str, requirement: str, date: dt.date) -> str:
    digest = hashlib.sha256(f"{client}\0{requirement}\0{date.isoformat()}".encode()).hexdigest()[:32]
    return f"{digest}@dossiercheck"


def render_ics(result: BatchResult) -> str:
    calendar = icalendar.Calendar()
    for key, value in (("VERSION", "2.0"), ("PRODID", PRODID), ("CALSCALE", "GREGORIAN"), ("METHOD", "PUBLISH"),
                       ("X-WR-CALNAME", "dossiercheck deadlines")):
        calendar.add(key, value)
    for client in sorted(result.clients, key=lambda c: c.name):
        stamp = client.reference_date or min((d.date for d in client.deadlines), default=dt.date(2000, 1, 1))
        for deadline in sorted(client.deadlines, key=lambda d: (d.date, d.requirement)):
            event = icalendar.Event()
            event.add("UID", event_uid(client.name, deadline.requirement, deadline.date))
            event.add("DTSTAMP", dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.timezone.utc))
            event.add("DTSTART", deadline.date)
            event.add("DTEND", deadline.date + dt.timedelta(days=1))
            event.add("SUMMARY", f"{client.name}: {deadline.what}")
            event.add("DESCRIPTION",
                      f"Client: {client.name}\nProcedure: {client.profile}\nRequirement: {deadline.requirement}")
            event.add("CATEGORIES", [client.profile or "dossier"])
            event.add("TRANSP", "TRANSPARENT")
            calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
