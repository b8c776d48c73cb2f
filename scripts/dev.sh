#!/usr/bin/env bash
# One entry point for a fresh Linux machine: installs what Qt needs from Debian (when missing and when
# we are allowed to), builds .venv with the program and its test tools, then runs the program or the tests.
#   bash scripts/dev.sh run [town-office arguments...]   open the program (its own database in the user data folder)
#   bash scripts/dev.sh test [pytest arguments...]       run the whole test suite
#   bash scripts/dev.sh screenshots [OUT_DIR]            render every page to PNG for a person to look at
#   bash scripts/dev.sh package [--install]              build the bundle and the .deb and smoke-test them
#                                                        (--install: also install, test and remove the .deb)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV="$ROOT/.venv"

# Shared libraries Qt loads even offscreen, the xcb pieces a real window needs, and a CJK font so Qt
# never draws boxes. poppler-utils gives pdftoppm/pdffonts for looking at printed papers.
DEBIAN_PACKAGES=(libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxrender1 libxi6 libsm6 libice6
  fonts-wqy-microhei poppler-utils)
# Only for the tests: LibreOffice prints the exported workbooks as a second spreadsheet program would
# (tests/test_workbook_printing.py), with Carlito standing in for Excel's default Calibri widths.
TEST_PACKAGES=(libreoffice-calc-nogui fonts-crosextra-carlito)

install_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "缺少系统软件包（请让管理员安装）: ${missing[*]}" >&2; return 0; fi
  fi
  echo "安装系统软件包: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

make_venv() {
  local py=${PYTHON:-python3}
  if [ ! -x "$VENV/bin/python" ]; then
    "$py" -m venv "$VENV"
  fi
  # Reinstall only when pyproject.toml changed since the last install.
  local stamp="$VENV/.installed-pyproject"
  if ! cmp -s pyproject.toml "$stamp"; then
    "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null 2>&1 || true
    # PySide6-Pdf (6.12 only) would hold Qt at the faulty 6.12.0; QtPdf now comes with PySide6-Addons.
    "$VENV/bin/python" -m pip uninstall -y -q PySide6-Pdf >/dev/null 2>&1 || true
    "$VENV/bin/python" -m pip install -q -e ".[test,build]"
    cp pyproject.toml "$stamp"
  fi
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
if [ "$cmd" = test ]; then
  install_debian_packages "${DEBIAN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
else
  install_debian_packages "${DEBIAN_PACKAGES[@]}"
fi
make_venv
case "$cmd" in
  run) exec "$VENV/bin/town-office" "$@" ;;
  test) exec "$VENV/bin/python" -m pytest -q "$@" ;;
  screenshots) QT_QPA_PLATFORM=offscreen exec "$VENV/bin/python" tests/screenshots.py "${1:-screenshots}" ;;
  package) QT_QPA_PLATFORM=offscreen exec "$VENV/bin/python" installer/build.py --deb "$@" ;;
  *) echo "用法: bash scripts/dev.sh run|test|screenshots|package [--install]" >&2; exit 2 ;;
esac
