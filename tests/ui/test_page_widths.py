"""Every page fits a 1024 px wide screen: opening one never widens the main window."""

from __future__ import annotations


def test_no_page_makes_the_main_window_wider_than_a_small_screen(qtbot, main_window, db):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from practice.ui.app_controller import _audit_page

    # Given the window as the app builds it (the Audit trail page is added at start)
    main_window.add_lazy_page("Audit trail", lambda: _audit_page(db, main_window))
    main_window.resize(1024, 600)
    widths = {}
    for row in range(main_window.nav.count()):
        # When the therapist clicks each page in the navigation rail
        item = main_window.nav.item(row)
        rect = main_window.nav.visualItemRect(item)
        qtbot.mouseClick(main_window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QApplication.processEvents()
        assert main_window.nav.currentRow() == row
        widths[item.text()] = main_window.minimumSizeHint().width()
    # Then the window can stay within 1024 px on every page
    assert {page: w for page, w in widths.items() if w > 1024} == {}
    assert main_window.width() <= 1024
