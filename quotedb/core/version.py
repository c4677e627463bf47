"""The extractor's version, in a module of its own: stored with every article (so that
`reextract` knows what is stale) and read by commands that never extract."""

# Bump whenever extraction output can change for the same text.
EXTRACTOR_VERSION = "0.6.0"
