"""Restoring and saving the window's layout and choices (QSettings in the data folder).

Apart from the window so that what is remembered is listed in one place: geometry, toolbar
state, the splitter between table and detail, column widths and sort order, the heatmap toggle
and its opacity. The last folders are remembered where they are chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop import settings

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

DEFAULT_SIZE = (1280, 800)
DEFAULT_OPACITY = 45


def restore_window(window: MainWindow) -> None:
    """Apply the saved layout; anything missing or damaged keeps its default."""
    store = settings.app_settings()
    if not window.restoreGeometry(store.value(settings.GEOMETRY, b"")):
        window.resize(*DEFAULT_SIZE)
    window.restoreState(store.value(settings.WINDOW_STATE, b""))
    if not window.splitter.restoreState(store.value(settings.SPLITTER, b"")):
        window.splitter.setSizes([int(window.width() * 0.58), int(window.width() * 0.42)])
    window.table.horizontalHeader().restoreState(store.value(settings.TABLE_HEADER, b""))
    window.detail.set_heatmap_visible(settings.read_bool(store, settings.HEATMAP_VISIBLE, True))
    window.detail.set_opacity_percent(
        settings.read_int(store, settings.HEATMAP_OPACITY, DEFAULT_OPACITY, 0, 100)
    )


def save_window(window: MainWindow) -> None:
    """Write the layout now (on close), so the next start looks the same."""
    store = settings.app_settings()
    store.setValue(settings.GEOMETRY, window.saveGeometry())
    store.setValue(settings.WINDOW_STATE, window.saveState())
    store.setValue(settings.SPLITTER, window.splitter.saveState())
    store.setValue(settings.TABLE_HEADER, window.table.horizontalHeader().saveState())
    store.setValue(settings.HEATMAP_VISIBLE, window.detail.heatmap_visible())
    store.setValue(settings.HEATMAP_OPACITY, window.detail.opacity_percent())
    store.sync()
