"""The interface in English (the source strings) or French, switched without restarting.

Translations are Qt Linguist files: resources/i18n/synopsis_fr.ts, compiled to .qm with
pyside6-lrelease. Qt's own strings (standard buttons, dialogs) come from Qt's translations.
"""

from __future__ import annotations

import logging
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "fr": "Français"}


def system_language() -> str:
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else "en"


class Translations:
    """The translators installed on the application; one language at a time.

    Translators belong to the application, not to a window: a window opened after another
    (a restart in the same process, or a second window) replaces what the first installed.
    """

    _installed: ClassVar[list[QTranslator]] = []  # shared, as the application is

    def __init__(self, app: QCoreApplication | None) -> None:
        self.app = app

    def switch(self, code: str) -> str:
        """Install a language ("" follows the system); return the one now in use."""
        language = code if code in LANGUAGES else system_language()
        if self.app is None:
            return language
        for translator in Translations._installed:
            self.app.removeTranslator(translator)
        Translations._installed = []
        if language != "en":
            self._install(f"synopsis_{language}", str(resources_dir() / "i18n"))
            self._install(
                f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            )
        return language

    def _install(self, name: str, folder: str) -> None:
        translator = QTranslator()
        if translator.load(name, folder):
            self.app.installTranslator(translator)  # type: ignore[union-attr]
            Translations._installed.append(translator)
        else:
            log.warning("no translation %s in %s", name, folder)
