"""The frame of the HTML and Markdown reports (headings, column names, verdict, captions) follows --lang.

Most tests render a small Report built by hand; one module fixture runs the real `check` and
`batch` commands on the bundled sample dossier, to follow --lang from the command line to the files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from dossiercheck.knowledge.wording import all_words, document_name, words_for
from dossiercheck.models import (
    DateField,
    Deadline,
    Document,
    Page,
    Report,
    RequirementResult,
    Skipped,
)
from dossiercheck.pipeline.batch import BatchResult, ClientResult
from dossiercheck.reporters import render_report

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "dossiers" / "visa-d-employee"
THUMBNAILS = {("passport.jpg", 0): SimpleNamespace(width=50, height=50, data_uri="data:image/jpeg;base64,AAAA",
                                                   scale=0.5)}


def small_report() -> Report:
    """Every part of the frame: each status, dates, a split file, an unknown type, skipped files, deadlines."""
    page = Page(index=0, width=100, height=100, text="x")
    documents = [
        Document(file="passport.jpg", sha256="a", mime="image/jpeg", pages=[page], type="passport", confidence=0.93,
                 language="en", dates=[DateField(dt.date(2026, 3, 1), "01 MAR <b>2026</b>", 0, "expiry",
                                                 box=(1, 2, 3, 4)),
                                       DateField(dt.date(1990, 4, 12), "12 APR 1990", 0, "birth")],
                 problems=["Page 1 is blurred"]),
        Document(file="scan.pdf", sha256="b", mime="application/pdf", pages=[page, page], type="unknown", part=(1, 2)),
        Document(file="scan.pdf", sha256="b", mime="application/pdf", pages=[page], type="lease", part=(0, 0)),
    ]
    requirements = [
        RequirementResult("passport.validity", "fail", "Passport expires 2026-03-01.", "passport", ("passport.jpg",),
                          "Royal Decree of 8 October 1981, art. 1", "Renew your passport.",
                          name="Passport valid long enough",
                          sources=(("Royal Decree of 8 October 1981, art. 1", ""),
                                   ("Fee [FAQ] & <more>", "https://dofi.ibz.be/en/fee?a=1&b=(2)"))),
        # no name and a source line only: a result built by an older caller
        RequirementResult("medical.age", "missing", "No medical certificate.", source="Medical page",
                          action="Add a medical certificate."),
        RequirementResult("lease.present", "pass", "Lease found.", files=("scan.pdf",), action="-"),
        RequirementResult("identity.match", "warn", "Names | differ.", action="Check the spelling."),
        RequirementResult("fee.payment", "manual", "Checked at the embassy."),
    ]
    return Report("1.2.3", "dossiers/jan", "visa-d/employee", dt.date(2027, 1, 15), documents,
                  [Skipped("notes.txt", "not a document")], requirements,
                  [Deadline(dt.date(2026, 2, 1), "Renew the passport", "passport.validity")], 1234)


def render(fmt: str, **options: object) -> str:
    return render_report(small_report(), fmt, thumbnails=THUMBNAILS, **options)


ENGLISH_MARKDOWN = """\
# Dossier check: not ready

- Dossier: `dossiers/jan`
- Procedure: `visa-d/employee`
- Appointment date: 2027-01-15
- dossiercheck 1.2.3

## Checklist

| | Requirement | Result | What to do | Files | Sources |
|---|---|---|---|---|---|
| ❌ | Passport valid long enough | Passport expires 2026-03-01. | Renew your passport. | passport.jpg | \
Royal Decree of 8 October 1981, art. 1; \
[Fee \\[FAQ\\] & <more>](https://dofi.ibz.be/en/fee?a=1&b=%282%29) |
| ❌ | Medical age | No medical certificate. | Add a medical certificate. |  | Medical page |
| ✅ | Lease present | Lease found. |  | scan.pdf |  |
| ⚠️ | Identity match | Names \\| differ. | Check the spelling. |  |  |
| 👀 | Fee payment | Checked at the embassy. |  |  |  |

## Documents

| File | Type | Pages | Dates | Problems |
|---|---|---:|---|---|
| `passport.jpg` | Passport | 1 | expiry 2026-03-01, birth 1990-04-12 | Page 1 is blurred |
| `scan.pdf (pages 2-3)` | not recognised | 2 |  |  |
| `scan.pdf (page 1)` | Lease | 1 |  |  |

## Not read

- `notes.txt`: not a document

## Deadlines

- 2026-02-01: Renew the passport
"""

ENGLISH_HTML = [
    '<html lang="en">',
    "<title>Dossier check: not ready</title>",
    "<h1>Dossier check</h1>",
    '<span class="verdict incomplete">NOT READY</span>',
    "<p>Dossier <code>dossiers/jan</code> · procedure <code>visa-d/employee</code> ·\n"
    " appointment date 2027-01-15 · dossiercheck 1.2.3</p>",
    "<h2>Checklist</h2>",
    "<tr><th></th><th>Requirement</th><th>Result and what to do</th><th>Files</th></tr>",
    '<td>Passport valid long enough</td>',
    '<div class="muted">Sources: Royal Decree of 8 October 1981, art. 1 · <a href="https://dofi.ibz.be/en/fee?a=1&amp;b=(2)"'
    ' rel="noreferrer" target="_blank">Fee [FAQ] &amp; &lt;more&gt;</a></div>',
    '<td>Medical age</td>',
    '<div class="muted">Source: Medical page</div>',
    "<h2>Deadlines</h2>",
    "<li>2026-02-01: Renew the passport</li>",
    "<h2>Documents (3)</h2>",
    "<h3><code>passport.jpg</code> · Passport (93%)</h3>",
    "<p>expiry: <strong>2026-03-01</strong> · birth: <strong>1990-04-12</strong> · language: en</p>",
    '<title>expiry: 2026-03-01 (read "01 MAR &lt;b&gt;2026&lt;/b&gt;")</title>',
    "<h3><code>scan.pdf (pages 2-3)</code> · not recognised</h3>",
    "<h3><code>scan.pdf (page 1)</code> · Lease (0%)</h3>",
    "<h2>Not read</h2>",
    "<li><code>notes.txt</code>: not a document</li>",
    '<p class="muted">Made on this computer by dossiercheck; nothing was sent anywhere.</p>',
]

NBSP = "\u00a0"
FRAME = {
    "fr": {
        "html": [
            '<html lang="fr">',
            f"<title>Vérification du dossier{NBSP}: pas prêt</title>",
            "<h1>Vérification du dossier</h1>",
            '<span class="verdict incomplete">PAS PRÊT</span>',
            "procédure <code>visa-d/employee</code>",
            "date du rendez-vous 2027-01-15",
            "<h2>Liste de contrôle</h2>",
            "<tr><th></th><th>Condition</th><th>Résultat et ce qu'il faut faire</th><th>Fichiers</th></tr>",
            f'<div class="muted">Sources{NBSP}: Royal Decree',
            "<h2>Dates limites</h2>",
            "<h3><code>passport.jpg</code> · Passeport (93\u00a0%)</h3>",
            f"date d&#39;expiration{NBSP}: <strong>2026-03-01</strong> · date de naissance{NBSP}: "
            f"<strong>1990-04-12</strong> · langue{NBSP}: en",
            f"(lu «{NBSP}01 MAR &lt;b&gt;2026&lt;/b&gt;{NBSP}»)",
            "<h3><code>scan.pdf (pages 2 à 3)</code> · non reconnu</h3>",
            "<h2>Non lus</h2>",
            f"Fait sur cet ordinateur par dossiercheck{NBSP}; rien n'a été envoyé nulle part.",
        ],
        "markdown": [
            f"# Vérification du dossier{NBSP}: pas prêt\n",
            f"- Procédure{NBSP}: `visa-d/employee`\n",
            f"- Date du rendez-vous{NBSP}: 2027-01-15\n",
            "## Liste de contrôle\n",
            "| | Condition | Résultat | Que faire | Fichiers | Sources |\n",
            "| Fichier | Type | Pages | Dates | Problèmes |\n",
            "| date d'expiration 2026-03-01, date de naissance 1990-04-12 |",
            "| `scan.pdf (pages 2 à 3)` | non reconnu |",
            "## Non lus\n",
            "## Dates limites\n",
        ],
    },
    "nl": {
        "html": [
            '<html lang="nl">',
            "<title>Nazicht van het dossier: niet klaar</title>",
            "<h1>Nazicht van het dossier</h1>",
            '<span class="verdict incomplete">NIET KLAAR</span>',
            "datum van de afspraak 2027-01-15",
            "<h2>Controlelijst</h2>",
            "<tr><th></th><th>Voorwaarde</th><th>Resultaat en wat u moet doen</th><th>Bestanden</th></tr>",
            '<div class="muted">Bronnen: Royal Decree',
            "<h2>Uiterste datums</h2>",
            "<h2>Documenten (3)</h2>",
            "vervaldatum: <strong>2026-03-01</strong> · geboortedatum: <strong>1990-04-12</strong> · taal: en",
            '(gelezen als "01 MAR &lt;b&gt;2026&lt;/b&gt;")',
            "<h3><code>scan.pdf (pagina&#39;s 2-3)</code> · niet herkend</h3>",
            "<h3><code>scan.pdf (pagina 1)</code> · Huurovereenkomst (0%)</h3>",
            "<h2>Niet gelezen</h2>",
            "Gemaakt op deze computer door dossiercheck; er is niets verstuurd.",
        ],
        "markdown": [
            "# Nazicht van het dossier: niet klaar\n",
            "- Datum van de afspraak: 2027-01-15\n",
            "## Controlelijst\n",
            "| | Voorwaarde | Resultaat | Wat moet u doen | Bestanden | Bronnen |\n",
            "## Documenten\n",
            "| Bestand | Soort | Pagina's | Datums | Problemen |\n",
            "| vervaldatum 2026-03-01, geboortedatum 1990-04-12 |",
            "| `scan.pdf (pagina's 2-3)` | niet herkend |",
            "## Niet gelezen\n",
            "## Uiterste datums\n",
        ],
    },
}
# English frame words that neither French nor Dutch shares: none may be left in a translated report.
ENGLISH_ONLY = ["Dossier check", "READY", "ready", "Requirement", "What to do", "what to do", "Appointment",
                "appointment", "Deadlines", "Not read", "Checklist", "Files", "Problems", "language",
                "expiry", "birth", "unknown", "(read ", "Made on this computer", "nothing was sent"]


def test_every_language_words_the_same_frame() -> None:
    keys = set(all_words()["en"])
    for lang, words in all_words().items():
        # A language may add singular forms ("_one") of counted words; nothing else differs.
        assert {key for key in words if not key.endswith("_one") or key in keys} == keys, lang
        assert all(text.strip() for key, text in words.items() if key not in ("colon", "or")), lang


def test_english_markdown_is_as_it_was() -> None:
    assert render("markdown") == ENGLISH_MARKDOWN
    assert render("markdown", lang="en") == ENGLISH_MARKDOWN


def test_english_html_is_as_it_was() -> None:
    html = render("html")
    for expected in ENGLISH_HTML:
        assert expected in html
    assert render("html", lang="en") == html


@pytest.mark.parametrize("lang", ["de", "", "EN"])
def test_a_language_without_words_falls_back_to_english(lang: str) -> None:
    assert render("markdown", lang=lang) == ENGLISH_MARKDOWN
    assert render("html", lang=lang) == render("html")


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_the_frame_is_in_the_report_language(lang: str, fmt: str) -> None:
    rendered = render(fmt, lang=lang)
    for expected in FRAME[lang][fmt]:
        assert expected in rendered, expected
    frame = rendered
    for own in ("Passport expires", "Renew your passport", "Add a medical certificate", "Check the spelling",
                "Checked at the embassy", "Renew the passport", "Page 1 is blurred", "not a document",
                "Passport valid long enough", "Medical page", "Fee [FAQ] & <more>", "Fee \\[FAQ\\] & <more>",
                "Fee [FAQ] &amp; &lt;more&gt;", "Medical age", "Lease present", "Identity match", "Fee payment"):
        frame = frame.replace(own, "")  # the messages: worded by the profiles, not by the frame
    for english in ENGLISH_ONLY:
        assert english not in frame, english
    # What came from the documents and the profiles is there, unchanged.
    for kept in ("| Passport valid long enough |" if fmt == "markdown" else "<td>Passport valid long enough</td>",
                 "Renew your passport.", "visa-d/employee", "2027-01-15", "https://dofi.ibz.be/en/fee"):
        assert kept in rendered


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_what_came_from_a_document_is_still_escaped(lang: str) -> None:
    html = render("html", lang=lang)
    assert "<b>2026</b>" not in html and "&lt;b&gt;2026&lt;/b&gt;" in html


def test_the_parts_of_a_split_file_are_named_in_the_report_language() -> None:
    part = SimpleNamespace(file="scan.pdf", part=(0, 3))
    assert document_name(part, "en") == "scan.pdf (pages 1-4)"
    assert document_name(part, "fr") == "scan.pdf (pages 1 à 4)"
    assert document_name(part, "nl") == "scan.pdf (pagina's 1-4)"
    assert document_name(SimpleNamespace(file="a.pdf", part=None), "nl") == "a.pdf"
    for document in small_report().documents:
        assert document_name(document, "en") == document.name  # English: as Document.name has it


def test_json_and_junit_do_not_change_with_the_language() -> None:
    for fmt in ("json", "junit"):
        assert render(fmt, lang="fr") == render(fmt, lang="nl") == render(fmt)


def test_batch_writes_each_client_report_in_the_language(tmp_path: Path) -> None:
    from dossiercheck.cli.batch import write_batch

    report = small_report()
    report = dataclasses.replace(report, documents=())  # no thumbnails to draw
    client = ClientResult(name="jan", folder=tmp_path / "clients" / "jan", profile=report.profile,
                          reference_date=report.reference_date, verdict=report.verdict, report=report)
    write_batch(BatchResult(clients_dir=tmp_path / "clients", clients=[client]), tmp_path / "out", False, "nl")
    target = tmp_path / "out" / "jan"
    assert '<html lang="nl">' in (target / "report.html").read_text(encoding="utf-8")
    assert (target / "report.md").read_text(encoding="utf-8").startswith("# Nazicht van het dossier: niet klaar\n")
    assert "NIET KLAAR" in (target / "report.txt").read_text(encoding="utf-8")


# --- from the command line, on the bundled sample dossier (real OCR, once for the module) ----------


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory, ocr_cache_dir: Path) -> dict[str, Path]:
    """`check --lang fr` and `batch --lang nl` on the sample dossier; the second run reads from the cache."""
    from dossiercheck.cli import main

    out = tmp_path_factory.mktemp("language")
    clients = out / "clients"
    shutil.copytree(SAMPLE, clients / "jan")
    formats = [x for f in ("html", "markdown", "text") for x in ("--format", f)]
    runner = CliRunner()
    checked = runner.invoke(main, ["check", str(SAMPLE), "--date", "2027-01-15", "--lang", "fr", *formats,
                                   "--output-dir", str(out / "check")])
    assert checked.exit_code in (0, 1), checked.output
    batched = runner.invoke(main, ["batch", str(clients), "--date", "2027-01-15", "--lang", "nl",
                                   "--output-dir", str(out / "batch")])
    assert batched.exit_code in (0, 1), batched.output
    return {"fr": out / "check", "nl": out / "batch" / "jan"}


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_command_line_language_reaches_the_html_and_markdown(lang: str, written: dict[str, Path]) -> None:
    w = words_for(lang)
    html = (written[lang] / "report.html").read_text(encoding="utf-8")
    markdown = (written[lang] / "report.md").read_text(encoding="utf-8")
    text = (written[lang] / "report.txt").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{w['title']}</h1>" in html and f"<h2>{w['checklist']}</h2>" in html
    assert re.search(f'<span class="verdict (in)?complete">({w["ready"]}|{w["not_ready"]})</span>', html)
    assert f"<th>{w['requirement']}</th>" in html
    assert markdown.startswith(f"# {w['title']}{w['colon']}")
    assert (f"| | {w['requirement']} | {w['result']} | {w['what_to_do']} | {w['files_title']} | {w['sources']} |"
            in markdown)
    assert f"## {w['documents']}\n" in markdown
    assert w["checklist"] in text  # the terminal report, in the same language
    for english in ("Dossier check", "Result and what to do", "What to do", "Appointment date",
                    "Made on this computer"):
        assert english not in html and english not in markdown
