"""The key file and its copies in the backup folders never disagree for long: a change
of passphrase updates every copy it knows of, each file is whole (old or new) after
a kill, and unlocking tries the other copies before saying "wrong passphrase"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from _crypto_fixtures import FAST, PASSPHRASE
from _fault import KILLED, KillServer, kill_points, needs_strace

from practice.cli import main, passphrase
from practice.db import crypto, encryption, keyring

NEW = "a new passphrase"
SWEEP = {"rename,renameat,renameat2": 6, "fsync": 12, "unlink,unlinkat": 8}


@pytest.fixture(autouse=True)
def cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passphrase, "interactive", lambda: False)
    monkeypatch.setitem(encryption.encrypt.__kwdefaults__, "params", FAST)
    monkeypatch.setitem(encryption.change_passphrase.__kwdefaults__, "params", FAST)


@pytest.fixture
def practice(plain_practice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An encrypted practice with backups (and key file copies) in the default backup
    folder and on a stick (``backup --to``)."""
    encryption.encrypt(plain_practice, PASSPHRASE, params=FAST)
    monkeypatch.setenv("PRACTICE_PASSPHRASE", PASSPHRASE)
    assert main(["backup", "--db", str(plain_practice)]) == 0
    assert main(["backup", "--db", str(plain_practice), "--to", str(tmp_path / "stick")]) == 0
    return plain_practice


def key_files(path: Path, root: Path) -> list[Path]:
    return sorted(root.rglob(path.name + crypto.KEY_FILE_SUFFIX))


def opens_with(key_file: Path, passphrase: str) -> bool:
    try:
        crypto.unwrap_key(crypto.read_key_file(key_file), passphrase)
    except crypto.WrongPassphraseError:
        return False
    return True


def _change(path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("PRACTICE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PRACTICE_NEW_PASSPHRASE", NEW)
    return main(["change-passphrase", "--db", str(path)])


def _clients(path: Path, phrase: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("PRACTICE_PASSPHRASE", phrase)
    return main(["clients", "--db", str(path)])


def test_change_passphrase_updates_the_copy_in_a_to_folder(
    practice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given copies of the key file in the backup folder and on the stick
    copies = key_files(practice, tmp_path)
    assert sorted(p.parent.name for p in copies) == sorted(["backups", "stick", tmp_path.name])

    assert _change(practice, monkeypatch) == 0

    # Then every copy opens with the new passphrase and none with the old one
    assert all(opens_with(p, NEW) and not opens_with(p, PASSPHRASE) for p in copies)
    assert len({p.read_text() for p in copies}) == 1


def _killed_before_the_last_rename(practice: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The files as a change of passphrase killed after renaming the copies, before the
    key file beside the practice: the copies new, the key file old."""
    main_file = crypto.key_file_path(practice)
    old = main_file.read_text()
    assert _change(practice, monkeypatch) == 0
    main_file.write_text(old)
    return old


def test_unlock_tries_the_newer_copy_after_a_change_killed_before_its_last_rename(
    practice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _killed_before_the_last_rename(practice, monkeypatch)

    # When the new passphrase is typed, Then it opens, and the key file is brought along
    assert _clients(practice, NEW, monkeypatch) == 0
    assert len({p.read_text() for p in key_files(practice, tmp_path)}) == 1
    assert opens_with(crypto.key_file_path(practice), NEW)


def test_old_passphrase_after_that_kill_puts_the_copies_back(
    practice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _killed_before_the_last_rename(practice, monkeypatch)

    # When the old passphrase is typed, Then the change is undone everywhere
    assert _clients(practice, PASSPHRASE, monkeypatch) == 0
    assert {p.read_text() for p in key_files(practice, tmp_path)} == {old}
    assert _clients(practice, NEW, monkeypatch) == 1


def test_a_stale_copy_never_reopens_with_the_old_passphrase(
    practice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the stick unplugged while the passphrase was changed
    stick, away = tmp_path / "stick", tmp_path / "away"
    stick.rename(away)
    assert _change(practice, monkeypatch) == 0
    away.rename(stick)
    copy = keyring.copy_path(practice, stick)
    assert opens_with(copy, PASSPHRASE)

    # When the old passphrase is typed, Then it is refused (the stale copy is older)
    assert _clients(practice, PASSPHRASE, monkeypatch) == 1

    # When the new one is typed, Then the stale copy is brought up to date
    assert _clients(practice, NEW, monkeypatch) == 0
    assert opens_with(copy, NEW) and not opens_with(copy, PASSPHRASE)


def test_a_lost_key_file_is_taken_back_from_the_backup_folder(
    practice: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    main_file = crypto.key_file_path(practice)
    main_file.unlink()
    capsys.readouterr()

    assert _clients(practice, PASSPHRASE, monkeypatch) == 0

    assert "Qqqrrr, Zyxwvut" in capsys.readouterr().out
    assert opens_with(main_file, PASSPHRASE)


def _copy_practice(template: Path, root: Path) -> None:
    shutil.copytree(template, root)
    record = root / "data" / "backup-folders.json"
    if record.exists():
        record.write_text(record.read_text().replace(str(template), str(root)))


@needs_strace
def test_change_passphrase_killed_anywhere_leaves_each_file_whole(
    practice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the practice and its three key files
    template = tmp_path
    server = KillServer()
    swept: set[str] = set()
    kills = 0
    try:
        for syscall, nth in kill_points(SWEEP):
            if syscall in swept:
                continue
            root = tmp_path.parent / f"{tmp_path.name}-{syscall.split(',')[0]}-{nth}"
            _copy_practice(template, root)
            db_path = root / practice.name
            env = {"PRACTICE_DATA_DIR": str(root / "data"), "PRACTICE_PASSPHRASE": PASSPHRASE,
                   "PRACTICE_NEW_PASSPHRASE": NEW}  # fmt: skip
            # When `practice change-passphrase` is killed at this call
            status = server.run(
                root, env, ["change-passphrase", "--db", practice.name], syscall, nth
            )
            if status != KILLED:
                assert status == 0, (root / "out.txt").read_text()
                swept.add(syscall)
                continue
            kills += 1
            # Then each key file is whole and opens with the old or the new passphrase
            found = key_files(db_path, root)
            assert len(found) == 3
            assert all(opens_with(p, PASSPHRASE) or opens_with(p, NEW) for p in found)
            # and the next unlock, with the passphrase that works, brings them in step
            monkeypatch.setenv("PRACTICE_DATA_DIR", str(root / "data"))
            try:
                key = keyring.unlock(db_path, NEW)
            except crypto.WrongPassphraseError:
                key = keyring.unlock(db_path, PASSPHRASE)
            assert len({p.read_text() for p in key_files(db_path, root)}) == 1
            assert sorted(root.rglob("*.tmp")) == []
            assert crypto.connect(db_path, key, readonly=True).execute(
                "SELECT count(*) FROM clients"
            ).fetchone() == (4,)
            shutil.rmtree(root)
    finally:
        server.close()
    assert swept == set(SWEEP) and kills >= 8
