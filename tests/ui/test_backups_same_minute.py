"""Two backups made within one minute (Back up now twice) are told apart in the
Backups window by their seconds; the others keep the shorter time."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from practice.services import backup
from practice.ui.backups_dialog import COL_TAKEN, BackupsDialog


def test_backups_in_the_same_minute_show_their_seconds(
    qtbot, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "backups"
    for moment in (
        datetime(2026, 12, 5, 9, 0, 30, tzinfo=UTC),
        datetime(2026, 12, 6, 10, 32, 5, tzinfo=UTC),
        datetime(2026, 12, 6, 10, 32, 41, tzinfo=UTC),
    ):
        backup.make_backup(db_path, folder, kind="manual", now=moment)
    dialog = BackupsDialog(db_path, folder)
    qtbot.addWidget(dialog)
    model = dialog.model
    shown = sorted(str(model.data(model.index(row, COL_TAKEN))) for row in range(model.rowCount()))
    # the two of 10:32 read apart (their seconds, on the local clock); the lone one not
    assert len(set(shown)) == 3
    with_seconds = [text for text in shown if text.count(":") == 2]
    assert len(with_seconds) == 2
    assert {text[-2:] for text in with_seconds} == {"05", "41"}
