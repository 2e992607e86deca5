"""JUnit XML: one test case per requirement, so a CI server lists them like tests.

fail and missing are failures; manual checks are skipped (a person must look); warnings pass
with the message in system-out. Files that could not be read are listed as skipped cases.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from dossiercheck.models import Report
from dossiercheck.reporters.plain import requirement_sources


def render(report: Report, **_: object) -> str:
    suite = ET.Element("testsuite", name=f"dossiercheck {report.profile or ''}".strip())
    failures = skipped = 0
    classname = f"dossier.{report.profile or 'none'}".replace("/", ".")
    for requirement in report.requirements:
        case = ET.SubElement(suite, "testcase", classname=classname, name=requirement.id)
        text = requirement.message + (f"\nWhat to do: {requirement.action}" if requirement.action else "")
        if requirement.files:
            text += "\nFiles: " + ", ".join(requirement.files)
        for title, url in requirement_sources(requirement):
            text += f"\nSource: {title} {url}".rstrip()
        if requirement.status in ("fail", "missing"):
            failures += 1
            failure = ET.SubElement(case, "failure", message=requirement.message, type=requirement.status)
            failure.text = text
        elif requirement.status == "manual":
            skipped += 1
            ET.SubElement(case, "skipped", message=f"check by hand: {requirement.message}")
        elif requirement.status == "warn":
            ET.SubElement(case, "system-out").text = "warning: " + text
    for item in report.skipped:
        skipped += 1
        case = ET.SubElement(suite, "testcase", classname=f"{classname}.files", name=item.file)
        ET.SubElement(case, "skipped", message=f"not read: {item.reason}")
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
