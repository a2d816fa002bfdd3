"""Name normalisation shared by alias resolution and alias checks."""

import re
import unicodedata

_FOLD = str.maketrans({"ə": "e", "Ə": "e", "ı": "i", "ё": "е", "’": "'", "‘": "'"})


def normalise(name: str) -> str:
    """Casefold, drop diacritics and punctuation: 'Heydər Əliyev' -> 'heyder eliyev'."""
    text = unicodedata.normalize("NFKD", name.translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())
