"""Every page fits a 1024 px wide screen, and a 1366x768 screen at a scale factor of
1.5 (911x512 logical pixels): opening one never widens the main window, and on the
Clients page no tab scrolls sideways and the cannot-postpone flag is never cut. In
English and in Spanish (its words are longer)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtWidgets import QApplication

from practice.services.demo import seed_demo
from practice.ui.widgets import fit_to_screen, screen_room

SCALED = QRect(0, 0, 911, 512)  # 1366x768 at 150 %


@pytest.fixture(params=["en", "es"])
def language(request):  # type: ignore[no-untyped-def]
    """The GUI's language for the test (windows are made after it)."""
    if request.param == "es":
        request.getfixturevalue("spanish")
    return request.param


def _click_page(qtbot, window, row: int) -> str:  # type: ignore[no-untyped-def]
    item = window.nav.item(row)
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    assert window.nav.currentRow() == row
    return item.text()


def test_no_page_makes_the_main_window_wider_than_a_small_screen(qtbot, language, db, templates):
    from practice.ui.app_controller import _audit_page
    from practice.ui.main_window import MainWindow

    # Given the window as the app builds it (the Audit trail page is added at start)
    main_window = MainWindow(db, templates)
    qtbot.addWidget(main_window)
    main_window.show()
    main_window.add_lazy_page("Audit trail", lambda: _audit_page(db, main_window))
    main_window.resize(1024, 600)
    widths = {}
    for row in range(main_window.nav.count()):
        # When the therapist clicks each page in the navigation rail
        page = _click_page(qtbot, main_window, row)
        widths[page] = main_window.minimumSizeHint().width()
    # Then the window can stay within 1024 px on every page
    assert {page: w for page, w in widths.items() if w > 1024} == {}
    assert main_window.width() <= 1024


def test_every_page_and_client_tab_fits_a_scaled_laptop_screen(qtbot, language, db, templates):
    from practice.ui.app_controller import _audit_page
    from practice.ui.main_window import MainWindow
    from practice.ui.prep_page import PrepPage
    from practice.ui.risk_flag import RiskFlag, cut_sideways

    # Given the demo practice (with its cannot-postpone client) on a 911x512 screen
    with db.session() as s:
        demo = seed_demo(s, today=date.today())
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.add_lazy_page("Audit trail", lambda: _audit_page(db, window))
    window.show()
    fit_to_screen(window, SCALED)
    room = screen_room(SCALED).width()
    too_wide: dict[str, int] = {}
    for row in range(window.nav.count()):
        # When the therapist clicks each page (and on Clients, each tab of that client)
        page = _click_page(qtbot, window, row)
        too_wide[page] = window.minimumSizeHint().width()
        if window.pages.widget(row) is not window.clients_page:
            continue
        window.show_client(demo.cannot_postpone_id)
        workspace = window.clients_page.workspace
        bar = workspace.tabBar()
        for index in range(workspace.count()):
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
            QApplication.processEvents()
            assert workspace.currentIndex() == index
            tab = workspace.tabText(index)
            too_wide[f"Clients/{tab}"] = max(
                window.minimumSizeHint().width(),
                # the workspace scrolls sideways when its tab wants more than it has
                room + workspace.parentWidget().parentWidget().horizontalScrollBar().maximum(),
            )
            shown = workspace.currentWidget()
            # Then the flag on Homework is whole, and on Prep its reason and Start session
            if shown is workspace.homework:
                assert shown.risk_flag.fits(), "the Homework flag is cut"
            flags = [f for f in shown.findChildren(RiskFlag) if f.isVisible()]
            assert all(f.fits() for f in flags), f"a flag on {tab} is cut"
            if isinstance(shown, PrepPage):
                assert shown.cannot_postpone_reason.isVisible()
                assert not cut_sideways(shown.cannot_postpone_reason)
                assert not cut_sideways(shown.start_button)
    # Then no page (nor tab) needs the window wider than the screen's free width
    assert {page: w for page, w in too_wide.items() if w > room} == {}


def test_the_page_list_shows_every_page_name_whole(qtbot, language, db, templates):
    from PySide6.QtGui import QFontMetrics

    from practice.ui.app_controller import _audit_page
    from practice.ui.main_window import MainWindow

    # Given the window as the app builds it, "Audit trail" ("Registro de auditoría") last
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    title = QCoreApplication.translate("AppController", "Audit trail")
    window.add_lazy_page(title, lambda: _audit_page(db, window))
    window.show()
    window.resize(1024, 600)
    nav = window.nav
    # When the therapist clicks each page name
    for row in range(nav.count()):
        _click_page(qtbot, window, row)
        # Then the list never scrolls sideways and each name is drawn whole
        assert not nav.horizontalScrollBar().isVisible()
        assert nav.horizontalScrollBar().maximum() == 0
        item = nav.item(row)
        metrics = QFontMetrics(nav.font())
        padding = 2 * 8  # the items' padding (main_window's style sheet)
        assert metrics.horizontalAdvance(item.text()) + padding <= nav.viewport().width()
    # and the rail stays narrow enough for the pages beside it
    assert nav.width() <= 230
