"""A page builds and loads its data when first shown, never at start (ARCHITECTURE.md): mixed into a
page before QWidget, it calls the page's ``load()`` on the first show, and again whenever the main
window shows the page anew (``refresh_on_show``) once it has been loaded."""

from __future__ import annotations


class LoadsWhenShown:
    _loaded = False

    def load(self) -> None:
        raise TypeError(f"{type(self).__name__} does not say how it loads")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._loaded:
            self._loaded = True
            self.load()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        """Load now if never shown (a link from the workbench may arrive before the first show)."""
        if not self._loaded:
            self._loaded = True
            self.load()

    def refresh_on_show(self) -> None:
        if self._loaded:
            self.load()
