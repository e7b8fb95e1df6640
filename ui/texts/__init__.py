"""Per-page blocks of the translation catalogue; ``ui.i18n`` merges every module here."""
