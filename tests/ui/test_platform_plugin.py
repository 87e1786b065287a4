"""When Qt cannot load its xcb plugin, the app names the library to install (Linux).

The app is started for real, in its own process, on the xcb platform. A missing system
library is made missing for real: in a private mount namespace (``unshare``), the
system's library folder is replaced by a copy of its links without ``libxcb-cursor``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from practice.ui import platform_plugin

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")

LIBRARY_FOLDER = Path("/usr/lib/x86_64-linux-gnu")
HIDE = r"""
set -e
work=$1; shift
mkdir -p "$work/orig" "$work/lib"
mount --bind "$LIBS" "$work/orig"
for f in "$work"/orig/*; do
    case ${f##*/} in $HIDDEN*) ;; *) ln -s "$f" "$work/lib/" ;; esac
done
mount --bind "$work/lib" "$LIBS"
exec "$@"
"""


def _start(
    tmp_path: Path,
    *,
    hide: str = "",
    display: str = ":0",
    lang: str = "en_US.UTF-8",
    platform: str = "xcb",
) -> subprocess.CompletedProcess:
    """Start the app; ``hide``: the file names (a shell pattern) of system libraries
    to make missing for it."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))},
        "LANG": lang,
        "HOME": str(tmp_path / "home"),  # no Preferences: the system's language
        "QT_QPA_PLATFORM": platform,
        "XDG_RUNTIME_DIR": str(tmp_path),  # no Wayland compositor here
        "DISPLAY": display,
        "PRACTICE_DATA_DIR": str(tmp_path / "data"),
        "LIBS": str(LIBRARY_FOLDER),
        "HIDDEN": hide,
    }
    command = [sys.executable, "-m", "practice", "--db", str(tmp_path / "p.sqlite3")]
    if hide:
        command = ["unshare", "--mount", "bash", "-c", HIDE, "hide", str(tmp_path), *command]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def _can_hide_a_library() -> bool:
    if not (shutil.which("unshare") and LIBRARY_FOLDER.is_dir()):
        return False
    return subprocess.run(["unshare", "--mount", "true"], capture_output=True).returncode == 0


def test_a_missing_xcb_library_is_named_with_the_package_that_installs_it(tmp_path):
    plugin = platform_plugin.plugin_file("xcb")
    assert plugin is not None, "PySide6 ships the xcb plugin"
    already_missing = "libxcb-cursor.so.0" in platform_plugin.missing_libraries(plugin)
    if not already_missing and not _can_hide_a_library():
        pytest.skip("libxcb-cursor0 is installed and cannot be hidden here (needs unshare)")
    # Given a system without libxcb-cursor.so.0 (Qt's xcb plugin needs it since Qt 6.5)
    # When the app is started on an X display
    done = _start(tmp_path, hide="" if already_missing else "libxcb-cursor")
    # Then it says which library is missing and how to install it, not Qt's riddle
    assert done.returncode == platform_plugin.EXIT_NO_WINDOW_SYSTEM, done.stderr
    assert "missing (libxcb-cursor.so.0)" in done.stderr
    assert "sudo apt install libxcb-cursor0" in done.stderr
    assert "Reinstalling the application" not in done.stderr
    assert "Aborted" not in done.stderr and "core dumped" not in done.stderr
    # and it touched nothing: no database was made, the log says why it stopped
    assert not (tmp_path / "p.sqlite3").exists()
    log = (tmp_path / "data" / "logs" / "practice.log").read_text(encoding="utf-8")
    assert "Qt's platform plugin cannot load: missing libxcb-cursor.so.0" in log


NO_DISPLAY = {
    "en_US.UTF-8": "no desktop to show it on (DISPLAY is :{n})",
    "es_MX.UTF-8": "no hay un escritorio donde mostrarla (DISPLAY es :{n})",
}


@pytest.mark.parametrize("lang", list(NO_DISPLAY))
def test_no_display_is_said_plainly_in_the_users_language(tmp_path, lang):
    plugin = platform_plugin.plugin_file("xcb")
    assert plugin is not None
    if platform_plugin.missing_libraries(plugin):
        pytest.skip("the xcb plugin lacks libraries here: the test above covers that")
    unused = next(n for n in range(77, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    # Given an X display that is not there
    # When the app is started on it
    done = _start(tmp_path, display=f":{unused}", lang=lang)
    # Then it says there is no desktop to show it on, and which DISPLAY it tried
    assert done.returncode == platform_plugin.EXIT_NO_WINDOW_SYSTEM, done.stderr
    assert NO_DISPLAY[lang].format(n=unused) in done.stderr
    assert "Reinstalling the application" not in done.stderr
    assert not (tmp_path / "p.sqlite3").exists()


def test_the_advice_names_every_package_it_knows_and_each_library_it_does_not():
    said = platform_plugin.advice(["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libodd.so.3"])
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in said
    assert "Install the package that provides libodd.so.3." in said


def test_the_readme_installs_every_library_the_app_may_name() -> None:
    # Given the "From source" section of the README and its apt command
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From source", 1)[1].split("\n## ", 1)[0]
    command = section.split("sudo apt install", 1)[1].split("```", 1)[0]
    # Then it installs exactly the packages the app's message may ask for
    assert sorted(command.replace("\\", " ").split()) == sorted(
        set(platform_plugin.PACKAGES.values())
    )


@pytest.mark.parametrize(
    ("library", "package"), [("libGL.so.1", "libgl1"), ("libEGL.so.1", "libegl1")]
)
def test_a_missing_gui_library_of_qt_is_named_too(tmp_path, library, package):
    if not (LIBRARY_FOLDER / library).exists() or not _can_hide_a_library():
        pytest.skip(f"{library} is not installed here, or cannot be hidden (needs unshare)")
    # Given a system without one of the libraries Qt's GUI module links to
    # When the app is started
    done = _start(tmp_path, hide=library)
    # Then it names the library and its package, and stops without a traceback
    assert done.returncode == platform_plugin.EXIT_NO_WINDOW_SYSTEM, done.stderr
    assert f"missing ({library})" in done.stderr
    assert f"sudo apt install {package}" in done.stderr
    assert "Traceback" not in done.stderr and "unexpected problem" not in done.stderr
    assert not (tmp_path / "p.sqlite3").exists()


@pytest.mark.parametrize("platform", ["wayland", "nonsense"])
def test_a_window_system_qt_cannot_start_is_said_with_what_to_do(tmp_path, platform):
    # Given QT_QPA_PLATFORM naming a window system that is not there
    # When the app is started
    done = _start(tmp_path, platform=platform)
    # Then it says which one QT_QPA_PLATFORM asked for and to unset it; no abort
    assert done.returncode == platform_plugin.EXIT_NO_WINDOW_SYSTEM, done.stderr
    assert f"window system \u201c{platform}\u201d that QT_QPA_PLATFORM asks for" in done.stderr
    assert "Unset QT_QPA_PLATFORM" in done.stderr
    assert "Reinstalling the application" not in done.stderr
