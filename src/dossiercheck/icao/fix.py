"""Check digits and OCR repairs for machine-readable zones (ICAO 9303 part 3).

Tesseract reads OCR-B well, but a few glyph pairs (0/O, 1/I, 5/S, 8/B, ...) and the '<'
filler are still confused. Every MRZ field has a known character class, so a letter in a
digits-only field maps back without guessing. In fields that mix letters and digits only
the check digit can tell which reading is right, so a change is kept only when the check
digit confirms it, and refused when two different changes would both pass.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

FILLER = "<"
Span = tuple[int, int]
_WEIGHTS = (7, 3, 1)
_ALPHABET = re.compile(r"[^A-Z0-9< ]")
# Glyphs OCR returns for the '<' filler (OCR-B's chevron looks like these).
_FILLER_LOOKALIKES = str.maketrans({c: FILLER for c in "«‹〈(<[{"})

# Digits-only fields: a letter there can only be one digit.
TO_DIGIT = {
    "O": "0",
    "Q": "0",
    "D": "0",
    "U": "0",
    "I": "1",
    "L": "1",
    "J": "1",
    "Z": "2",
    "A": "4",
    "S": "5",
    "G": "6",
    "T": "7",
    "B": "8",
    "H": "4",
    "K": FILLER,
}
# Letters-only fields: the reverse.
TO_ALPHA = {"0": "O", "1": "I", "2": "Z", "4": "A", "5": "S", "6": "G", "7": "T", "8": "B"}
# Mixed fields: the pairs OCR confuses in OCR-B; only a check digit decides between them.
_MIXED = {
    "O": "0",
    "Q": "0",
    "D": "0",
    "I": "1",
    "L": "1",
    "Z": "27",
    "S": "5",
    "G": "6",
    "B": "8",
    "0": "ODQ",
    "1": "IL",
    "2": "Z",
    "5": "S",
    "6": "G",
    "7": "Z",
    "8": "B",
}

# Document numbers: the one confusion repaired on a check digit's word. A round glyph read as O, Q or D
# is OCR-B's 0 far more often than anything else; other swaps (S/5, B/8, I/1, Z/2) passing the check
# digit are as often a second misread passing by chance, so such a number stays failed.
_NUMBER_SWAPS = {"O": "0", "Q": "0", "D": "0"}


def char_value(c: str) -> int:
    """ICAO 9303 value of one MRZ character: digits as such, A=10 ... Z=35, '<'=0."""
    if c.isdigit():
        return int(c)
    if "A" <= c <= "Z":
        return ord(c) - 55
    if c == FILLER:
        return 0
    raise ValueError(f"{c!r} is not an MRZ character")


# Each MRZ character's value, looked up: the band reader scores thousands of candidate readings per
# picture, and computing check digits character by character was a tenth of a passport's reading time.
_VALUES = {c: char_value(c) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<"}


@functools.lru_cache(maxsize=1 << 16)
def check_digit(s: str) -> str:
    """The ICAO 9303 check digit of `s` (weights 7, 3, 1 repeated, sum modulo 10)."""
    try:
        values = [_VALUES[c] for c in s]
    except KeyError:
        values = [char_value(c) for c in s]  # raises the ValueError naming the character
    return str(sum(v * w for v, w in zip(values, itertools.cycle(_WEIGHTS))) % 10)


def check_holds(data: str, check: str) -> bool:
    """Whether `check` is the check digit of `data`; '<' stands for 0 only when the data is empty.

    Some states leave the check digit of an all-filler optional field as '<' (ICAO 9303 part 4 §4.2.2).
    """
    if check == FILLER:
        return set(data) <= {FILLER}
    return check.isdigit() and check_digit(data) == check


def clean_line(raw: str) -> str:
    """Upper-case, filler look-alikes to '<', anything outside the MRZ alphabet dropped (spaces kept)."""
    text = raw.upper().translate(_FILLER_LOOKALIKES)
    return _ALPHABET.sub("", text)


def space_variants(line: str) -> list[tuple[str, int]]:
    """Readings of a line with spaces, with their cost: OCR inserts spaces between glyphs (free to
    drop), or reads a '<' as a space (one edit each; only spaces touching a filler are tried)."""
    if " " not in line:
        return [(line, 0)]
    as_filler = line
    for _ in range(4):  # runs of spaces next to fillers
        as_filler = re.sub(r"(?<=<) | (?=<)", FILLER, as_filler)
    variants = [(line.replace(" ", ""), 0), (as_filler.replace(" ", ""), as_filler.count(FILLER) - line.count(FILLER))]
    return variants if variants[1][1] else variants[:1]


def length_variants(line: str, length: int) -> list[tuple[str, int]]:
    """Ways to bring a line to `length` when OCR dropped or added characters, each with its cost.

    Fillers come in runs, so a lost or extra '<' is restored or removed inside a run, or the end
    of the line is padded or cut (cost 1 per character). A K between fillers that makes the line
    too long was a filler read twice (cost 1). Characters that double a look-alike neighbour
    ("UTO0", "5S") may be dropped at cost 1 each, or any one character at cost 2. Cheapest first.
    """
    diff = length - len(line)
    if diff == 0:
        return [(line, 0)]
    out: list[tuple[str, int]] = []
    if diff > 0:
        out.append((line + FILLER * diff, diff))
        if diff <= 3:
            out += [(line[: m.start()] + FILLER * diff + line[m.start() :], diff) for m in re.finditer(r"<+", line)]
    else:
        cut = -diff
        out.append((line[:length], cut))
        dropped = re.sub(r"(?<=<)K(?=<)", "", line)
        if dropped != line and len(dropped) >= length - 3:
            removed = len(line) - len(dropped)
            out += [(text, cost + removed) for text, cost in length_variants(dropped, length)]
        if cut <= 3:
            out.append((line[cut:], 2 * cut))
            out += [
                (line[: m.start()] + line[m.start() + cut :], cut if m.end() - m.start() > cut else 2 * cut)
                for m in re.finditer(r"<+", line)
                if m.end() - m.start() >= cut
            ]
        if cut == 1:
            out += [(line[:i] + line[i + 1 :], 1 if _doubled(line, i) else 2) for i in range(len(line))]
        elif cut <= 3:
            doubled = [i for i in range(len(line)) if _doubled(line, i)]
            for drop in itertools.islice(itertools.combinations(doubled, cut), 200):
                out.append(("".join(c for i, c in enumerate(line) if i not in drop), cut))
    best: dict[str, int] = {}
    for text, cost in out:
        best[text] = min(cost, best.get(text, cost))
    return sorted(best.items(), key=lambda item: item[1])


def _doubled(line: str, i: int) -> bool:
    """Whether line[i] repeats a neighbour or its look-alike, as when OCR reads one glyph twice."""
    c = line[i]
    twins = {c, TO_DIGIT.get(c, c), TO_ALPHA.get(c, c)} - {FILLER}
    return any(0 <= j < len(line) and line[j] in twins for j in (i - 1, i + 1))


# Characters Tesseract emits inside long runs of OCR-B '<'.
_NOISE_TOKEN = re.compile(r"[KCXSE]{1,2}")


def clean_noise_tail(line: str) -> str:
    """Turn stray letters inside a line's closing run of fillers back into fillers.

    After the last real word of a line only fillers can follow, but OCR sprinkles K, C, X, S or E
    among them ("MARIA<<<<<<<<C<", "7891<<<<<<SS<KC<K"). Only a tail that is mostly fillers is touched.
    """
    tokens = list(re.finditer(r"[^<]+", line))
    keep = len(tokens)
    while keep > 0 and _NOISE_TOKEN.fullmatch(tokens[keep - 1].group()):
        keep -= 1
    if keep == len(tokens) or keep == 0:
        return line
    start = tokens[keep - 1].end()
    tail = line[start:]
    noise = sum(c != FILLER for c in tail)
    if len(tail) < 4 or noise * 2 > len(tail) or not tail.startswith(FILLER):
        return line
    return line[:start] + FILLER * len(tail)


def to_digits(s: str) -> str:
    """A digits-only field as read, with letters mapped to the digit they resemble."""
    return "".join(TO_DIGIT.get(c, c) for c in s)


def to_alpha(s: str) -> str:
    """A letters-only field as read, with digits mapped to the letter they resemble."""
    return "".join(TO_ALPHA.get(c, c) for c in s)


def clean_filler_tail(s: str, keep_k: bool = True) -> str:
    """Turn 'K's read for trailing fillers back into '<'.

    K and '<' have the same check value, so no check digit can tell them apart; this only
    touches a tail made of K and '<' that starts with a filler or holds a 'KK' run.
    """
    m = re.search(r"[<K]+$", s)
    if not m:
        return s
    tail = m.group()
    first = tail.find(FILLER)
    if first == -1:
        return s[: m.start()] + FILLER * len(tail) if len(tail) >= 3 else s
    # Keep a single K just before the fillers in a name or number (ERIK<<<); a KK run there is noise.
    keep = first if keep_k and tail[:first].count("K") < 2 else 0
    return s[: m.start()] + tail[:keep] + FILLER * (len(tail) - keep)


def clean_after_fillers(s: str, digits_are_noise: bool) -> str:
    """Blank what follows a run of three fillers when it looks like OCR noise, not data.

    Names never hold '<<<' before their end, and optional data rarely does, so letters after it are
    usually the filler run misread: 'K', 'SS<KC', '666KEKKKR', 'JJJJ'.
    """
    m = re.search(r"<<<", s)
    if not m:
        return s
    tokens = re.findall(r"[^<]+", s[m.end() :])
    if not tokens:
        return s
    noisy = any(
        _NOISE_TOKEN.fullmatch(t) or re.search(r"(.)\1\1", t) or (digits_are_noise and re.search(r"\d", t))
        for t in tokens
    )
    return s[: m.end()] + FILLER * (len(s) - m.end()) if noisy else s


def restore_name_separator(names: str) -> str:
    """'SOUZA<K<LARISSA' as 'SOUZA<<LARISSA': the '<<' between surname and given names read as '<K<'.

    Only when the field has no '<<' before its closing fillers, so a name holding a lone K among
    its given names ('LEE<<JOHN<K<PAUL') is left alone.
    """
    body = names.rstrip(FILLER)
    if "<<" in body or body.count("<K<") != 1 or body.startswith("<K<"):
        return names
    return body.replace("<K<", "<<", 1).ljust(len(names), FILLER)


def fix_by_check(
    data: str, check: str, positions: Sequence[int] | None = None, max_subs: int = 2, to_digits_only: bool = False
) -> list[str]:
    """Readings of `data` that make `check` hold with the fewest letter/digit swaps.

    Returns [data] when it already holds, the passing readings with the smallest number of
    changes otherwise (more than one means the check digit cannot decide), [] when none passes.
    Only `positions` may change (all by default); with `to_digits_only` (document numbers), only an
    O, Q or D read for a 0.
    """
    if check_holds(data, check):
        return [data]
    if not check.isdigit():
        return []
    swaps = _NUMBER_SWAPS if to_digits_only else _MIXED
    where = [i for i in (range(len(data)) if positions is None else positions) if swaps.get(data[i])]
    for k in range(1, max_subs + 1):
        found: list[str] = []
        for combo in itertools.combinations(where, k):
            for alts in itertools.product(*(swaps[data[i]] for i in combo)):
                chars = list(data)
                for i, a in zip(combo, alts, strict=True):
                    chars[i] = a
                candidate = "".join(chars)
                if check_holds(candidate, check):
                    found.append(candidate)
        if found:
            return list(dict.fromkeys(found))
    return []


def shape_breaks(s: str) -> int:
    """How often a field switches between letters and digits: 'L898902C3' has 3, 'L8989O2C3' 5."""
    kinds = [c.isdigit() for c in s if c != FILLER]
    return sum(a != b for a, b in zip(kinds, kinds[1:], strict=False))


def _digit_count(s: str) -> int:
    return sum(c.isdigit() for c in s)


def differences(a: str, b: str) -> int:
    """Number of positions where two equally long strings differ."""
    return sum(x != y for x, y in zip(a, b, strict=True))


def span_text(flat: str, spans: Sequence[Span]) -> str:
    return "".join(flat[a:b] for a, b in spans)


def repair_with_check(
    flat: str,
    spans: Sequence[Span],
    pos: int,
    composite: tuple[Sequence[Span], int] | None = None,
    free: set[int] | None = None,
    max_subs: int = 2,
    keep_shape: bool = False,
) -> str | None:
    """`flat` with the one repair of `spans` that the check digit at `pos` accepts, unchanged when
    nothing passes, None when several repairs pass and neither the field's shape nor the composite
    check digit tells them apart. Only positions in `free` (all when None) may change. With
    `keep_shape` (document numbers), only letters become digits, and not so as to add a switch
    between letters and digits."""
    data = span_text(flat, spans)
    offsets = [i for a, b in spans for i in range(a, b)]
    positions = None if free is None else [k for k, i in enumerate(offsets) if i in free]
    # With `keep_shape`, only letters read for digits are repaired, and not so as to break a run of
    # letters or digits ("YMSO777" to "YM5O777"): a digit turned into a letter, or a broken run, is
    # likelier a second misread passing the check digit by chance than the repair of the first. Two
    # repairs must leave the usual shape, letters then digits ("HROS37390" to "HR0537390").
    options = fix_by_check(data, flat[pos], positions, max_subs, to_digits_only=keep_shape)
    if not options or options == [data]:
        return flat
    if keep_shape:
        most = 1 if differences(data, options[0]) > 1 else shape_breaks(data)
        options = [o for o in options if shape_breaks(o) <= min(most, shape_breaks(data))]
        if not options:
            return flat
    if len(options) > 1:
        # Document numbers are runs of letters and runs of digits: "592123456" rather than "S92I23456".
        fewest = min(shape_breaks(o) for o in options)
        options = [o for o in options if shape_breaks(o) == fewest]
        # And mostly digits: a letter read for a digit is likelier than a digit read for a letter.
        most = max(_digit_count(o) for o in options)
        options = [o for o in options if _digit_count(o) == most]
    candidates = []
    for option in options:
        chars = list(flat)
        for i, c in zip(offsets, option, strict=True):
            chars[i] = c
        candidates.append("".join(chars))
    if len(candidates) > 1 and composite is not None:
        # Two repairs pass the field's check: let the composite check digit pick, if it can.
        spans_c, pos_c = composite
        candidates = [c for c in candidates if check_holds(span_text(c, spans_c), c[pos_c])]
    return candidates[0] if len(candidates) == 1 else None
