"""Storage: the canonical schema, the team's workspace (versions), settings, saved views, the sample."""
