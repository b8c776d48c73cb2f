"""主席团会议: the meetings list, the meeting dialog (header, attendance, agenda, papers) and the
督办事项 list."""
