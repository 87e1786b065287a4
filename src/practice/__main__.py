"""``python -m practice``: the same as the ``practice`` command."""

from practice.launch import run

run()
