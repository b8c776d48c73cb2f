"""人代会会议 page and its dialogs: the sessions of each term, attendance, agenda, votes and papers."""
