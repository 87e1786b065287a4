"""Filling a fillable sheet's form as a client's PDF viewer would (shared by tests)."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter


def fill(pdf: bytes, values: dict[str, str]) -> bytes:
    """Set form field ``values`` (text, or a checkbox/radio state like "/Yes"), then save."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
