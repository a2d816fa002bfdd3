"""bilateral: an evidence-grounded engine for the relationship between two states."""

__version__ = "0.1.0"
