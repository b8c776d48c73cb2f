"""走访日志 and 问题清单: fast keyboard entry of visits, the visits list, quota progress, and the problems
followed until the voter hears back."""
