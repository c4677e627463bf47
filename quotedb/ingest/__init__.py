"""Import pipeline: inputs become documents, documents become stored articles."""
