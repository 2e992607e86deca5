"""Field layouts of the ICAO 9303 formats and the check-digit-guided reading of one aligned MRZ.

The lines are joined into one flat string so that a field, or a composite check spanning
lines, is a list of slices of it. Dates stay as six characters here: turning them into
dates needs the reference date and belongs to `mrz.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .fix import (
    FILLER,
    Span,
    check_holds,
    clean_after_fillers,
    clean_filler_tail,
    differences,
    repair_with_check,
    restore_name_separator,
    span_text,
    to_alpha,
    to_digits,
)

# ISO 3166-1 alpha-3 codes, plus ICAO 9303 part 3's own (D for Germany, GBx, UNx, XXx, EUE, RKS, ...)
# and the specimen's UTO: a misread nationality rarely lands on one of them.
STATES = frozenset(
    """AFG ALA ALB DZA ASM AND AGO AIA ATA ATG ARG ARM ABW AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BMU BTN
    BOL BES BIH BWA BVT BRA IOT BRN BGR BFA BDI CPV KHM CMR CAN CYM CAF TCD CHL CHN CXR CCK COL COM COG COD COK
    CRI CIV HRV CUB CUW CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FLK FRO FJI FIN FRA GUF PYF ATF
    GAB GMB GEO DEU GHA GIB GRC GRL GRD GLP GUM GTM GGY GIN GNB GUY HTI HMD VAT HND HKG HUN ISL IND IDN IRN IRQ
    IRL IMN ISR ITA JAM JPN JEY JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MAC MDG MWI
    MYS MDV MLI MLT MHL MTQ MRT MUS MYT MEX FSM MDA MCO MNG MNE MSR MAR MOZ MMR NAM NRU NPL NLD NCL NZL NIC NER
    NGA NIU NFK MKD MNP NOR OMN PAK PLW PSE PAN PNG PRY PER PHL PCN POL PRT PRI QAT REU ROU RUS RWA BLM SHN KNA
    LCA MAF SPM VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SXM SVK SVN SLB SOM ZAF SGS SSD ESP LKA SDN SUR SJM SWE
    CHE SYR TWN TJK TZA THA TLS TGO TKL TON TTO TUN TUR TKM TCA TUV UGA UKR ARE GBR USA UMI URY UZB VUT VEN VNM
    VGB VIR WLF ESH YEM ZMB ZWE D<< GBD GBN GBO GBP GBS UNA UNK UNO XXA XXB XXC XXX EUE XOM XPO XCC XES XBA XIM
    XCE XDC RKS XKX ANT NTZ SCG YUG UTO""".split()
)


@dataclass(frozen=True)
class Layout:
    """Where each field sits in the flat (joined) MRZ, and which spans each check digit covers."""

    format: str
    lines: int
    length: int
    fields: dict[str, Span]
    checks: dict[str, tuple[tuple[Span, ...], int]]  # name -> (covered spans, check position)
    digits: tuple[int, ...]  # positions that hold digits only (dates, check digits)
    # The data line (index), where its birth date starts, and how many check digits close it; None for a
    # layout without the rigid birth-sex-expiry stretch the realignment hangs on (see `align`).
    anchor: tuple[int, int, int] | None


def _two_line(fmt: str, n: int, optional_check: bool, composite: bool) -> Layout:
    """TD3, TD2 and the visas share one pattern: names on line 1, data on line 2 at offset n."""
    o = n
    fields = {"code": (0, 2), "state": (2, 5), "names": (5, n), "number": (o, o + 9), "sex": (o + 20, o + 21)}
    fields |= {"nationality": (o + 10, o + 13), "birth": (o + 13, o + 19), "expiry": (o + 21, o + 27)}
    end_optional = 2 * n - (1 if composite else 0) - (1 if optional_check else 0)
    fields["optional"] = (o + 28, end_optional)
    checks: dict[str, tuple[tuple[Span, ...], int]] = {
        "document_number": (((o, o + 9),), o + 9),
        "birth": (((o + 13, o + 19),), o + 19),
        "expiry": (((o + 21, o + 27),), o + 27),
    }
    if optional_check:
        checks["optional"] = (((o + 28, end_optional),), end_optional)
    if composite:
        checks["composite"] = (((o, o + 10), (o + 13, o + 20), (o + 21, 2 * n - 1)), 2 * n - 1)
    digits = tuple(range(o + 13, o + 20)) + tuple(range(o + 21, o + 28)) + (o + 9,)
    digits += tuple(pos for name, (_, pos) in checks.items() if name in ("optional", "composite"))
    closing = int(optional_check) + int(composite)
    return Layout(fmt, 2, n, fields, checks, digits, (1, 13, closing))


def _td1() -> Layout:
    fields = {"code": (0, 2), "state": (2, 5), "number": (5, 14), "optional1": (15, 30), "birth": (30, 36)}
    fields |= {"sex": (37, 38), "expiry": (38, 44), "nationality": (45, 48), "optional2": (48, 59), "names": (60, 90)}
    checks = {
        "document_number": (((5, 14),), 14),
        "birth": (((30, 36),), 36),
        "expiry": (((38, 44),), 44),
        "composite": (((5, 30), (30, 37), (38, 45), (48, 59)), 59),
    }
    digits = tuple(range(30, 37)) + tuple(range(38, 45)) + (14, 59)
    return Layout("TD1", 3, 30, fields, checks, digits, (1, 0, 1))


def _french_id() -> Layout:
    """The French national identity card of 1988-2021, two lines of 36 that are no ICAO format (valid
    cards of this model are still carried: their life was extended to 15 years).

    Line 1: ID, FRA, the surname (25), the issuing office's code (6). Line 2: the card number (12: year
    and month of issue, department, serial) and its check digit, the given names (14), the birth date
    and its check digit, the sex, and a check digit over both lines. No nationality (the card is only
    issued to French nationals: the issuing state stands for it) and no expiry date.
    """
    fields = {"code": (0, 2), "state": (2, 5), "nationality": (2, 5), "names": (5, 30), "optional": (30, 36)}
    fields |= {"number": (36, 48), "given": (49, 63), "birth": (63, 69), "sex": (70, 71)}
    checks: dict[str, tuple[tuple[Span, ...], int]] = {
        "document_number": (((36, 48),), 48),
        "birth": (((63, 69),), 69),
        "composite": (((0, 71),), 71),
    }
    digits = (*range(63, 70), 48, 71)
    return Layout("FRA_ID", 2, 36, fields, checks, digits, None)


LAYOUTS = {
    "TD3": _two_line("TD3", 44, optional_check=True, composite=True),
    "MRVA": _two_line("MRVA", 44, optional_check=False, composite=False),
    "TD2": _two_line("TD2", 36, optional_check=False, composite=True),
    "MRVB": _two_line("MRVB", 36, optional_check=False, composite=False),
    "TD1": _td1(),
    "FRA_ID": _french_id(),
}
_ALPHA_FIELDS = ("code", "state", "nationality", "names", "given")
SEXES = ("M", "F", "X", FILLER)  # what the sex field may hold (ICAO 9303: '<' when unspecified)
SANE_FIELDS = 4  # document code and sex, issuing state, nationality, names: see Reading.sane


def plausible_names(field: str) -> bool:
    """No name holds four equal letters in a row; OCR garbage in the filler run often does."""
    return re.search(r"([A-Z])\1{3}", field) is None


@dataclass
class Reading:
    """One aligned reading of an MRZ after repairs: the flat text and what its checks say."""

    layout: Layout
    flat: str
    checks: dict[str, bool]
    changes: int
    # Document numbers longer than 9 characters continue in the optional data (ICAO 9303 part 5 §4.2.4).
    number_extension: Span | None = None
    ambiguous: list[str] = field(default_factory=list)
    # Checks a repair could satisfy but that are failed because the repair is not trusted.
    distrusted: list[str] = field(default_factory=list)

    def get(self, name: str) -> str:
        """The field as read; "" for a field the layout has not (the French card's expiry date)."""
        if name not in self.layout.fields:
            return ""
        start, end = self.layout.fields[name]
        return self.flat[start:end]

    @property
    def lines(self) -> tuple[str, ...]:
        n = self.layout.length
        return tuple(self.flat[i : i + n] for i in range(0, len(self.flat), n))

    @property
    def score(self) -> int:
        """Check digits that hold."""
        return sum(self.checks.values())

    @property
    def failures(self) -> int:
        """Checks and fixed-form fields that do not hold: what readings are compared on, since a
        format with more check digits must not win just by having more of them."""
        return len(self.checks) + SANE_FIELDS - self.score - self.sane

    @property
    def sane(self) -> int:
        """Fixed-form fields that look right: a wrong alignment often passes a check digit but not these."""
        # Passports are TD3: a 'P' read in a card format is a passport line that lost its fillers.
        code = self.flat[0] in ("PV" if self.layout.length == 44 else "IACV")
        ok = code and self.get("sex") in SEXES
        states = sum(self.get(n) in STATES for n in ("state", "nationality"))
        return int(ok) + states + int(plausible_names(self.get("names")))


# Letters OCR confuses in OCR-B (after digits in letter fields were mapped to letters).
_LETTER_TWINS = ("ODQU", "ILJT", "B8", "S5", "Z2", "G6C", "A4", "K<")


def _twins(a: str, b: str) -> bool:
    return any(a in group and b in group for group in _LETTER_TWINS)


def _vote_states(layout: Layout, chars: list[str]) -> None:
    """Repair an issuing state or nationality that is no country code from the other one.

    Both are the same state on most passports and cards, but neither has a check digit, so a
    code is only taken over when the one read differs from it in a single letter, one OCR confuses
    with it or a digit ('COO' or '3PN' beside COD or JPN), never when the code read is itself a state.
    """
    spans = [layout.fields["state"], layout.fields["nationality"]]
    codes = ["".join(chars[a:b]) for a, b in spans]
    for (a, b), code, other in ((spans[0], codes[0], codes[1]), (spans[1], codes[1], codes[0])):
        if code in STATES or other not in STATES:
            continue
        diff = [(x, y) for x, y in zip(code, other, strict=True) if x != y]
        if len(diff) == 1 and (diff[0][0].isdigit() or _twins(*diff[0])):
            chars[a:b] = list(other)


def _long_number(layout: Layout, flat: str) -> tuple[tuple[Span, ...], int, Span] | None:
    """The spans and check position of a document number running into the optional data, if so."""
    if layout.format not in ("TD1", "TD2"):
        return None
    start, end = layout.fields["number"]
    if flat[end] != FILLER or FILLER in flat[start:end]:
        return None
    opt_start = end + 1
    opt_end = layout.fields["optional1" if layout.format == "TD1" else "optional"][1]
    stop = flat.find(FILLER, opt_start, opt_end)
    stop = opt_end if stop == -1 else stop
    if stop - opt_start < 2:  # at least one more character and its check digit
        return None
    return ((start, end), (opt_start, stop - 1)), stop - 1, (opt_start, stop)


def read_aligned(layout: Layout, flat: str, vote: bool = False) -> Reading:
    """Repair one reading whose lines already have the right length, and evaluate its checks.

    With `vote`, a state code that is none is taken from the other one (see `_vote_states`): not
    for a line whose number was realigned, as it may pass its check digits by chance and its
    misread code is then the one sign left that it is wrong.
    """
    chars = list(flat)
    for name in ("names", "given", "optional", "optional1", "optional2"):
        if name in layout.fields:
            a, b = layout.fields[name]
            chars[a:b] = clean_after_fillers("".join(chars[a:b]), digits_are_noise=name in ("names", "given"))
    a, b = layout.fields["names"]
    chars[a:b] = restore_name_separator("".join(chars[a:b]))
    for pos in layout.digits:
        chars[pos] = to_digits(chars[pos])
    for name in _ALPHA_FIELDS:
        if name in layout.fields:
            a, b = layout.fields[name]
            chars[a:b] = to_alpha("".join(chars[a:b]))
    if vote:
        _vote_states(layout, chars)
    for name in ("names", "given", "number", "optional", "optional1", "optional2"):
        if name in layout.fields:
            a, b = layout.fields[name]
            chars[a:b] = clean_filler_tail("".join(chars[a:b]), keep_k=name in ("names", "given", "number"))
    text = "".join(chars)
    changes = differences(flat, text)

    checks = dict(layout.checks)
    extension = _long_number(layout, text)
    if extension is not None:
        spans, pos, ext_span = extension
        text = text[:pos] + to_digits(text[pos]) + text[pos + 1 :]
        checks["document_number"] = (spans, pos)
    reading = Reading(layout, text, {}, changes, ext_span if extension else None)

    # Only the document number is repaired (see _repair_number); the composite helps decide between its
    # repairs. Any other field whose check digit fails stays failed.
    if "document_number" in checks:
        spans, pos = checks["document_number"]
        mixed = {i for a, b in spans for i in range(a, b)} - set(layout.digits)
        _repair_number(reading, spans, pos, checks.get("composite"), mixed)
    # A failing composite is never repaired by changing data no other check digit covers: with a dozen
    # free characters and several look-alikes each, some change passes it by chance far more often
    # than one time in ten (an old US green card's composite "held" after S became 5 in its optional data).
    reading.checks = {
        name: check_holds(span_text(reading.flat, spans), reading.flat[pos]) for name, (spans, pos) in checks.items()
    }
    for name in ("birth", "expiry"):
        if name not in layout.fields:
            continue
        # A letter left in a date is a misread whatever its check digit says; three read as letters
        # mean the date was not read at all, and a check digit passes by chance one time in ten.
        a, b = layout.fields[name]
        guessed = sum(not c.isdigit() and c != FILLER for c in flat[a : b + 1])
        digits_only = re.fullmatch(r"[0-9<]{6}", reading.get(name)) is not None
        reading.checks[name] = reading.checks[name] and digits_only and guessed <= 2
    reading.changes = differences(flat, reading.flat)
    return reading


def _repair_number(
    reading: Reading,
    spans: tuple[Span, ...],
    pos: int,
    composite: tuple[tuple[Span, ...], int] | None,
    free: set[int],
) -> None:
    """Apply the one repair of the document number that its check digit accepts; note it when unsure.

    Only a document number is repaired (an O, Q or D read for a 0, keeping its shape: see
    `repair_with_check`); any other field whose check digit fails stays failed, since a look-alike swap
    passing it is as often a second misread as the repair of the first.
    """
    repaired = repair_with_check(reading.flat, spans, pos, composite, free, keep_shape=True)
    if repaired is None:
        reading.ambiguous.append("document_number")
        return
    if repaired == reading.flat and not check_holds(span_text(repaired, spans), repaired[pos]):
        if repair_with_check(reading.flat, spans, pos, composite, free) not in (None, reading.flat):
            reading.distrusted.append("document_number")  # only a repair breaking the number's shape would pass
    reading.flat = repaired
