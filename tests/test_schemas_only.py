"""A newcomer adds a document type and a procedure by editing `schemas/` only (issue 17).

A copy of the shipped schemas gets a throwaway type (a library card) and a throwaway procedure asking for
one; the unchanged CLI, pointed at the copy, classifies a generated page as that type and checks the
requirement. The wheel, for its part, carries no generator code.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import text_page

ROOT = Path(__file__).resolve().parent.parent

LIBRARY_CARD = """\
id: library_card
names: {en: Library card, fr: Carte de bibliothèque, nl: Bibliotheekkaart, de: Bibliotheksausweis}
description: A throwaway type made by a test, to prove a type needs no code.
sources: ["tests/test_schemas_only.py"]
min_score: 6
cues:
  en:
    - {phrase: municipal library reader card, weight: 6}
    - {phrase: borrower number, weight: 2}
  fr: []
  nl: []
  de: []
"""

PROCEDURE = """\
title: {en: "Throwaway procedure", fr: "Procédure d'essai", nl: "Testprocedure"}
description: Made by a test.
requirements:
  - id: library_card.present
    name: {en: "A library card", fr: "Une carte de bibliothèque", nl: "Een bibliotheekkaart"}
    check: presence
    documents: [library_card]
    severity: fail
    source:
      - {ref: seed-welcomebelgium, detail: "none: a test"}
    messages:
      en: {fail: "No library card was found.", action: "Add it."}
      fr: {fail: "Aucune carte.", action: "Ajoutez-la."}
      nl: {fail: "Geen kaart.", action: "Voeg ze toe."}
"""


def test_a_new_type_and_procedure_need_only_schemas(tmp_path: Path) -> None:
    schemas = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", schemas)
    (schemas / "doctypes" / "library_card.yaml").write_text(LIBRARY_CARD, encoding="utf-8")
    (schemas / "profiles" / "throwaway").mkdir()
    (schemas / "profiles" / "throwaway" / "library.yaml").write_text(PROCEDURE, encoding="utf-8")
    folder = tmp_path / "dossier"
    folder.mkdir()
    text_page(["MUNICIPAL LIBRARY READER CARD", "Borrower number 482 119", "Valid at every branch"]).save(
        folder / "card.png")
    env = {**os.environ, "DOSSIERCHECK_SCHEMAS_DIR": str(schemas), "DOSSIERCHECK_CACHE_DIR": str(tmp_path / "c")}
    result = subprocess.run([sys.executable, "-m", "dossiercheck", "check", str(folder), "--profile",
                             "throwaway/library", "--date", "2027-01-15", "--format", "json"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [d["type"] for d in report["documents"]] == ["library_card"]
    assert [(r["id"], r["status"]) for r in report["requirements"]] == [("library_card.present", "pass")]
    # Without the copy, the shipped schemas know no such procedure.
    plain = {k: v for k, v in env.items() if k != "DOSSIERCHECK_SCHEMAS_DIR"}
    refused = subprocess.run([sys.executable, "-m", "dossiercheck", "check", str(folder), "--profile",
                              "throwaway/library", "--date", "2027-01-15"],
                             capture_output=True, text=True, env=plain, timeout=300)
    assert refused.returncode == 2


def test_the_wheel_holds_the_product_and_no_generator(tmp_path: Path) -> None:
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                            "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("dossiercheck-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "dossiercheck/api.py" in names
    assert any(n.startswith("dossiercheck/schemas/doctypes/") and n.endswith(".yaml") for n in names)
    assert "dossiercheck/reporters/templates/report.html.j2" in names
    assert {"dossiercheck/web/static/page.js", "dossiercheck/web/static/page.css"} <= set(names)
    assert not [n for n in names if "samplegen" in n or n.startswith(("generator/", "tests/", "bench/"))]
