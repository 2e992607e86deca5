"""What a check sees: the dossier's facts, its documents, the profile and the reader's language.

`DossierContext` is built by the caller (the pipeline) from the reference date and dossier.yaml;
`RuleContext` adds the documents and the profile so every check has the same single argument.
Message rendering lives here too, so every check words its results the same way: the profile's
text for the outcome key, else the check's default text, filled with the values of the finding.
The status of an outcome the check leaves to the profile (its OUTCOMES) comes from the profile's
`outcomes:`; the result carries the requirement's name in the reader's language and its sources.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, cast

from dossiercheck.knowledge.wording import words_for
from dossiercheck.models import Absence, Deadline, Document, DossierInfo, RequirementResult, Status
from dossiercheck.workdays import age_on

if TYPE_CHECKING:
    from dossiercheck.models import Profile, Requirement

LANGS = ("en", "fr", "nl")
Texts = Mapping[str, Mapping[str, str]]  # lang -> key -> text


@dataclass(frozen=True)
class DossierContext:
    """The reference date (the appointment), the language of the report and dossier.yaml's facts."""

    reference_date: dt.date
    lang: str = "en"
    applicant_name: str | None = None
    birth_date: dt.date | None = None
    nationality: str | None = None
    arrival_date: dt.date | None = None
    region: str | None = None
    absences: tuple[Absence, ...] = ()
    card_expiry: dt.date | None = None
    residence_start: dt.date | None = None
    amounts: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def build(cls, reference_date: dt.date, info: DossierInfo | None, lang: str = "en") -> DossierContext:
        """The context of a check: the reference date, the report's language and dossier.yaml if any."""
        if info is None:
            return cls(reference_date=reference_date, lang=lang)
        return cls(
            reference_date=reference_date,
            lang=lang,
            applicant_name=info.applicant.name,
            birth_date=info.applicant.birth_date,
            nationality=info.applicant.nationality,
            arrival_date=info.arrival_date,
            region=info.region,
            absences=info.absences,
            card_expiry=info.card_expiry,
            residence_start=info.residence_start,
            amounts=dict(info.amounts),
        )

    from_info = build  # the name a reader may look for first


@dataclass(frozen=True)
class RuleContext:
    """The single argument of every check besides its requirement."""

    dossier: DossierContext
    documents: tuple[Document, ...]
    profile: Profile
    lang: str = "en"

    @property
    def reference_date(self) -> dt.date:
        return self.dossier.reference_date

    def of_type(self, types: Sequence[str]) -> list[Document]:
        return [d for d in self.documents if d.type in types]

    def passport(self) -> Document | None:
        found = self.of_type(("passport",))
        with_mrz = [d for d in found if d.mrz is not None]
        chosen = with_mrz or found
        return chosen[0] if chosen else None

    def applicant_birth(self) -> tuple[dt.date | None, str]:
        """Birth date from the passport MRZ, else the passport's printed date, else dossier.yaml."""
        passport = self.passport()
        if passport is not None and passport.mrz is not None and passport.mrz.birth is not None:
            return passport.mrz.birth, passport.name
        if passport is not None and passport.date("birth") is not None:
            return passport.date("birth"), passport.name
        return self.dossier.birth_date, "dossier.yaml"

    def applicant_age(self) -> int | None:
        birth, _ = self.applicant_birth()
        return None if birth is None else age_on(birth, self.reference_date)

    def setting(self, name: str, default: Any = None) -> Any:
        return self.profile.settings.get(name, default)


class _Blank(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fmt(value: Any, lang: str) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y") if lang in ("fr", "nl") else value.isoformat()
    if isinstance(value, float):
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
        return text.replace(",", " ") if lang in ("fr", "nl") else text
    if isinstance(value, (list, tuple)):
        return ", ".join(_fmt(v, lang) for v in value)
    return str(value)


def render(template: str, lang: str, params: Mapping[str, Any]) -> str:
    values = _Blank({k: _fmt(v, lang) for k, v in params.items()})
    return string.Formatter().vformat(template, (), values)


def text_for(requirement: Requirement, defaults: Texts, lang: str, key: str) -> str | None:
    """The profile's text for `key`, else the check's default, in `lang` (English when unknown)."""
    lang = lang if lang in LANGS else "en"
    own = requirement.messages.get(lang, {})
    if key in own:
        return own[key]
    return defaults.get(lang, {}).get(key)


def requirement_name(requirement: Requirement, lang: str) -> str:
    """The requirement in words in `lang` (English when unknown), its {options} filled in."""
    template = requirement.names.get(lang if lang in LANGS else "en") or requirement.names.get("en", "")
    return render(template, lang, {"count": requirement.count, **dict(requirement.options)})


def marked_given(found: RequirementResult, given: bool, lang: str) -> RequirementResult:
    """When the date the check turned on was typed by the applicant, the result says so."""
    if not given:
        return found
    return replace(found, message=f"{found.message} {words_for(lang)['given_note']}")


def give_a_date(lang: str, file: str, field: str) -> str:
    """The action of a `no_date` result: how the applicant gives the date of `file` the tool could not read."""
    return words_for(lang)["give_a_date"].format(file=file, field=field)


def result(
    requirement: Requirement,
    ctx: RuleContext,
    defaults: Texts,
    status: Status | None,
    key: str,
    files: Sequence[str] = (),
    document_type: str | None = None,
    *,
    date_field: str = "",
    **params: Any,
) -> RequirementResult:
    """A RequirementResult worded from the profile (then the check's defaults) in ctx.lang.

    `status` None: the profile decides (the key is one of the check's OUTCOMES, which the profile
    must give a status when it loads); a status the profile gives for `key` wins in any case.
    """
    lang = ctx.lang
    decided = requirement.outcomes.get(key)
    if decided is not None:
        status = cast("Status", decided)
    if status is None:
        raise LookupError(f"requirement {requirement.id!r}: the profile gives no status for outcome {key!r}")
    params = {"count": requirement.count, **dict(requirement.options), **params}
    template = text_for(requirement, defaults, lang, key)
    if template is None:
        template = text_for(requirement, defaults, lang, "fail" if status != "pass" else "pass") or key
    action = ""
    if status != "pass":
        action_template = text_for(requirement, defaults, lang, f"action_{key}") or text_for(
            requirement, defaults, lang, "action"
        )
        action = render(action_template or "", lang, params)
    if document_type is None and requirement.documents:
        document_type = requirement.documents[0]
    return RequirementResult(
        id=requirement.id,
        status=status,
        message=render(template, lang, params),
        document_type=document_type,
        files=tuple(files),
        source=requirement.source,
        action=action,
        severity=requirement.severity,
        name=requirement_name(requirement, lang),
        sources=tuple((s.title, s.url) for s in requirement.sources),
        date_field=date_field,
    )


def deadline(
    requirement: Requirement, ctx: RuleContext, defaults: Texts, day: dt.date, key: str = "deadline", **params: Any
) -> Deadline:
    params = {**dict(requirement.options), **params}
    template = text_for(requirement, defaults, ctx.lang, key) or requirement.id
    return Deadline(date=day, what=render(template, ctx.lang, params), requirement=requirement.id)


def downgrade(found: RequirementResult, severity: str) -> RequirementResult:
    """Apply the requirement's severity: a failure of a `warn` or `manual` requirement is that status."""
    if found.status in ("fail", "missing") and severity in ("warn", "manual"):
        return replace(found, status=severity)  # type: ignore[arg-type]
    return found
