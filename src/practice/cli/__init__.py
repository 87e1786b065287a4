"""The ``practice`` command: the GUI with no subcommand, or one job from the shell.

Errors go to stderr with a non-zero exit status; nothing half-written stays.

One writer: commands that write (``migrate``, ``seed-demo``, ``backup``,
``restore``, ``export``, ``import-clients``, ``reminder-card``, ``encrypt``,
``change-passphrase``) hold the database's lock (see ``practice.db.lock``) and
refuse, naming the holder's process and host, while the app or another command has
the file. Commands that only read (``clients``, ``check``, ``import-clients
--dry-run``, ...) take no lock — except that a database that must first be upgraded
is upgraded under the lock (after a verified pre-migration backup), so they too
refuse to upgrade a file in use, and a journal a crash left is rolled back under it.
No command makes a practice unless asked (``--create``).

Layout: ``entry`` parses and dispatches; ``base`` opens what commands need (path,
passphrase through ``passphrase``, lock, upgrade, session); ``errors`` turns a
CliError into a message and an exit status; the other modules hold the commands.
"""

from practice.cli.entry import main

__all__ = ["main"]
