"""Pure renderers: dataclasses in, a PDF or a workbook out. No queries here."""
