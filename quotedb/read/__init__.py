"""Read-side queries: who said what, phrase search, speakers."""
