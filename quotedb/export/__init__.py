"""Turning quotations into records and files: JSON Lines, CSV and the rest."""
