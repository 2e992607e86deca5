"""A file that holds several documents (a whole dossier scanned into one PDF) is checked as several."""

from __future__ import annotations

import datetime as dt

from dossiercheck.classify.split import page_runs
from dossiercheck.models import FileReading, Page
from dossiercheck.pipeline.analyse import analyse_readings

REF = dt.date(2027, 3, 1)

GOOD_CONDUCT = (
    "ROYAUME DE BELGIQUE - SPF Justice\nEXTRAIT DE CASIER JUDICIAIRE\n"
    "Le soussigné certifie que la personne désignée ci-dessous n'a fait l'objet d'aucune condamnation.\n"
    "Nom : DUPONT   Prénom : Marie\nNée le 12/04/1990 à Liège\nFait à Bruxelles, le 3 janvier 2027"
)
MEDICAL = (
    "CERTIFICAT MÉDICAL\nLe médecin soussigné certifie avoir examiné Marie DUPONT, née le 12/04/1990,\n"
    "et qu'elle n'est atteinte d'aucune des maladies pouvant mettre en danger la santé publique\n"
    "énumérées à l'annexe de la loi du 15 décembre 1980.\nFait à Namur, le 10 février 2027\n"
    "Dr A. Martin, INAMI 1-23456-78-901"
)
LEASE_1 = (
    "BAIL DE RÉSIDENCE PRINCIPALE\nEntre le bailleur Jean Peeters et le preneur Marie Dupont\n"
    "il est convenu ce qui suit. Article 1. Le bailleur donne en location au preneur l'appartement situé\n"
    "rue Haute 12, 1000 Bruxelles. Article 2. Le bail prend cours le 1er février 2027."
)
LEASE_2 = (
    "Article 7. Le loyer est payable le premier de chaque mois.\nArticle 8. Les charges sont forfaitaires.\n"
    "Fait à Bruxelles, le 20 janvier 2027, en deux exemplaires."
)


def pdf(*texts: str) -> FileReading:
    pages = tuple(Page(index=i, width=1240, height=1754, text=t, source="text-layer") for i, t in enumerate(texts))
    return FileReading(file="all.pdf", sha256="0" * 64, mime="application/pdf", size=1000, pages=pages)


def test_a_scan_of_several_documents_is_split_by_page() -> None:
    documents = analyse_readings([pdf(GOOD_CONDUCT, MEDICAL, LEASE_1, LEASE_2)], REF)
    assert [(d.type, d.part) for d in documents] == [("good_conduct", (0, 0)), ("medical", (1, 1)), ("lease", (2, 3))]
    good_conduct, medical, lease = documents
    assert good_conduct.date("issue") == dt.date(2027, 1, 3)
    assert medical.date("issue") == dt.date(2027, 2, 10)
    assert lease.date("issue") == dt.date(2027, 1, 20)  # signed on its second page, kept with the first
    assert lease.name == "all.pdf (pages 3-4)" and medical.name == "all.pdf (page 2)"
    assert sum(d.size for d in documents) == 1000


def test_a_document_whose_later_pages_say_nothing_stays_whole() -> None:
    documents = analyse_readings([pdf(LEASE_1, LEASE_2)], REF)
    assert len(documents) == 1
    assert documents[0].part is None and documents[0].name == "all.pdf"
    assert documents[0].type == "lease"


def test_undecided_pages_join_the_run_before_them() -> None:
    assert page_runs(["lease", None, None]) == [(0, 2)]
    assert page_runs([None, "lease", "medical", None]) == [(0, 1), (2, 3)]
    assert page_runs(["passport", "passport", "visa"]) == [(0, 1), (2, 2)]
    assert page_runs([None, None]) == [(0, 1)]


def test_a_scanned_pdf_holding_the_certificates_is_checked_as_separate_documents(tmp_path) -> None:
    """Real OCR: the bundled dossier with its police certificate and medical certificate scanned into one PDF."""
    import shutil
    from pathlib import Path

    from PIL import Image

    from dossiercheck.api import ReadOptions, check_dossier

    bundled = Path(__file__).resolve().parent.parent / "samples" / "dossiers" / "visa-d-employee"
    folder = tmp_path / "dossier"
    shutil.copytree(bundled, folder)
    pages = [Image.open(folder / name).convert("RGB") for name in ("police_clearance.png", "medisch_attest.webp")]
    pages[0].save(folder / "scan.pdf", save_all=True, append_images=pages[1:], resolution=150)
    for name in ("police_clearance.png", "medisch_attest.webp"):
        (folder / name).unlink()
    report = check_dossier(folder, reference_date=dt.date(2027, 1, 15), options=ReadOptions())
    parts = {d.type: d for d in report.documents if d.file == "scan.pdf"}
    assert set(parts) == {"good_conduct", "medical"}
    assert parts["good_conduct"].part == (0, 0) and parts["medical"].part == (1, 1)
    assert parts["medical"].date("issue") is not None
    by_id = {r.id: r for r in report.requirements}
    assert any("scan.pdf (page 2)" in r.files for r in by_id.values())
