"""The Fusion workspace: entities, corroboration, near-duplicates and assessments of a case."""
