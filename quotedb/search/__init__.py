"""Full-text search and "who said this?" on the database's own engine."""
