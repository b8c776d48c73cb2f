"""The workbench page (工作台): due and late, the schedule, the year at a glance, the calendar."""
