"""What a requirement may set for its kind of check, checked when the profile loads.

`options:` only the check's own OPTIONS, of the default's type and within its CHOICES; `outcomes:` a
status for each outcome the check leaves to the profile (its OUTCOMES, e.g. renewal_window's `early`
and `late`), all of them and nothing else. Errors are one line naming the file, the requirement and
the field, like every other profile error.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any


class KindError(ValueError):
    """A requirement sets something its check does not take; str() is one line."""


def check_kind(raw: dict[str, Any], origin: str) -> ModuleType:
    """The check module for raw['check']; KindError naming the known kinds when there is none."""
    from dossiercheck.rules import RULES  # imported late: the package may come to load profiles itself

    kind = raw["check"]
    if kind not in RULES:
        allowed = ", ".join(repr(k) for k in RULES)
        raise KindError(f"{origin}.check: {kind!r} is not one of {allowed} (requirement {raw['id']!r})")
    return RULES[kind]


def read_options(raw: dict[str, Any], origin: str) -> dict[str, Any]:
    """Defaults of the check kind filled in; unknown kinds and options are errors."""
    module = check_kind(raw, origin)
    kind = raw["check"]
    defaults: dict[str, Any] = module.OPTIONS
    options = dict(defaults)
    for name, value in (raw.get("options") or {}).items():
        if name not in defaults:
            allowed = ", ".join(repr(k) for k in defaults) or "no options"
            raise KindError(
                f"{origin}.options.{name}: unknown option {name!r} for check {kind!r} "
                f"(requirement {raw['id']!r}); expected one of {allowed}"
            )
        default = defaults[name]
        numeric = isinstance(default, (int, float)) and not isinstance(default, bool)
        ok = (
            default is None
            or value is None
            or (numeric and isinstance(value, (int, float)) and not isinstance(value, bool))
            or isinstance(value, type(default))
        )
        if not ok:
            raise KindError(
                f"{origin}.options.{name}: {value!r} is not a {type(default).__name__} "
                f"(requirement {raw['id']!r}, check {kind!r})"
            )
        choices = getattr(module, "CHOICES", {}).get(name)
        if choices is not None and value not in choices:
            allowed = ", ".join(repr(c) for c in choices)
            raise KindError(f"{origin}.options.{name}: {value!r} is not one of {allowed} (requirement {raw['id']!r})")
        options[name] = value
    return options


def read_outcomes(raw: dict[str, Any], origin: str) -> dict[str, str]:
    """The statuses the profile gives the check's OUTCOMES: every one of them, and no other key."""
    module = check_kind(raw, origin)
    kind = raw["check"]
    declared: tuple[str, ...] = getattr(module, "OUTCOMES", ())
    given: dict[str, str] = dict(raw.get("outcomes") or {})
    expected = ", ".join(repr(k) for k in declared) or "none (this check decides its own statuses)"
    for key in given:
        if key not in declared:
            raise KindError(
                f"{origin}.outcomes.{key}: unknown outcome {key!r} for check {kind!r} "
                f"(requirement {raw['id']!r}); expected one of {expected}"
            )
    missing = [key for key in declared if key not in given]
    if missing:
        raise KindError(
            f"{origin}.outcomes: no status for {', '.join(repr(k) for k in missing)} "
            f"(requirement {raw['id']!r}); check {kind!r} leaves {expected} to the profile"
        )
    return given
