"""Closed vocabularies of the data model, mirrored by the enums in the package's Table Schemas."""

from enum import StrEnum


class EntityKind(StrEnum):
    STATE = "state"
    PERSON = "person"
    ORGANISATION = "organisation"
    COMPANY = "company"
    INFRASTRUCTURE = "infrastructure"
    PLACE = "place"


class EventKind(StrEnum):
    VISIT = "visit"
    MEETING = "meeting"
    AGREEMENT = "agreement"
    TREATY = "treaty"
    CONFLICT = "conflict"
    CRISIS = "crisis"
    INFRASTRUCTURE = "infrastructure"
    ELECTION = "election"
    STATEMENT = "statement"
    SANCTION = "sanction"
    OTHER = "other"


class Pillar(StrEnum):
    ENERGY = "energy"
    SECURITY = "security"
    ECONOMY = "economy"
    POLITICAL = "political"


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Role(StrEnum):
    SOURCE = "source"
    TARGET = "target"
    PARTICIPANT = "participant"
    LOCATION = "location"


class SourceKind(StrEnum):
    OFFICIAL = "official"
    NEWS = "news"
    REFERENCE = "reference"
    ACADEMIC = "academic"


class AliasKind(StrEnum):
    OFFICIAL = "official"
    SHORT = "short"
    TRANSLITERATION = "transliteration"
    NATIVE = "native"
    HISTORICAL = "historical"
    METONYM = "metonym"


class OfficeKind(StrEnum):
    HEAD_OF_STATE = "head-of-state"
    HEAD_OF_GOVERNMENT = "head-of-government"
    FOREIGN_MINISTER = "foreign-minister"
    AMBASSADOR = "ambassador"
    OTHER = "other"


class AgreementKind(StrEnum):
    TREATY = "treaty"
    DECLARATION = "declaration"
    AGREEMENT = "agreement"
    MEMORANDUM = "memorandum"
    STATEMENT = "statement"
    CONTRACT = "contract"
    PROTOCOL = "protocol"
    CONVENTION = "convention"
    OTHER = "other"


class Scope(StrEnum):
    BILATERAL = "bilateral"
    MULTILATERAL = "multilateral"


class PartyRole(StrEnum):
    PARTY = "party"
    SIGNATORY = "signatory"
    WITNESS = "witness"
    MEDIATOR = "mediator"


class Commodity(StrEnum):
    OIL = "oil"
    GAS = "gas"
    OIL_PRODUCTS = "oil-products"
    ELECTRICITY = "electricity"
    FREIGHT = "freight"
    MILITARY = "military"
    OTHER = "other"


class CapacityUnit(StrEnum):
    BCM_PER_YEAR = "bcm/y"
    BARRELS_PER_DAY = "b/d"
    MT_PER_YEAR = "Mt/y"
    TONNES_PER_YEAR = "t/y"
    MEGAWATT = "MW"


class NetworkCommodity(StrEnum):
    """The commodities the energy-route network carries."""

    OIL = "oil"
    GAS = "gas"


class NodeKind(StrEnum):
    FIELD = "field"
    TERMINAL = "terminal"
    JUNCTION = "junction"
    BORDER = "border"
    MARKET = "market"
    WAYPOINT = "waypoint"


class Mode(StrEnum):
    PIPELINE = "pipeline"
    TANKER = "tanker"
    RAIL = "rail"
