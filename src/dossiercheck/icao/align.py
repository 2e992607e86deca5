"""Bring OCR lines to an MRZ layout's length, and judge the realigned readings.

Padding or cutting at the end of a line cannot undo a character OCR inserted in the middle of it
(a speck read as a letter, one glyph read as two). The data line has one rigid stretch, birth
date, check digit, sex, expiry date, check digit, and on passports and visas the nationality
(three letters) right before it, so the text on each side of those is brought to length on its
own. Every realignment is a guess that the check digits then confirm or refuse, so each carries
the cost of the characters it drops, and a document number both moved and changed is not trusted.
"""

from __future__ import annotations

import re

from .fix import FILLER, clean_noise_tail, length_variants, shape_breaks, space_variants
from .parse import Layout, Reading, read_aligned

_DIGITISH = "[0-9OQDUILJZASGTBH]"  # a digit, or a letter OCR gives for one
_STRETCH = re.compile(f"{_DIGITISH}{{7}}[MFX<]{_DIGITISH}{{7}}")
_SPAN = 15  # birth date, check, sex, expiry date, check
_NATIONALITY = 3
_DROP = 2  # cost of dropping one character that no look-alike explains (as in length_variants)
_KEEP_PER_LINE = 3
_MOST_OPTIONS = 150


def anchored_variants(
    line: str, length: int, before: int, closing: int, nationality: bool = False
) -> list[tuple[str, int]]:
    """Readings of a data line realigned on its dates, each with its cost.

    `before` characters precede the birth date (the last three of them the nationality when
    `nationality` is set), and `closing` check digits end the line.
    """
    out: dict[str, int] = {}
    after = length - before - _SPAN
    for start, end, stretch, cost in _stretches(line):
        head, tail = line[:start], line[end:]
        if not before and len(head) > 2:
            continue
        body, ends = (tail[:-closing], tail[-closing:]) if closing else (tail, "")
        if len(ends) < closing or len(body) < 2:
            continue
        heads = _heads(head, before, nationality)
        tails = [(t + ends, c) for t, c in length_variants(body, after - closing)[:4]]
        for h, hc in heads:
            for t, tc in tails:
                text = h + stretch + t
                out[text] = min(out.get(text, 99), hc + cost + tc)
    return sorted(out.items(), key=lambda item: item[1])


def _stretches(line: str) -> list[tuple[int, int, str, int]]:
    """(start, end, text, cost) of the places the rigid stretch may be: as read, or with one
    character OCR inserted inside it dropped."""
    found = []
    for start in range(len(line) - _SPAN + 1):
        window = line[start : start + _SPAN]
        if _STRETCH.fullmatch(window):
            found.append((start, start + _SPAN, window, 0))
        wider = line[start : start + _SPAN + 1]
        if len(wider) <= _SPAN:
            continue
        for i in range(1, _SPAN):  # an extra character at either end is the head's or tail's business
            trial = wider[:i] + wider[i + 1 :]
            if trial != window and _STRETCH.fullmatch(trial):
                found.append((start, start + _SPAN + 1, trial, _DROP))
    return found


def _heads(head: str, before: int, nationality: bool) -> list[tuple[str, int]]:
    """The text before the dates brought to `before` characters.

    With a nationality there, the document number and its check digit are fitted on their own, so
    that a character added after the check digit or inside the nationality does not shift either.
    """
    if not before:
        return [("", len(head))]
    found = dict(length_variants(head, before)[:4])
    if nationality and len(head) > before:
        number = before - _NATIONALITY
        for k in (_NATIONALITY, _NATIONALITY + 1):
            if len(head) - k < number - 1:
                continue
            rest, last = head[:-k], head[-k:]
            if k == _NATIONALITY:
                states = [(last, 0)]
            else:  # one character added inside the nationality
                states = [(last[:i] + last[i + 1 :], _DROP) for i in range(k)]
            for text, cost in length_variants(rest, number)[:4]:
                for state, extra in states:
                    found[text + state] = min(found.get(text + state, 99), cost + extra)
    return sorted(found.items(), key=lambda item: item[1])


def line_options(layout: Layout, k: int, line: str) -> list[tuple[str, int]]:
    """Line `k` brought to the layout's length in the ways OCR slips suggest, each with its cost."""
    variants: dict[str, int] = {}
    names_only = k == layout.fields["names"][0] // layout.length
    for spaced, spaces in space_variants(line):
        found = length_variants(clean_noise_tail(spaced), layout.length)
        if names_only:  # OCR often drops the fillers closing a name line: padding them costs nothing
            found = [(text, 0 if text.startswith(spaced) else cost) for text, cost in found]
        if layout.anchor is not None and k == layout.anchor[0]:
            # On passports and visas the nationality stands right before the birth date.
            found += anchored_variants(spaced, layout.length, *layout.anchor[1:], nationality=layout.format != "TD1")
        for text, cost in found:
            text = clean_noise_tail(text)
            variants[text] = min(cost + spaces, variants.get(text, cost + spaces))
    # A badly garbled line has hundreds of realignments; the cheapest are the likely ones, and judging
    # them all would cost the band reader seconds per reading.
    return sorted(variants.items(), key=lambda item: item[1])[:_MOST_OPTIONS]


def shortlist(layout: Layout, options: list[list[tuple[str, int]]]) -> list[list[tuple[str, int]]]:
    """Each line's few best repairs, judged with the other lines as read, so that combining stays cheap."""
    baseline = [opts[0][0] for opts in options]
    out = []
    for k, opts in enumerate(options):
        if len(opts) <= _KEEP_PER_LINE:
            out.append(opts)
            continue
        ranked = []
        for text, cost in opts:
            trial = baseline[:k] + [text] + baseline[k + 1 :]
            reading = read_aligned(layout, "".join(trial))
            ranked.append(((reading.failures, reading.changes + 2 * cost), text, cost))
        ranked.sort(key=lambda r: r[0])
        out.append([(text, cost) for _, text, cost in ranked[:_KEEP_PER_LINE]])
    return out


def number_as_read(layout: Layout, texts: list[str], read: list[str]) -> str | None:
    """The document number and its check digit as aligned in `texts`, or None when they were moved
    from where OCR read them (a character dropped before or inside them)."""
    start, end = layout.fields["number"]
    line, offset = divmod(start, layout.length)
    aligned = texts[line][offset : offset + end - start + 1]
    own = aligned[:-1].rstrip(FILLER)
    return aligned if read[line][offset : offset + len(own)] == own else None


def distrust_moved_number(reading: Reading, texts: list[str], read: list[str]) -> None:
    """Fail the document number when it was realigned and also changed to pass its check digit, or
    left switching between letters and digits three times or more ('V2B3S6062').

    Realigning (a character dropped before or inside the number) is a guess that the one check digit
    must confirm: with a letter/digit swap on top, or garbage that happens to pass, one of the many
    readings tried passes by chance about as often as the right one does.
    """
    if not reading.checks.get("document_number") or number_as_read(reading.layout, texts, read) is not None:
        return
    start, end = reading.layout.fields["number"]
    line, offset = divmod(start, reading.layout.length)
    aligned = texts[line][offset : offset + end - start + 1]
    if reading.flat[start : end + 1] != aligned or shape_breaks(reading.flat[start:end]) >= 3:
        reading.checks["document_number"] = False
        reading.distrusted.append("document_number")
