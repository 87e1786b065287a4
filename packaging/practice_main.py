"""The bundle's ``practice`` executable: the same as the installed ``practice`` command."""

from practice.launch import run

run()
