"""The frozen program's entry point (PyInstaller runs this file): the same ``main`` as
``python -m town_office`` and the ``town-office`` command."""

from town_office.cli import main

raise SystemExit(main())
