"""The narrative checker: text in, claims out, each verdicted against the knowledge base."""
