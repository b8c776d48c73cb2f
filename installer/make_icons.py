"""Render the application icon from installer/town_office.svg into resources/icons/: PNGs of the
sizes desktops ask for and a multi-size ICO for Windows. Run after changing the SVG:

    .venv/bin/python installer/make_icons.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ROOT / "installer" / "town_office.svg"))
    if not renderer.isValid():
        print("town_office.svg is not a valid SVG", file=sys.stderr)
        return 1
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        image.save(out / f"town_office_{size}.png")
    images[256].save(out / "town_office.ico", sizes=[(s, s) for s in SIZES])
    print(f"wrote {len(SIZES)} PNGs and town_office.ico into {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
