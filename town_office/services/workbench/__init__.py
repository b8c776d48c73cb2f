"""The workbench (工作台): what is due and late across every area, the statutory and local schedule
checks, the year at a glance, its charts and the month calendar. Read-only: it gathers, never writes
(except the clerk's own check settings in ``check_settings``)."""
