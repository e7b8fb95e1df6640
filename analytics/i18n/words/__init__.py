"""The catalogue of words, one module per area (see ``analytics.i18n``)."""
