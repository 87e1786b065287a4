"""Fixtures for encryption tests: a practice with clients, plain and encrypted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _crypto_fixtures import FAST, PASSPHRASE, SECRET_NAME, add_clients

from practice.db import encryption
from practice.db.engine import Database


@pytest.fixture
def plain_practice(db: Database) -> Path:
    """A plain practice with four clients, its engine closed."""
    add_clients(db, SECRET_NAME, "Amara Okafor", "Bao Tran", "Chidi Eze")
    db.dispose()
    return db.path


@pytest.fixture
def encrypted(plain_practice: Path) -> Iterator[tuple[Path, encryption.EncryptResult]]:
    """The same practice encrypted with PASSPHRASE (fast key derivation)."""
    yield plain_practice, encryption.encrypt(plain_practice, PASSPHRASE, params=FAST)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Backups and settings stay in the test's folder; no passphrase from the caller."""
    monkeypatch.setenv("PRACTICE_DATA_DIR", str(tmp_path / "data"))
    for name in ("PRACTICE_PASSPHRASE", "PRACTICE_NEW_PASSPHRASE", "PRACTICE_RECOVERY_KEY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def qt_settings(tmp_path: Path) -> None:
    """The app's settings (QSettings) in the test's folder, never the user's."""
    from PySide6.QtCore import QSettings  # deferred: only GUI tests load Qt

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
