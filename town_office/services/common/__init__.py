"""Helpers every area of services/ shares: audit rows, stored attachments, reasons, text limits,
workbook reading, workdays and pinyin."""
