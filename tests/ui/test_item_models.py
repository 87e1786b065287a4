"""Every item model of the GUI passes Qt's model checks, filled by the app from the
demo practice (a migrated database), and again after it is filled anew.

Each model is checked twice: by pytest-qt's Python model tester, which raises at the
first broken rule, and by Qt's own ``QAbstractItemModelTester``, which stays attached
while the model is reset or changed and reports a broken rule as a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QWidget

from practice.db.engine import Database
from practice.services import backup, demo
from practice.ui.audit_page import AuditPage
from practice.ui.backups_dialog import BackupsDialog
from practice.ui.import_dialog import ImportClientsDialog

DEMO_TODAY = date(2026, 3, 11)
WARNING = QAbstractItemModelTester.FailureReportingMode.Warning
CSV = (
    "first_name,last_name,birth_date,language\n"
    "Kasia,Nowak,1988-04-12,en\n"
    "Ilse,Brandt,1979-02-30,de\n"  # an impossible date and an unknown language
    "Kasia,Nowak,1988-04-12,en\n"  # the same person twice
)


@pytest.fixture
def practice(db: Database) -> demo.DemoSummary:
    with db.session() as s:
        return demo.seed_demo(s, today=DEMO_TODAY)


@pytest.fixture
def check_model(qtmodeltester, qtlog) -> Iterator[Callable[..., None]]:  # type: ignore[no-untyped-def]
    """``check_model(model, *watched)``: pytest-qt's tester on ``model`` now (one model a
    test: it keeps watching), Qt's tester on all of them until the test ends."""
    attached: list[QAbstractItemModelTester] = []

    def check(model: QAbstractItemModel, *watched: QAbstractItemModel) -> None:
        for each in (model, *watched):
            assert each.rowCount() > 0, "check a model with rows in it"
            attached.append(QAbstractItemModelTester(each, WARNING))
        qtmodeltester.check(model, force_py=True)

    yield check
    failures = [r.message for r in qtlog.records if "FAIL" in r.message]
    assert failures == []
    assert attached, "no model was checked"


def _kept(widget: QWidget) -> Iterator[QWidget]:
    """Show ``widget`` for the test; closed only after the model testers let go of it."""
    widget.show()
    yield widget
    widget.close()
    widget.deleteLater()


@pytest.fixture
def window(qapp, db: Database, practice: demo.DemoSummary, templates):  # type: ignore[no-untyped-def]
    from practice.ui.main_window import MainWindow

    yield from _kept(MainWindow(db, templates))


@pytest.fixture
def audit_page(qapp, db: Database, practice: demo.DemoSummary):  # type: ignore[no-untyped-def]
    yield from _kept(AuditPage(db))


@pytest.fixture
def backups(qapp, db_path: Path, tmp_path: Path, practice: demo.DemoSummary):  # type: ignore[no-untyped-def]
    folder = tmp_path / "backups"
    backup.make_backup(db_path, folder, kind="daily")
    backup.make_backup(db_path, folder, kind="manual")
    yield from _kept(BackupsDialog(db_path, folder))


@pytest.fixture
def import_dialog(qapp, db: Database, practice: demo.DemoSummary):  # type: ignore[no-untyped-def]
    yield from _kept(ImportClientsDialog(db))


# The widget fixtures come before ``check_model``: they are torn down after it.


@pytest.mark.parametrize("checked", ["model", "proxy"])
def test_the_client_list_models(practice, window, check_model, checked):
    client_list = window.clients_page.client_list
    check_model(getattr(client_list, checked))
    # filled anew and filtered while the testers watch
    window.clients_page.refresh()
    client_list.proxy.set_status(None)
    assert client_list.proxy.rowCount() == client_list.model.rowCount() == 14
    client_list.proxy.set_search("a")
    assert 0 < client_list.proxy.rowCount() < 14


def test_the_appointments_model_of_a_client(practice, window, check_model):
    window.show_page(window.clients_page)
    window.clients_page.open_client(practice.improver_id)
    workspace = window.clients_page.workspace
    workspace.setCurrentWidget(workspace.sessions)
    model = workspace.sessions.model
    check_model(model)
    workspace.sessions.show_client(practice.drifter_id)
    assert model.rowCount() > 0


def test_the_homework_tree(practice, window, check_model):
    window.show_page(window.clients_page)
    window.clients_page.open_client(practice.improver_id)
    workspace = window.clients_page.workspace
    workspace.setCurrentWidget(workspace.homework)
    check_model(workspace.homework.model)
    workspace.homework.show_client(practice.drifter_id)
    assert workspace.homework.model.rowCount() > 0


def test_the_audit_trail_models(audit_page, check_model):
    check_model(audit_page.model, audit_page.proxy)
    audit_page.text.setText("client")
    audit_page.refresh()
    assert audit_page.model.rowCount() > 0


def test_the_backups_models(db_path: Path, tmp_path: Path, backups, check_model):
    check_model(backups.model, backups.proxy)
    backup.make_backup(db_path, backups.folder, kind="manual")
    backups.refresh()
    model = backups.model
    shown = {model.backup_at(row).path.name for row in range(model.rowCount())}
    assert shown == {p.name for p in backups.folder.glob(f"{db_path.stem}.*.sqlite3")}


def test_the_import_preview_models(import_dialog, check_model):
    import_dialog.load_bytes(CSV.encode())
    check_model(import_dialog.model, import_dialog.proxy)
    import_dialog.skip_box.setChecked(True)  # changes the status column in place
    import_dialog.load_bytes(CSV.replace("1979-02-30", "1979-02-03").encode())
    assert import_dialog.model.rowCount() == 3
