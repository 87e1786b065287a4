"""The bundle's ``practice-gui`` executable (Windows and macOS): the window, no console."""

from practice.launch import run_gui_only

run_gui_only()
