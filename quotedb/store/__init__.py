"""Persistence helpers. They work inside a session the caller opened and never commit."""
