"""``python -m practice``: the same as the ``practice`` command."""

from practice.cli import main

raise SystemExit(main())
