"""Outputs: the report workbook, safe downloads and the command line."""
