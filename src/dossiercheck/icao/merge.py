"""One MRZ from several failed readings of it: the band read on its own and the full-page text.

On a blurred or low-resolution passport each reading gets a different character wrong: the band
reads the birth date "7105258" (check digit failing), the page reads "7903258" (holding). Taking
each checked field from whichever reading makes its check digit hold, and trying the characters the
readings disagree on, often gives a zone where every check holds, the composite included. When a
field can be made to hold in two ways, the composite check must pick exactly one; when it cannot,
nothing is merged: a merge must never be a way for a wrong digit to pass.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from ..models import Mrz
from .fix import check_holds, span_text
from .parse import LAYOUTS, SEXES, STATES, Layout, plausible_names

# At most this many positions of one field may differ between the readings (2**n combinations).
MAX_DISAGREEMENTS = 4


def merge_readings(readings: Sequence[Mrz], parse: Callable[[Sequence[str]], Mrz | None]) -> Mrz | None:
    """A valid MRZ assembled from `readings` (none of them valid), or None when none or several fit.

    `parse` reads lines into an Mrz (parse_mrz with the reference date): the merged lines go through
    the same reading and plausibility tests as any other.
    """
    if len(readings) < 2 or any(m.valid for m in readings):
        return None
    layout = LAYOUTS.get(readings[0].format)
    if layout is None:
        return None
    size = layout.lines * layout.length
    flats = [
        "".join(m.lines) for m in readings if m.format == layout.format and len("".join(m.lines)) == size
    ]
    if len(set(flats)) < 2:
        return None
    base = list(_plain_fields(layout, flats))
    composite = layout.checks.get("composite")
    options: list[list[tuple[list[int], str]]] = []
    for name, (spans, check) in layout.checks.items():
        if name == "composite":
            continue
        positions = [i for a, b in spans for i in range(a, b)] + [check]
        found = _holding(positions, flats)
        # No way to make the field hold, or two ways and no composite check to choose between them.
        if not found or (len(found) > 1 and composite is None):
            return None
        options.append([(positions, text) for text in sorted(found)])
    merged: set[tuple[str, ...]] = set()
    for choice in itertools.product(*options):
        flat = base[:]
        for positions, text in choice:
            for i, ch in zip(positions, text, strict=True):
                flat[i] = ch
        candidates = [flat]
        if composite is not None:
            pos = composite[1]
            candidates = [flat[:pos] + [c] + flat[pos + 1 :] for c in sorted({f[pos] for f in flats})]
            candidates = [c for c in candidates if check_holds(span_text("".join(c), composite[0]), c[pos])]
        for candidate in candidates:
            text = "".join(candidate)
            merged.add(tuple(text[i : i + layout.length] for i in range(0, size, layout.length)))
    if len(merged) != 1:
        return None
    result = parse(list(merged.pop()))
    return result if result is not None and result.valid else None


def _holding(positions: list[int], flats: list[str]) -> set[str]:
    """Every text of the field whose check holds: as one reading gives it, or mixed from the characters
    the readings give at each position when they differ in a few places only."""
    whole = {"".join(f[i] for i in positions) for f in flats}
    found = {text for text in whole if check_holds(text[:-1], text[-1])}
    choices = [sorted({f[i] for f in flats}) for i in positions]
    if sum(len(c) > 1 for c in choices) > MAX_DISAGREEMENTS:
        return found  # too far apart to mix: each reading's own field only
    for chars in itertools.product(*choices):
        text = "".join(chars)
        if check_holds(text[:-1], text[-1]):
            found.add(text)
    return found


def _plain_fields(layout: Layout, flats: list[str]) -> list[str]:
    """The fields no check digit covers (names, states, sex), each from the reading where it looks right."""
    looks_right = {
        "names": plausible_names,
        "state": lambda s: s in STATES,
        "nationality": lambda s: s in STATES,
        "sex": lambda s: s in SEXES,
        "code": lambda s: s[0] in "PVIAC",
    }
    flat = list(flats[0])
    for name, test in looks_right.items():
        start, end = layout.fields[name]
        if test(flats[0][start:end]):
            continue
        better = next((f[start:end] for f in flats[1:] if test(f[start:end])), None)
        if better is not None:
            flat[start:end] = better
    return flat
