"""The batch summary (index.html, the summary line, the terminal table) follows --lang; summary.csv does not.

Every test renders a BatchResult built by hand, or runs `batch` on folders that fail before any
page is read: no OCR here (tests/test_batch.py runs the real thing, in English).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossiercheck.knowledge.wording import all_words
from dossiercheck.models import BatchResult, ClientResult, Deadline
from dossiercheck.reporters.batch_index import render_index, render_summary_csv, render_summary_table, summary_line

NBSP = "\u00a0"
# The client's own data (names, ids, the profile's deadline words, the library's error): not frame words.
OWN = ["anna", "chen <b>&", "chen%20%3Cb%3E%26", "chen &lt;b&gt;&amp;", "broken", "reused",
       "municipality/registration", "visa-d/employee", "eu/student", "lease.present", "passport.validity",
       "photo.recent", "Register at the commune", "no dossier.yaml: add one", "Sign <b>the</b> lease",
       "Sign &lt;b&gt;the&lt;/b&gt; lease"]


def small_batch() -> BatchResult:
    """One client of each kind: complete with warnings, incomplete, in error, and reused from the last run."""
    ref = dt.date(2027, 1, 15)
    return BatchResult(Path("clients"), [
        ClientResult("anna", Path("clients/anna"), "municipality/registration", ref, "complete",
                     warnings=("photo.recent",),
                     deadlines=(Deadline(dt.date(2027, 1, 20), "Register at the commune", "register.within"),)),
        ClientResult("chen <b>&", Path("clients/chen"), "visa-d/employee", ref, "incomplete",
                     blocking=("lease.present", "passport.validity"),
                     deadlines=(Deadline(dt.date(2027, 2, 1), "Sign <b>the</b> lease", "lease.present"),)),
        ClientResult("broken", Path("clients/broken"), error="no dossier.yaml: add one"),
        ClientResult("reused", Path("clients/reused"), "eu/student", ref, "complete", reused=True),
    ])


ENGLISH_TABLE = """\
CLIENT     PROFILE                    VERDICT     BLOCKING / NEAREST DEADLINE
anna       municipality/registration  complete    2027-01-20 Register at the commune
chen <b>&  visa-d/employee            incomplete  lease.present passport.validity; 2027-02-01 Sign <b>the</b> lease
broken                                error       no dossier.yaml: add one
reused     eu/student                 complete    no deadline
4 dossiers: 2 complete, 1 incomplete, 1 could not be checked; 1 unchanged since the last run \
(reports reused, not rendered again).
"""

ENGLISH_INDEX = [
    '<html lang="en">',
    "<title>Dossier check: 4 dossiers</title>",
    "<h1>Dossier check: all clients</h1>",
    '<span class="verdict complete">2 ready</span>',
    '<span class="verdict incomplete">1 not ready</span>',
    '<span class="verdict error">1 could not be checked</span>',
    "<tr><th>Client</th><th>Procedure</th><th>Appointment</th><th>Verdict</th><th>Blocking requirements</th>\n"
    " <th>Nearest deadline</th><th>Reports</th></tr>",
    '<span class="verdict complete">READY</span>',
    '<span class="verdict incomplete">NOT READY</span>',
    '<span class="verdict error">ERROR</span>',
    '<div class="muted">warnings: photo.recent</div>',
    "· everything was checked on this computer · summary.csv holds the same table.</p>",
]

FRAME = {
    "fr": {
        "line": f"4 dossiers{NBSP}: 2 complet(s), 1 incomplet(s), 1 impossible(s) à vérifier{NBSP}; "
                "1 inchangé(s) depuis la dernière fois (rapports réutilisés, pas refaits).",
        "one": f"1 dossier{NBSP}: 1 complet(s), 0 incomplet(s), 0 impossible(s) à vérifier.",
        "table": [
            "CLIENT     PROCÉDURE                  RÉSULTAT   BLOQUANT / PROCHAINE DATE LIMITE",
            "anna       municipality/registration  complet    2027-01-20 Register at the commune",
            "chen <b>&  visa-d/employee            incomplet  lease.present passport.validity; 2027-02-01 "
            "Sign <b>the</b> lease",
            "broken                                erreur     no dossier.yaml: add one",
            "reused     eu/student                 complet    pas de date limite",
        ],
        "index": [
            '<html lang="fr">',
            f"<title>Vérification des dossiers{NBSP}: 4 dossiers</title>",
            f"<h1>Vérification des dossiers{NBSP}: tous les clients</h1>",
            '<span class="verdict complete">2 prêts</span>',
            '<span class="verdict incomplete">1 pas prêt</span>',
            '<span class="verdict error">1 impossible(s) à vérifier</span>',
            "<tr><th>Client</th><th>Procédure</th><th>Rendez-vous</th><th>Résultat</th>"
            "<th>Conditions bloquantes</th>\n <th>Prochaine date limite</th><th>Rapports</th></tr>",
            '<span class="verdict complete">PRÊT</span>',
            '<span class="verdict incomplete">PAS PRÊT</span>',
            '<span class="verdict error">ERREUR</span>',
            f'<div class="muted">avertissements{NBSP}: photo.recent</div>',
            "· tout a été vérifié sur cet ordinateur · summary.csv contient le même tableau.</p>",
        ],
    },
    "nl": {
        "line": "4 dossiers: 2 volledig, 1 onvolledig, 1 kon(den) niet worden nagekeken; "
                "1 ongewijzigd sinds de vorige keer (rapporten hergebruikt, niet opnieuw gemaakt).",
        "one": "1 dossier: 1 volledig, 0 onvolledig, 0 kon(den) niet worden nagekeken.",
        "table": [
            "CLIËNT     PROCEDURE                  RESULTAAT   BLOKKEREND / EERSTVOLGENDE UITERSTE DATUM",
            "anna       municipality/registration  volledig    2027-01-20 Register at the commune",
            "chen <b>&  visa-d/employee            onvolledig  lease.present passport.validity; 2027-02-01 "
            "Sign <b>the</b> lease",
            "broken                                fout        no dossier.yaml: add one",
            "reused     eu/student                 volledig    geen uiterste datum",
        ],
        "index": [
            '<html lang="nl">',
            "<title>Nazicht van de dossiers: 4 dossiers</title>",
            "<h1>Nazicht van de dossiers: alle cliënten</h1>",
            '<span class="verdict complete">2 klaar</span>',
            '<span class="verdict incomplete">1 niet klaar</span>',
            '<span class="verdict error">1 kon(den) niet worden nagekeken</span>',
            "<tr><th>Cliënt</th><th>Procedure</th><th>Afspraak</th><th>Resultaat</th>"
            "<th>Blokkerende voorwaarden</th>\n <th>Eerstvolgende uiterste datum</th><th>Rapporten</th></tr>",
            '<span class="verdict complete">KLAAR</span>',
            '<span class="verdict incomplete">NIET KLAAR</span>',
            '<span class="verdict error">FOUT</span>',
            '<div class="muted">waarschuwingen: photo.recent</div>',
            "· alles werd op deze computer nagekeken · summary.csv bevat dezelfde tabel.</p>",
        ],
    },
}
# English frame words of the summary that neither French nor Dutch shares. ("Client" is French too:
# the Dutch index is checked for it below, the French one by its exact header row above.)
ENGLISH_ONLY = ["ready", "READY", "ERROR", "Dossier check", "all clients", "Appointment", "Verdict",
                "Blocking", "Nearest deadline", "deadline", "Reports", "warnings", "could not be checked",
                "complete", "unchanged", "last run", "everything was checked", "holds the same table"]


def frame_only(text: str) -> str:
    """What a reader sees of the frame: without the clients' own data, the styles and the class names (ids)."""
    text = re.sub(r"<style>.*?</style>", "", text, flags=re.S)
    text = re.sub(r' class="[^"]*"', "", text)
    for own in OWN:
        text = text.replace(own, "")
    return text


def test_english_is_as_it_was() -> None:
    result = small_batch()
    assert render_summary_table(result) == render_summary_table(result, lang="en") == ENGLISH_TABLE
    assert summary_line(result) == ENGLISH_TABLE.splitlines()[-1]
    assert summary_line(BatchResult(Path("x"), small_batch().clients[:1])).startswith("1 dossier: ")
    index = render_index(result)
    assert render_index(result, lang="en") == index
    for expected in ENGLISH_INDEX:
        assert expected in index, expected
    for english in ENGLISH_ONLY + ["Client"]:  # so the checks below, that they are gone, can fail
        assert english in frame_only(index), english


@pytest.mark.parametrize("lang", ["de", "", "EN"])
def test_a_language_without_words_falls_back_to_english(lang: str) -> None:
    result = small_batch()
    assert render_index(result, lang=lang) == render_index(result)
    assert render_summary_table(result, lang=lang) == ENGLISH_TABLE
    assert summary_line(result, lang) == summary_line(result)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_summary_line_is_in_the_language(lang: str) -> None:
    assert summary_line(small_batch(), lang) == FRAME[lang]["line"]
    one = BatchResult(Path("x"), small_batch().clients[:1])
    assert summary_line(one, lang) == FRAME[lang]["one"]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_terminal_table_is_in_the_language(lang: str) -> None:
    lines = render_summary_table(small_batch(), lang=lang).splitlines()
    assert lines[:-1] == FRAME[lang]["table"]
    assert lines[-1] == FRAME[lang]["line"]
    for english in ENGLISH_ONLY:
        assert english not in frame_only("\n".join(lines)), english


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_colors_keep_to_the_verdict_not_its_word(lang: str) -> None:
    colored = render_summary_table(small_batch(), color=True, lang=lang)
    plain = render_summary_table(small_batch(), lang=lang)
    assert colored != plain
    assert "\x1b[" not in plain
    assert "\x1b[32m" in colored and "\x1b[31m" in colored and "\x1b[33m" in colored  # green, red, yellow


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_index_is_in_the_language(lang: str) -> None:
    index = render_index(small_batch(), lang=lang)
    for expected in FRAME[lang]["index"]:
        assert expected in index, expected
    assert f"<p>{FRAME[lang]['line']}</p>" in index
    frame = frame_only(index)
    for english in ENGLISH_ONLY:
        assert english not in frame, english
    if lang == "nl":
        assert "Client" not in frame
    # What came from the clients' folders and the profiles is there, and escaped.
    assert "<td>chen &lt;b&gt;&amp;</td>" not in index  # a checked client's name is a link
    assert '<a href="chen%20%3Cb%3E%26/report.html">chen &lt;b&gt;&amp;</a>' in index
    assert "Sign &lt;b&gt;the&lt;/b&gt; lease" in index and "<b>" not in index
    assert "<td>no dossier.yaml: add one</td>" in index


def test_the_index_without_reports_links_nothing() -> None:
    index = render_index(small_batch(), with_reports=False, lang="nl")
    assert "report." not in index and '<html lang="nl">' in index


def test_summary_csv_stays_in_ids() -> None:
    """summary.csv is read by scripts: English column names and verdict ids, whatever --lang."""
    csv = render_summary_csv(small_batch())
    assert csv.splitlines()[0] == ("client,profile,verdict,blocking,warnings,nearest_deadline,deadline_what,"
                                   "reference_date,error")
    assert [line.split(",")[2] for line in csv.splitlines()[1:]] == ["complete", "incomplete", "error", "complete"]


def test_counts_take_the_singular_each_language_uses() -> None:
    from dossiercheck.knowledge.wording import counted

    assert [counted("en", "batch_ready", n) for n in (0, 1, 2)] == ["0 ready", "1 ready", "2 ready"]
    assert [counted("en", "batch_dossiers", n) for n in (0, 1, 2)] == ["0 dossiers", "1 dossier", "2 dossiers"]
    # French takes the singular for zero too.
    assert [counted("fr", "batch_not_ready", n) for n in (0, 1, 2)] == ["0 pas prêt", "1 pas prêt", "2 pas prêts"]
    assert counted("xx", "batch_dossiers", 1) == "1 dossier"  # an unknown language falls back to English


def test_every_language_has_the_batch_words() -> None:
    keys = {key for key in all_words()["en"] if key.startswith("batch_")}
    assert keys and all(keys <= set(words) for words in all_words().values())


def test_write_batch_words_the_index_in_the_language(tmp_path: Path) -> None:
    from dossiercheck.cli.batch import write_batch

    result = small_batch()
    result = dataclasses.replace(result, clients=tuple(c for c in result.clients if c.report is None))
    write_batch(result, tmp_path / "out", False, "fr")
    assert '<html lang="fr">' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8") == render_summary_csv(result)


def test_the_command_line_language_reaches_the_table_and_the_index(tmp_path: Path) -> None:
    """Folders without dossier.yaml and without --profile fail before any page is read: no OCR."""
    from dossiercheck.cli.batch import batch

    for name in ("jan", "piet"):
        (tmp_path / "clients" / name).mkdir(parents=True)
        (tmp_path / "clients" / name / "notes.txt").write_text("x\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(batch, [str(tmp_path / "clients"), "--lang", "nl", "--no-cache",
                                        "--output-dir", str(out)])
    assert result.exit_code == 1, result.output
    assert "CLIËNT" in result.output and "RESULTAAT" in result.output
    assert "2 dossiers: 0 volledig, 0 onvolledig, 2 kon(den) niet worden nagekeken." in result.output
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in index and '<span class="verdict error">FOUT</span>' in index
    # Why each folder could not be checked is worded in the language too.
    assert result.output.count("welke procedure? geen dossier.yaml: voeg er een toe") == 2
    assert "welke procedure? geen dossier.yaml" in index and "which procedure" not in index
    assert (out / "summary.csv").read_text(encoding="utf-8").startswith("client,profile,verdict,")
