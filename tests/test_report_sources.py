"""Every report names each requirement in the reader's language and cites pages a reader can open.

No report may show an internal file name (the seed articles the rules were written from are files
like `001_16937fdd3be3f7f2.txt`): every profile's requirements are rendered in every format and every
language, for a complete dossier and an empty one, and the checklist of `profiles show` too.
"""

from __future__ import annotations

import json
import re

import pytest

from dossiercheck.knowledge.files import load_checked
from dossiercheck.models import Report
from dossiercheck.reporters import RENDERER_MODULES, render_report
from dossiercheck.reporters.checklist import render_checklist
from dossiercheck.rules import evaluate
from dossiercheck.rules.profiles import load_profile, profile_ids
from tests.rules._factory import REF, complete_set

LANGS = ("en", "fr", "nl")


def reports(profile_id: str, lang: str) -> list[Report]:
    profile = load_profile(profile_id)
    documents, facts = complete_set(profile)
    out = []
    for dossier in (documents, []):
        results, deadlines = evaluate(profile, dossier, facts, lang)
        out.append(Report("1.0", "dossiers/client", profile_id, REF, tuple(dossier), (), tuple(results),
                          tuple(deadlines), 1, lang=lang))
    return out


def no_file_names(text: str, where: str) -> None:
    for found in ("seed ", ".txt", "research note", "belgian-rules"):
        assert found not in text, (where, found, text[max(0, text.find(found) - 80):text.find(found) + 80])


@pytest.mark.parametrize("profile_id", profile_ids())
def test_no_report_shows_an_internal_file_name(profile_id: str) -> None:
    for lang in LANGS:
        no_file_names(render_checklist(load_profile(profile_id), lang), f"{profile_id} checklist {lang}")
        for report in reports(profile_id, lang):
            for fmt in RENDERER_MODULES:
                no_file_names(render_report(report, fmt, lang=lang), f"{profile_id} {fmt} {lang}")


@pytest.mark.parametrize("profile_id", ["visa-d/employee", "eu/family", "renewal/card-a"])
def test_every_reporter_shows_the_names_and_links_the_sources(profile_id: str) -> None:
    for lang in LANGS:
        _, empty = reports(profile_id, lang)
        html = render_report(empty, "html", lang=lang)
        markdown = render_report(empty, "markdown", lang=lang)
        text = render_report(empty, "text", lang=lang)
        plain = json.loads(render_report(empty, "json", lang=lang))
        for result, entry in zip(empty.requirements, plain["requirements"], strict=True):
            assert result.name and entry["name"] == result.name
            assert f"<td>{result.name}</td>".replace("'", "&#39;") in html
            assert f"| {result.name} |" in markdown
            assert f" {result.name}: " in text
            assert "." not in result.name.split()[0]  # a name in words, not the id
            assert entry["source"] == result.source and "<https://" in result.source
            for title, url in result.sources:
                if url:
                    assert f'<a href="{url.replace("&", "&amp;")}" rel="noreferrer"' in html
                    assert f"]({url})" in markdown
                    if result.status != "pass":
                        assert f": {title} {url}\n" in text
        assert "<code>passport.validity</code>" not in html


def test_names_are_in_the_language_of_the_report() -> None:
    _, en = reports("visa-d/student", "en")
    _, fr = reports("visa-d/student", "fr")
    _, nl = reports("visa-d/student", "nl")
    names = {r.id: (a.name, b.name, c.name) for r, a, b, c in
             zip(en.requirements, en.requirements, fr.requirements, nl.requirements, strict=True)}
    assert names["passport.validity"] == ("Passport valid long enough", "Passeport valable assez longtemps",
                                          "Paspoort lang genoeg geldig")
    assert names["photos.count"] == ("2 passport photos", "2 photos d'identité", "2 pasfoto's")
    assert names["good_conduct.age"][1] == "Certificat de bonne conduite de 6 mois au plus"
    assert "✗ Paspoort lang genoeg geldig: " in render_report(nl, "text", lang="nl")


def test_the_checklist_names_each_requirement_and_its_pages() -> None:
    checklist = render_checklist(load_profile("renewal/card-a"), "nl")
    assert "[ ] Verlenging 30 tot 45 dagen voor de kaart vervalt (verplicht)" in checklist
    assert "    Bron: How to obtain a residence permit in Belgium (welcomebelgium.icu, June 2026) " \
           "https://welcomebelgium.icu/?p=11503" in checklist


def test_sources_file_lists_each_page_once_with_a_title() -> None:
    data = load_checked("sources.yaml", "sources.schema.json")["sources"]
    ids = [s["id"] for s in data]
    urls = [s["url"] for s in data if "url" in s]
    assert len(ids) == len(set(ids)) and len(urls) == len(set(urls))
    # every source of the research note's list is there (O1-O19, U1-U2, T1-T23)
    notes = {s.get("note") for s in data}
    wanted = {f"O{i}" for i in range(1, 20)} | {"O5b", "U1", "U2"} | {f"T{i}" for i in range(1, 24)}
    assert wanted <= notes
    # the five seed articles, each by what a reader can look for
    copies = [s for s in data if "copy" in s]
    assert len(copies) == 5 and all(re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", s["copy"]) for s in copies)
    assert all("seed " not in s["title"] and ".txt" not in s["title"] for s in data)
