"""One registry for what the window remembers: preferences apart from window state.

Everything goes through QSettings (an .ini file in tests); each key has a default here, so
the rest of the window never spells a key or a default twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

# Preferences: what the user chose.
PREFERENCES: dict[str, Any] = {
    "zoom": 0,  # font size steps from the default
    "hide_boilerplate": False,
    "language": "",  # "" follows the system
    "export/paper": "a4",
    "export/landscape": False,
    "export/skip_boilerplate": False,
}
# State: where the user left things.
STATE: dict[str, Any] = {
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),
    "window/splitter": QByteArray(),
    "window/panes": QByteArray(),
    "export/folder": "",  # where the last export went
    "import/folder": "",  # where the last added files came from
    "pair/left": "",
    "pair/right": "",
}


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings("Synopsis", "Synopsis")

    def get(self, key: str) -> Any:
        default = PREFERENCES[key] if key in PREFERENCES else STATE[key]
        value = self.store.value(key, default)
        if isinstance(default, bool):
            return value in (True, "true", "1", 1)
        if isinstance(default, int):
            try:
                return int(str(value))
            except (TypeError, ValueError):
                return default
        return value if value is not None else default

    def set(self, key: str, value: Any) -> None:
        if key not in PREFERENCES and key not in STATE:
            raise KeyError(key)
        self.store.setValue(key, value)

    def sync(self) -> None:
        self.store.sync()


def start_folder(settings: Settings, key: str) -> str:
    """Where a file dialog opens: the last folder used (for `key`, else for any file), else
    the user's Documents folder, else home; always an existing folder, so that a dialog
    never types a missing folder's name into its file-name box, nor falls back on the
    working directory."""
    others = [k for k in ("export/folder", "import/folder") if k != key]
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (
        settings.get(key),
        *(settings.get(k) for k in others),
        documents,
        str(Path.home()),
    ):
        if candidate and Path(candidate).is_dir():
            return str(Path(candidate))
    return str(Path.home())
