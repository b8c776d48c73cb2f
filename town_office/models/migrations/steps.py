"""Upgrade steps. ``STEPS[0]`` upgrades version 1 to 2, ``STEPS[1]`` 2 to 3, and so on.

Each step is ``step(db, migrator)``; it declares any new column inline (e.g.
``CharField(default="")``) as it was at that version. Version 1 is the first release and has no step.
Every released version keeps a fixture database in ``tests/fixtures/schema_vN.sqlite3``.
"""

STEPS: list = []
