"""Record types, one per knowledge-base table, with lossless conversion to and from CSV rows."""

from __future__ import annotations

import types
import typing
from datetime import date
from enum import Enum
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from bilateral.model.enums import (
    AgreementKind,
    AliasKind,
    CapacityUnit,
    Commodity,
    EntityKind,
    EventKind,
    Mode,
    NetworkCommodity,
    NodeKind,
    OfficeKind,
    PartyRole,
    Pillar,
    Precision,
    Role,
    Scope,
    SourceKind,
)

LIST_SEPARATOR = ";"


def _base_type(annotation: Any) -> Any:
    """The non-None type inside `X | None`, and the item type marker for lists."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return next(a for a in typing.get_args(annotation) if a is not type(None))
    return annotation


class Record(BaseModel):
    """A row of one knowledge-base table. `table` names the CSV; field order is column order."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)
    table: ClassVar[str]

    @classmethod
    def from_row(cls, row: dict[str, str]) -> Record:
        """Build a record from CSV cells (strings; '' means missing)."""
        values: dict[str, Any] = {}
        for name, info in cls.model_fields.items():
            cell = (row.get(name) or "").strip()
            kind = _base_type(info.annotation)
            if typing.get_origin(kind) is list:
                values[name] = [v for v in cell.split(LIST_SEPARATOR) if v] if cell else []
            elif cell == "":
                continue
            elif kind is bool:
                values[name] = cell.lower() == "true"
            else:
                values[name] = cell
        return cls.model_validate(values)

    def to_row(self) -> dict[str, str]:
        """The CSV cells of this record, in column order."""
        row = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if value is None:
                row[name] = ""
            elif isinstance(value, list):
                row[name] = LIST_SEPARATOR.join(str(getattr(v, "value", v)) for v in value)
            elif isinstance(value, bool):
                row[name] = "true" if value else "false"
            elif isinstance(value, Enum):
                row[name] = str(value.value)
            elif isinstance(value, float) and value.is_integer():
                row[name] = str(int(value))
            else:
                row[name] = str(value)
        return row


class Source(Record):
    table: ClassVar[str] = "sources"
    id: str
    url: str
    title: str
    publisher: str
    published: str | None = None
    kind: SourceKind
    language: str
    note: str | None = None


class Entity(Record):
    table: ClassVar[str] = "entities"
    id: str
    name: str
    kind: EntityKind
    country: str | None = None
    wikidata: str | None = None
    iso3: str | None = None
    cameo: str | None = None
    cow: int | None = None
    exists_from: date | None = None
    exists_until: date | None = None
    description: str | None = None
    source_ids: list[str] = Field(default_factory=list)


class Alias(Record):
    table: ClassVar[str] = "aliases"
    entity_id: str
    alias: str
    language: str
    kind: AliasKind
    valid_from: date | None = None
    valid_until: date | None = None


class Office(Record):
    table: ClassVar[str] = "offices"
    id: str
    title: str
    state_id: str
    kind: OfficeKind
    accredited_to: str | None = None
    complete_since: date | None = None


class Term(Record):
    table: ClassVar[str] = "terms"
    id: str
    person_id: str
    office_id: str
    start: date
    end: date | None = None
    acting: bool = False
    date_precision: Precision = Precision.DAY
    source_ids: list[str] = Field(default_factory=list)
    note: str | None = None


class Event(Record):
    table: ClassVar[str] = "events"
    id: str
    date: date
    date_end: typing.Optional[date] = None  # noqa: UP045 - `date | None` would shadow the type
    date_precision: Precision
    title: str
    summary: str
    kind: EventKind
    cameo: str
    goldstein: float | None = None
    quad_class: int | None = None
    override_reason: str | None = None
    plover: str | None = None
    pillars: list[Pillar]
    importance: int
    agreement_ids: list[str] = Field(default_factory=list)
    infrastructure_ids: list[str] = Field(default_factory=list)
    source_ids: list[str] = Field(default_factory=list)


class EventActor(Record):
    table: ClassVar[str] = "event_actors"
    event_id: str
    entity_id: str
    role: Role


class Agreement(Record):
    table: ClassVar[str] = "agreements"
    id: str
    title: str
    date: date
    date_precision: Precision
    kind: AgreementKind
    scope: Scope
    pillars: list[Pillar]
    place_id: str | None = None
    in_force: typing.Optional[date] = None  # noqa: UP045 - see Event.date_end
    summary: str
    source_ids: list[str] = Field(default_factory=list)


class AgreementParty(Record):
    table: ClassVar[str] = "agreement_parties"
    agreement_id: str
    entity_id: str
    role: PartyRole


class Infrastructure(Record):
    table: ClassVar[str] = "infrastructure"
    id: str
    commodity: Commodity
    capacity: float | None = None
    capacity_unit: CapacityUnit | None = None
    route: str | None = None
    length_km: float | None = None
    operator_id: str | None = None
    opened: date | None = None
    closed: date | None = None
    summary: str | None = None
    source_ids: list[str] = Field(default_factory=list)


class InfrastructureOwner(Record):
    table: ClassVar[str] = "infrastructure_owners"
    infrastructure_id: str
    owner_id: str
    stake_pct: float | None = None
    as_of: date | None = None
    source_ids: list[str] = Field(default_factory=list)


class EnergyNode(Record):
    table: ClassVar[str] = "energy_nodes"
    id: str
    name: str
    kind: NodeKind
    country: str
    region: str | None = None
    lat: float | None = None
    lon: float | None = None
    source_ids: list[str] = Field(default_factory=list)
    note: str | None = None


class EnergySegment(Record):
    table: ClassVar[str] = "energy_segments"
    id: str
    infrastructure_id: str
    from_node: str
    to_node: str
    via: list[str] = Field(default_factory=list)
    commodity: NetworkCommodity
    mode: Mode
    capacity: float
    capacity_unit: CapacityUnit
    countries: list[str]
    opened: date
    date_precision: Precision
    closed: date | None = None
    source_ids: list[str] = Field(default_factory=list)
    note: str | None = None


class UnitConversion(Record):
    table: ClassVar[str] = "unit_conversions"
    id: str
    commodity: NetworkCommodity
    from_unit: CapacityUnit
    to_unit: CapacityUnit
    factor: float
    source_ids: list[str] = Field(default_factory=list)
    note: str | None = None


class Membership(Record):
    table: ClassVar[str] = "memberships"
    organisation_id: str
    member_id: str
    role: str
    start: date | None = None
    end: date | None = None
    date_precision: Precision = Precision.DAY
    end_precision: Precision | None = None
    source_ids: list[str] = Field(default_factory=list)


class EssayItem(Record):
    table: ClassVar[str] = "essay_items"
    id: str
    section: str
    kind: str
    item: str
    records: list[str]
    assessment: str
    note: str | None = None


RECORD_TYPES: dict[str, type[Record]] = {cls.table: cls for cls in (
    Source, Entity, Alias, Office, Term, Event, EventActor, Agreement, AgreementParty,
    Infrastructure, InfrastructureOwner, EnergyNode, EnergySegment, UnitConversion, Membership,
    EssayItem)}
