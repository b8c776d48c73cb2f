"""Training papers: the sign-in sheet and record (PDF) and the statistics workbook."""
