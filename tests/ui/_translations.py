"""``tools/translations.py`` for the tests (it is a script, not part of the package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def translation_tools() -> ModuleType:
    """The module ``tools/translations.py`` (read, check, the shipped ``.ts``)."""
    loaded = sys.modules.get("translations")
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location("translations", ROOT / "tools/translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["translations"] = module
    spec.loader.exec_module(module)
    return module
