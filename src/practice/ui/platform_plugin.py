"""When Qt cannot load its window system plugin on Linux, say which library to install.

On a minimal Debian or Ubuntu, Qt's xcb plugin is there but a system library it needs
is not (``libxcb-cursor0`` most often). Qt then stops with "no Qt platform plugin could
be initialized. Reinstalling the application may fix this problem", which sends the user
the wrong way. :func:`explained` watches Qt's messages while the application object is
made; on that failure it finds the missing libraries (``ldd`` on the plugin) and prints
the package to install instead, then exits with :data:`EXIT_NO_WINDOW_SYSTEM`.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)

from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n  # QtCore only: it loads when Qt's GUI libraries cannot

log = logging.getLogger(__name__)

EXIT_NO_WINDOW_SYSTEM = 3

# The libraries Qt's xcb plugin needs that a minimal system may lack, and the Debian and
# Ubuntu package of each: the README's "From source" list and what .ci/run installs
# (tests/ui/test_platform_plugin.py keeps the README equal to it).
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}

CONTEXT = "platform_plugin"  # lupdate reads only literal contexts: spelled out below
NO_DISPLAY = QT_TRANSLATE_NOOP(
    "platform_plugin",
    "Practice cannot open its window: there is no desktop to show it on "
    "(DISPLAY is {display}). Start it from your desktop session; the commands "
    "(practice --help) work without one.",
)
MISSING = QT_TRANSLATE_NOOP(
    "platform_plugin",
    "Practice cannot open its window: a system library that Qt needs to draw on "
    "this desktop is missing ({libraries}).",
)
INSTALL_WITH = QT_TRANSLATE_NOOP(
    "platform_plugin", "On Debian or Ubuntu, install it with:\n    sudo apt install {packages}"
)
INSTALL_PROVIDER = QT_TRANSLATE_NOOP(
    "platform_plugin", "Install the package that provides {libraries}."
)
START_AGAIN = QT_TRANSLATE_NOOP(
    "platform_plugin", "Then start Practice again. Your practice's data were not touched."
)
NOT_SET = QT_TRANSLATE_NOOP("platform_plugin", "not set")
PLATFORM_ASKED = QT_TRANSLATE_NOOP(
    "platform_plugin",
    "Practice cannot open its window: Qt could not start the window system "
    "\u201c{platform}\u201d that QT_QPA_PLATFORM asks for. Unset QT_QPA_PLATFORM and "
    "start Practice again.",
)
DAMAGED = QT_TRANSLATE_NOOP(
    "platform_plugin",
    "Practice cannot open its window: its window system plugin (\u201c{platform}\u201d) is "
    "missing or damaged. Reinstall Practice. Your practice's data were not touched.",
)
SHIPPED = ("xcb", "wayland", "offscreen", "minimal")  # the platforms a bundle carries

# What ldd, the loader and Qt write (not translated: matched, never shown)
_NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)  # not translated: ldd
_CANNOT_OPEN = re.compile(r"(\S+\.so[.\d]*): cannot open shared object")  # not translated: dlopen
_PLUGIN_NAMED = re.compile(r'platform plugin "(\w+)"')  # not translated: Qt's words
_NO_DISPLAY_SAID = "could not connect to display"  # not translated: Qt's words


def plugin_file(platform: str) -> Path | None:
    """The file of Qt's ``platform`` plugin (``"xcb"``: ``libqxcb.so``), if there is one."""
    folders = [Path(p) for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)))
    for folder in folders:
        candidate = folder / "platforms" / f"libq{platform}.so"
        if candidate.is_file():
            return candidate
    return None


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries ``plugin`` needs that the system cannot find, in ``ldd``'s
    order (or the first one only, from the loader's error, where there is no ``ldd``)."""
    ldd = shutil.which("ldd")
    if ldd:
        try:
            listed = subprocess.run(
                [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            listed = ""
        return list(dict.fromkeys(_NOT_FOUND.findall(listed)))
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        return _CANNOT_OPEN.findall(str(error))[:1]
    return []


def advice(missing: list[str]) -> str:
    """What to tell the user: the libraries, and the command that installs them."""
    packages = [PACKAGES[name] for name in missing if name in PACKAGES]
    unknown = [name for name in missing if name not in PACKAGES]
    lines = [_said(MISSING).format(libraries=", ".join(missing))]
    if packages:
        lines.append(_said(INSTALL_WITH).format(packages=" ".join(packages)))
    if unknown:
        lines.append(_said(INSTALL_PROVIDER).format(libraries=", ".join(unknown)))
    lines.append(_said(START_AGAIN))
    return "\n".join(lines)


def _said(text: str) -> str:
    """``text`` in the user's language: Qt has no application yet to translate it."""
    return i18n.translate_without_application(CONTEXT, text)


@contextmanager
def explained() -> Iterator[None]:
    """While the application object is made: Qt's failure to load its platform plugin
    becomes a message naming the missing library (Linux only; elsewhere nothing)."""
    if not sys.platform.startswith("linux"):
        yield
        return
    held: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind != QtMsgType.QtFatalMsg:
            held.append(message)  # Qt's own account, printed if ours has nothing to add
            return
        asked = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0]
        named = _PLUGIN_NAMED.findall("\n".join(held))
        platform = named[0] if named else asked or "xcb"
        plugin = plugin_file(platform)
        missing = missing_libraries(plugin) if plugin else []
        if missing:
            log.error("Qt's platform plugin cannot load: missing %s", ", ".join(missing))
            said = advice(missing)
        elif any(_NO_DISPLAY_SAID in line for line in held):
            log.error("Qt cannot reach the display %s", os.environ.get("DISPLAY", "(none)"))
            said = _said(NO_DISPLAY).format(display=os.environ.get("DISPLAY") or _said(NOT_SET))
        elif plugin is None and platform in SHIPPED:
            log.error("Qt's platform plugin %s is missing", platform)
            said = _said(DAMAGED).format(platform=platform)
        elif asked:
            log.error("Qt cannot start the platform QT_QPA_PLATFORM names (%s)", asked)
            said = _said(PLATFORM_ASKED).format(platform=asked)
        else:
            sys.stderr.write("\n".join([*held, message]) + "\n")
            return  # Qt stops the program, as it would have
        _stop(said)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
        for message in held:  # warnings that were not a failure reach Qt's usual place
            log.warning("Qt: %s", message)


def explain_import_failure(error: ImportError) -> int:
    """Qt's GUI module could not be imported: name the missing system library (libGL,
    libEGL …) and how to install it, and stop; any other import failure is raised."""
    missing = _CANNOT_OPEN.findall(str(error))
    if not missing:
        raise error
    log.error("Qt's GUI libraries cannot load: missing %s", ", ".join(missing))
    _stop(advice(missing))
    return EXIT_NO_WINDOW_SYSTEM  # not reached: _stop ends the process


def _stop(said: str) -> None:
    """Say ``said`` on stderr, close the log, and end the process (status 3)."""
    sys.stderr.write(said + "\n")
    sys.stderr.flush()
    logging.shutdown()
    os._exit(EXIT_NO_WINDOW_SYSTEM)  # Qt would abort, with a core dump
