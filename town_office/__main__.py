"""Allows ``python -m town_office``; everything happens in :func:`town_office.cli.main`."""

from town_office.cli import main

raise SystemExit(main())
