"""Pydantic models, one class per file kind (see the format reference).

What each field means (the schemas' hover texts) is in :mod:`tpkit.registry.fielddocs`, one table.

Keys are the YAML keys; unknown keys are errors (``extra="forbid"``).
Control characters in text are rejected earlier, where the YAML is read,
so that the finding points at the scalar that holds them.
"""

# no ``from __future__ import annotations`` here: pydantic would then evaluate every
# annotation from its string at start-up; evaluated by Python as the classes are defined, they cost less

import datetime as _dt
import warnings
from typing import Annotated, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, NonNegativeInt
from pydantic_core import PydanticCustomError

from .enums import ActKind, ApprovalKind, Channel, DemandWord, Direction, FailOn, Language, SeverityName, ToolKind
from .weburl import refused_scheme, web_href

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"

#: names Windows reserves for devices: a file ``con.yaml`` cannot be checked out there
WINDOWS_DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul"} | {f"{d}{i}" for d in ("com", "lpt") for i in range(10)})


def _not_a_device_name(value: str) -> str:
    if value in WINDOWS_DEVICE_NAMES:
        raise PydanticCustomError("windows_device_name", "a Windows device name cannot be an id")
    return value


Id = Annotated[
    str,
    Field(pattern=ID_PATTERN),
    AfterValidator(_not_a_device_name),
]
Ref = str
Text = Annotated[str, Field(min_length=1)]


TextList = list[Text]


def _web_or_plain(value: str) -> str:
    if refused_scheme(value):
        raise PydanticCustomError("not_web_url", "only an http(s) address can be a link")
    return value


def _web(value: str) -> str:
    if web_href(value) is None:
        raise PydanticCustomError("not_http_url", "an http(s) address is expected")
    return value


#: a web address (or ``tel:``, ``mailto:``): another scheme (``javascript:``, ``data:``) is an error; none is text
Url = Annotated[str, Field(min_length=1), AfterValidator(_web_or_plain)]
#: a setting that becomes a link on every page: an http(s) address and nothing else
HttpUrl = Annotated[str, Field(min_length=1), AfterValidator(_web)]


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=False,
        coerce_numbers_to_str=True,
        str_strip_whitespace=False,
        validate_default=False,
        # build a validator when a kind of file is first validated, not at import:
        # nested models are then built inside their file's model, once
        defer_build=True,
    )


# --- tpkit.yaml ------------------------------------------------------------------


class LintConfig(Model):
    select: list[str] = Field(default_factory=lambda: ["ALL"])
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, SeverityName] = Field(default_factory=dict)
    fail_on: FailOn = "error"
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)


class RenderConfig(Model):
    templates: str = "templates/"
    font: Text = "Times New Roman"
    font_size: Annotated[float, Field(ge=6, le=36)] = 14.0
    time_limit: Annotated[float, Field(gt=0, le=3600)] | None = None


class SiteSettings(Model):
    repo_url: HttpUrl | None = None
    #: colloquial words -> the names they stand for, added to the site's own table (tpkit.site.search)
    synonyms: dict[Text, list[Text]] = Field(default_factory=dict)


class Config(Model):
    """tpkit.yaml: tool settings."""

    model_config = ConfigDict(coerce_numbers_to_str=False)

    version: Literal[1] = 1
    language: Language = "ru"
    #: where each rule is documented: ``{code}`` (TP101) and ``{lower}`` (tp101) are filled in
    docs_url: HttpUrl | None = None
    lint: LintConfig = Field(default_factory=LintConfig)
    render: RenderConfig = Field(default_factory=RenderConfig)
    site: SiteSettings = Field(default_factory=SiteSettings)


# --- agency.yaml -------------------------------------------------------------------


class Approval(Model):
    kind: ApprovalKind = "order"
    title: Text | None = None
    number: Text | None = None
    date: _dt.date | None = None
    #: the git revision (a tag, e.g. ``register-2026-02``) holding what was approved: ``tpkit render changes``
    #: and ``tpkit diff`` compare with it by default
    revision: Text | None = None


class Person(Model):
    position: Text
    name: Text


class Unit(Model):
    id: Id
    name: Text


class Official(Model):
    id: Id
    name: Text
    position: Text
    unit: Ref | None = None
    line_manager: bool = False
    contact: Text | None = None


class RegisterInfo(Model):
    responsible: Ref | None = None
    approval: Approval | None = None


class AgencyNeed(Model):
    id: Id
    name: Text
    short: Text | None = None


# ``register`` is also ABCMeta.register on the class; instances read the field.
warnings.filterwarnings("ignore", message='Field name "register"', category=UserWarning)


class Agency(Model):
    """agency.yaml: the agency, its units, officials and the register's approval."""

    id: Id
    name: Text
    #: the name in the genitive, for the rare name :func:`tpkit.russian.genitive` declines wrongly
    name_genitive: Text | None = None
    short_name: Text | None = None
    head: Person | None = None
    units: list[Unit] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    register: RegisterInfo | None = None
    needs: list[AgencyNeed] = Field(default_factory=list)


# --- acts.yaml --------------------------------------------------------------------


class Act(Model):
    id: Id
    kind: ActKind
    title: Text
    number: Text | None = None
    date: _dt.date | None = None
    url: Url | None = None


class ActsFile(Model):
    """acts.yaml: legal and internal acts that are the basis of touchpoints."""

    acts: list[Act] = Field(default_factory=list)


# --- touchpoints.yaml -------------------------------------------------------------


class Touchpoint(Model):
    id: Id
    name: Text
    channel: Channel
    operator: Text | None = None
    url: Url | None = None
    address: Text | None = None
    phone: Text | None = None
    schedule: Text | None = None
    accessibility: TextList = Field(default_factory=list)
    basis: list[Ref] = Field(default_factory=list)
    responsible: Ref | None = None
    description: Text | None = None


class TouchpointsFile(Model):
    """touchpoints.yaml: the catalogue of the agency's touchpoints."""

    touchpoints: list[Touchpoint] = Field(default_factory=list)


# --- processes/*.yaml ----------------------------------------------------------------

Demand = Union[NonNegativeInt, DemandWord]


class Partner(Model):
    name: Text
    touchpoints: list[Text] = Field(default_factory=list)


class ProcessTouchpoint(Model):
    touchpoint: Ref
    needs: list[Ref] = Field(default_factory=list)
    basis: list[Ref] = Field(default_factory=list)
    responsible: Ref | None = None
    demand: Demand | None = None
    notes: Text | None = None


class Feature(Model):
    id: Id
    title: Text
    touchpoints: list[Ref] = Field(default_factory=list)
    description: Text | None = None


class Notification(Model):
    event: Text
    touchpoint: Ref
    automatic: bool = False
    next_step: Text | None = None


class Process(Model):
    """processes/ID.yaml: one process (service, function, support measure, control, appeals)."""

    id: Id
    title: Text
    direction: Direction
    scope: Literal["process", "direction"] = "process"
    #: with ``scope: direction``: every service (measure) of the direction is handled alike at these touchpoints
    uniform: bool = False
    units: list[Ref] = Field(default_factory=list)
    basis: list[Ref] = Field(default_factory=list)
    partners: list[Partner] = Field(default_factory=list)
    joint_procedure: Ref | None = None
    touchpoints: list[ProcessTouchpoint] = Field(default_factory=list)
    features: list[Feature] = Field(default_factory=list)
    notifications: list[Notification] = Field(default_factory=list)
    description: Text | None = None


# --- procedures/*.yaml ---------------------------------------------------------------


class General(Model):
    goals: TextList = Field(default_factory=list)
    principles: TextList = Field(default_factory=list)
    scope: Text | None = None
    touchpoint: Ref | None = None


class InfrastructureItem(Model):
    equipment: Text
    purpose: Text | None = None
    usage: Text | None = None
    touchpoint: Ref | None = None


class Requirements(Model):
    politeness: Text | None = None
    accessibility: Text | None = None
    result_orientation: Text | None = None
    methods: TextList = Field(default_factory=list)
    notifications: Text | None = None
    other: TextList = Field(default_factory=list)


class ToolItem(Model):
    kind: ToolKind
    name: Text
    description: Text | None = None
    touchpoint: Ref | None = None


class SpecificItem(Model):
    feature: Ref | None = None
    clients: Text | None = None
    service: Text | None = None
    instruction: Text
    touchpoint: Ref | None = None


class FeedbackSection(Model):
    rating_each_stage: bool = False
    pretrial_appeal: Text | None = None
    channels: list[Ref] = Field(default_factory=list)
    description: Text | None = None


class ControlItem(Model):
    subject: Text | None = None
    periodicity: Text | None = None
    tool: Text | None = None
    corrective_measures: TextList = Field(default_factory=list)
    responsible: Ref | None = None
    touchpoint: Ref | None = None


class Sections(Model):
    general: General | None = None
    infrastructure: list[InfrastructureItem] | None = None
    requirements: Requirements | None = None
    tools: list[ToolItem] | None = None
    specifics: list[SpecificItem] | None = None
    feedback: FeedbackSection | None = None
    control: list[ControlItem] | None = None


class Criterion(Model):
    status: Literal["ok", "gap"]
    finding: Text | None = None
    mitigation: Text | None = None


class Assessment(Model):
    touchpoint: Ref
    simplicity: Criterion | None = None
    convenience: Criterion | None = None
    promptness: Criterion | None = None
    accessibility: Criterion | None = None


class Procedure(Model):
    """procedures/ID.yaml: an interaction procedure (порядок взаимодействия), seven sections."""

    id: Id
    title: Text
    touchpoints: Union[Literal["all"], list[Ref]] = Field(default_factory=list)
    responsible: Ref | None = None
    embedded_in: Ref | None = None
    approval: Approval | None = None
    sections: Sections = Field(default_factory=Sections)
    assessment: list[Assessment] = Field(default_factory=list)


FILE_KINDS: dict[str, type[Model]] = {
    "tpkit": Config,
    "agency": Agency,
    "acts": ActsFile,
    "touchpoints": TouchpointsFile,
    "process": Process,
    "procedure": Procedure,
}
