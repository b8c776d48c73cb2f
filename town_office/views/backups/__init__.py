"""备份与恢复: the backups list, back up now, to a USB stick, verify, restore; automatic backups."""
