"""The client table model and its filter proxy, without a window."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from practice.domain.vocabulary import ClientStatus, Language, LiteracyLevel
from practice.services.clients import ClientRow
from practice.ui.client_table import (
    COL_LANGUAGE,
    COL_NAME,
    COL_NEXT,
    ClientFilterProxy,
    ClientTableModel,
)


def _row(i: int, name: str, sort: str, status=ClientStatus.ACTIVE, nxt=None) -> ClientRow:  # type: ignore[no-untyped-def]
    return ClientRow(i, name, sort, status, nxt, LiteracyLevel.PLAIN, Language.ES)


ROWS = [
    _row(1, "Núñez, Ana", "nunez ana"),
    _row(2, "Whitcombe, Dale", "whitcombe dale", nxt=datetime(2026, 12, 1, 9, 0, tzinfo=UTC)),
    _row(3, "Quintero, Marisol", "quintero marisol", status=ClientStatus.DISCHARGED),
]


def test_model_shows_one_row_per_client_with_readable_cells(qapp):
    model = ClientTableModel()
    model.set_rows(ROWS)
    assert model.rowCount() == 3 and model.columnCount() == 5
    assert model.data(model.index(0, COL_NAME)) == "Núñez, Ana"
    assert model.data(model.index(0, COL_NEXT)) == "—"
    assert model.data(model.index(0, COL_LANGUAGE)) == "ES"
    assert model.headerData(COL_NEXT, Qt.Orientation.Horizontal) == "Next appointment"


def test_proxy_filters_by_status_then_by_every_search_word(qapp):
    model = ClientTableModel()
    model.set_rows(ROWS)
    proxy = ClientFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 2  # active only by default
    proxy.set_status(None)
    assert proxy.rowCount() == 3
    proxy.set_search("NÚÑ")
    assert [proxy.index(r, COL_NAME).data() for r in range(proxy.rowCount())] == ["Núñez, Ana"]
    proxy.set_search("dale whit")
    assert proxy.rowCount() == 1
    proxy.set_search("nobody")
    assert proxy.rowCount() == 0
