"""Placing a column of labels beside a chart so that none covers another: each label as
near as it can be to the level it names, moved just enough (the prep view's band names,
``ui.measure_chart.BandNames``, and the prep PDF's, ``sheets.prep_charts``).

Pure arithmetic on one axis that grows downwards (a screen's y; the PDF passes its y
negated), no Qt and no ReportLab.
"""

from __future__ import annotations

from collections.abc import Sequence


def spread(wanted: Sequence[float], height: float, low: float, high: float) -> list[float]:
    """The tops of labels ``height`` tall, in the order given (top to bottom), each as
    near to its ``wanted`` top as it can be with none overlapping the one before and
    all within ``low`` … ``high`` (the first's top at least ``low``, the last's bottom
    at most ``high``). When there is not room for all of them (``high - low`` less than
    their heights) the last ones keep to ``high`` and the first ones may start above
    ``low``: they still never overlap."""
    tops = list(wanted)
    for i in range(len(tops)):  # downwards: below the one above, inside the top
        tops[i] = max(tops[i], low if i == 0 else tops[i - 1] + height)
    for i in reversed(range(len(tops))):  # upwards: inside the bottom, above the next
        tops[i] = min(tops[i], high - height if i == len(tops) - 1 else tops[i + 1] - height)
    return tops
