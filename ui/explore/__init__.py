"""The Explore page's panels: ``pivot``, ``join`` and ``sql``, over the shared ``state`` (URL keys,
where this session's tables live, labels, saved views)."""
