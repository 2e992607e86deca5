"""Language: fr/nl/en/de and a few others, None when too short, unsure or only bilingual labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossiercheck.text.language import body_text, detect_language

TEXTS = {
    "fr": "Le soussigné certifie que la personne désignée ci-dessous n'a fait l'objet d'aucune condamnation pénale.",
    "nl": "Ondergetekende verklaart dat de hierna vermelde persoon geen strafrechtelijke veroordelingen heeft.",
    "de": "Hiermit wird bescheinigt, dass für die genannte Person keine Eintragung im Zentralregister vorhanden ist.",
    "en": "This is to certify that the person named below has no criminal record in the records of this office.",
    "es": "El presente certificado de antecedentes penales se expide a petición del interesado para los trámites.",
    "tr": "Bu belge, yukarıda kimlik bilgileri yazılı kişinin adli sicil kaydının bulunmadığını gösterir.",
    "ar": "تشهد المديرية العامة للأمن الوطني بأن الشخص المذكور أعلاه ليس له أي سوابق قضائية مسجلة لديها",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_detects_the_language(code: str) -> None:
    assert detect_language(TEXTS[code]) == code


@pytest.mark.parametrize("text", ["", "Bonjour", "14.03.2031 Z1234567", "DUPONT MARIE 1990"])
def test_too_little_text_is_none(text: str) -> None:
    assert detect_language(text) is None


def test_passport_with_only_bilingual_labels_is_none() -> None:
    text = (
        "PASSPORT / PASSEPORT\nType / Type   Code / Code   Passport No. / No. du passeport\nP  GBR  123456789\n"
        "Surname / Nom\nSMITH\nGiven names / Prénoms\nJOHN\nNationality / Nationalité\nBRITISH CITIZEN\n"
        "Date of birth / Date de naissance\n14 MAR /MARS 85\nDate of expiry / Date d'expiration\n14 MAR /MARS 31\n"
        "P<GBRSMITH<<JOHN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n1234567897GBR8503149M3103146<<<<<<<<<<<<<<02"
    )
    assert detect_language(text) is None


def test_labels_are_removed_but_body_kept() -> None:
    text = "Surname / Nom\nDUPONT\n" + TEXTS["fr"]
    assert "Surname" not in body_text(text)
    assert detect_language(text) == "fr"


def test_mixed_languages_follow_the_body() -> None:
    text = "Date / Datum / Date\n" + TEXTS["nl"] + "\n" + TEXTS["nl"]
    assert detect_language(text) == "nl"


def test_the_model_kept_in_the_cache_answers_as_the_shipped_one(tmp_path: Path) -> None:
    from dossiercheck.text import language

    texts = [
        "Le présent certificat atteste que la personne nommée ci-dessus n'a fait l'objet d'aucune condamnation.",
        "Hierbij verklaar ik dat de huurder de woning heeft gehuurd voor een periode van twaalf maanden.",
        "Por la presente se certifica que la persona arriba mencionada no tiene antecedentes penales en el registro.",
        "Bu belge, yukarıda adı geçen kişinin adli sicil kaydının bulunmadığını tasdik eder ve resmi olarak verilir.",
    ]
    try:
        language.keep_model_in(None)
        shipped = [language.detect_language(t) for t in texts]
        language.keep_model_in(tmp_path)  # first load: unpacked from py3langid's file, then kept
        assert [language.detect_language(t) for t in texts] == shipped
        kept = {p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir()}
        assert "output.npy" in kept and set(kept.values()) == {0o600}
        language.keep_model_in(tmp_path)  # next run: opened from the kept copy
        assert [language.detect_language(t) for t in texts] == shipped
        assert shipped[:3] == ["fr", "nl", "es"]
    finally:
        language.keep_model_in(None)
