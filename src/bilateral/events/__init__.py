"""Machine-coded event data (GDELT, ICEWS, POLECAT) imported into the shared event schema."""
