"""Import: reading files safely, parsing values, mapping columns, validating into canonical tables."""
