"""The data model: record types, the shared event schema and the codebooks. No I/O of user data."""

from bilateral.model.records import (
    RECORD_TYPES,
    Agreement,
    AgreementParty,
    Alias,
    Entity,
    Event,
    EventActor,
    Infrastructure,
    InfrastructureOwner,
    Office,
    Source,
    Term,
)

__all__ = [
    "RECORD_TYPES", "Agreement", "AgreementParty", "Alias", "Entity", "Event", "EventActor",
    "Infrastructure", "InfrastructureOwner", "Office", "Source", "Term",
]
