"""The window's language: the languages offered, the one chosen, and the locale that goes with it.

The choice is kept in the settings file of the data folder (`desktop/settings.py`), so a clinic's
profile (`PNEUMOSCREEN_HOME`) keeps its language. Until someone chooses, the window speaks the
system's language when it is one of ours, else English. The language is applied when the app
starts (`desktop/app.py` loads its translations before the first widget exists), so a change in
the menu takes effect at the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QTranslator

from desktop import settings

#: The languages the window speaks, code -> name in that language (as the menu shows it, so a
#: user who cannot read the current language still finds their own).
LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "Français",
    "pt": "Português",
    "es": "Español",
}
SOURCE_LANGUAGE = "en"  # the texts in the code; it needs no translation file


def language_of(locale: QLocale) -> str:
    """The code of `locale`'s language ("fr" for fr_SN), or "" when the window lacks it."""
    code = QLocale.languageToCode(locale.language())
    return code if code in LANGUAGES else ""


def default_language(system: QLocale | None = None) -> str:
    """The language before anyone chooses: the system's when the window speaks it, else English."""
    return language_of(system or QLocale.system()) or SOURCE_LANGUAGE


def chosen_language(store: QSettings | None = None) -> str:
    """The language chosen in the menu; the default when none was, or the setting is damaged."""
    value = (store or settings.app_settings()).value(settings.LANGUAGE, "")
    return value if isinstance(value, str) and value in LANGUAGES else default_language()


def save_language(code: str, store: QSettings | None = None) -> None:
    """Remember `code` for the next start.

    Raises:
        ValueError: `code` is not one of `LANGUAGES`.
    """
    if code not in LANGUAGES:
        raise ValueError(f"Unknown language {code!r}. Expected one of {sorted(LANGUAGES)}.")
    store = store or settings.app_settings()
    store.setValue(settings.LANGUAGE, code)
    store.sync()


def language_locale(code: str, system: QLocale | None = None) -> QLocale:
    """The locale the window uses for `code`: the system's own where it speaks that language (so
    a Portuguese system in Mozambique keeps pt_MZ's dates), else the language's usual locale."""
    system = system or QLocale.system()
    return system if language_of(system) == code else QLocale(code)


def translation_file(folder: Path, code: str) -> Path:
    """PneumoScreen's compiled translation for `code` (built by `make translations`)."""
    return folder / f"pneumoscreen_{code}.qm"


def say_in(folder: Path, code: str, context: str, text: str) -> str:
    """`text` in language `code`, whatever language the window speaks now; "" where there is no
    translation (English, or a text not yet translated).

    For words the user must understand before the window changes language, e.g. that a new
    language takes effect at the next start, said in both the old and the new language.
    """
    translator = QTranslator()
    if code == SOURCE_LANGUAGE or not translator.load(str(translation_file(folder, code))):
        return ""
    return translator.translate(context, text) or ""
