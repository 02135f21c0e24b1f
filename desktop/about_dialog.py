"""About PneumoScreen: the model card in plain words, the licences, and the privacy promise.

Everything shown about the model is read from its card (`model.json`), the same file the engine
trusts, so the figures a user reads are the figures of the model they run. The card's sentences
(intended use, limitations, what the figures are) are shown in the window's language where
`desktop/card_texts.py` lists them, else in the card's English.
"""

from __future__ import annotations

from html import escape
from importlib.metadata import PackageNotFoundError, version

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QTextBrowser, QVBoxLayout

from core.model_card import ModelCard
from core.paths import data_dir
from desktop.card_texts import card_text

#: (component, what it is here, licence, distribution name for the version or None). The roles
#: are marked for translation here and translated when shown.
LICENCES: tuple[tuple[str, str, str, str | None], ...] = (
    (
        "PneumoScreen",
        QT_TRANSLATE_NOOP("AboutDialog", "this program"),
        "Apache License 2.0",
        "pneumoscreen",
    ),
    (
        "Kermany et al. (2018) chest X-ray data",
        QT_TRANSLATE_NOOP("AboutDialog", "training data of the model"),
        "CC BY 4.0",
        None,
    ),
    (
        "Qt / PySide6",
        QT_TRANSLATE_NOOP("AboutDialog", "the window"),
        "GNU LGPL v3",
        "PySide6-Essentials",
    ),
    (
        "LiteRT",
        QT_TRANSLATE_NOOP("AboutDialog", "runs the model"),
        "Apache License 2.0",
        "ai-edge-litert",
    ),
    ("pydicom", QT_TRANSLATE_NOOP("AboutDialog", "reads DICOM files"), "MIT License", "pydicom"),
    (
        "GDCM",
        QT_TRANSLATE_NOOP("AboutDialog", "decodes compressed DICOM"),
        "BSD License",
        "python-gdcm",
    ),
    (
        "Pillow",
        QT_TRANSLATE_NOOP("AboutDialog", "reads JPEG and PNG"),
        "HPND (MIT-CMU) License",
        "Pillow",
    ),
    ("NumPy", QT_TRANSLATE_NOOP("AboutDialog", "arrays"), "BSD 3-Clause License", "numpy"),
    (
        "simplejpeg",
        QT_TRANSLATE_NOOP("AboutDialog", "decodes JPEG strictly (libjpeg-turbo)"),
        "MIT License",
        "simplejpeg",
    ),
    (
        "watchdog",
        QT_TRANSLATE_NOOP("AboutDialog", "watches folders for new films"),
        "Apache License 2.0",
        "watchdog",
    ),
)


def _version(distribution: str | None) -> str:
    if distribution is None:
        return ""
    try:
        return version(distribution)
    except PackageNotFoundError:
        return ""


_NO_FIGURE = "\u2013"  # a metric the card does not give for that set


def _figure(block: dict) -> str:
    low, high = block.get("ci95", (None, None))
    value = f"{block['value']:.3f}"
    return value if low is None else f"{value} ({low:.3f}\u2013{high:.3f})"


class AboutDialog(QDialog):
    """Three tabs: Model, Licences, Privacy. `card` is None when the card cannot be read."""

    def __init__(self, card: ModelCard | None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About PneumoScreen"))
        self.resize(640, 560)
        tabs = QTabWidget()
        tabs.addTab(self._page(self.model_html(card)), self.tr("&Model"))
        tabs.addTab(self._page(self.licences_html()), self.tr("&Licences"))
        tabs.addTab(self._page(self.privacy_html()), self.tr("&Privacy"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    @staticmethod
    def _page(html: str) -> QTextBrowser:
        page = QTextBrowser()
        page.setOpenLinks(False)  # nothing in here may start a browser or a download
        page.setHtml(html)
        return page

    def model_html(self, card: ModelCard | None) -> str:
        if card is None:
            return "<p>" + escape(self.tr("The model card cannot be read.")) + "</p>"
        raw = card.raw
        parts = [
            f"<h2>{escape(card.name)} {escape(card.version)}</h2>",
            "<p><b>" + escape(self.tr("A screening aid, not a diagnosis.")) + "</b></p>",
            "<h3>" + escape(self.tr("Intended use")) + "</h3>"
            f"<p>{escape(card_text(raw['intended_use']))}</p>",
            "<h3>" + escape(self.tr("Limitations")) + "</h3><ul>",
            *(f"<li>{escape(card_text(item))}</li>" for item in raw.get("limitations", [])),
            "</ul>",
            "<h3>" + escape(self.tr("Measured performance")) + "</h3>",
            "<p>"
            + escape(
                self.tr(
                    "At the decision threshold {threshold} (score 0-100), with 95% confidence "
                    "intervals:"
                ).format(threshold=card.threshold)
            )
            + "</p>",
            self._performance_table(
                raw.get("performance", {}),
                raw.get("independent_evaluation"),
                raw.get("previous_release"),
            ),
            self._independent_note(raw.get("independent_evaluation")),
            self._previous_note(raw.get("previous_release")),
        ]
        note = raw.get("performance", {}).get("note")
        if note:
            parts.append(f"<p><small>{escape(card_text(note))}</small></p>")
        parts.append(
            self._adult_section(
                card.version, raw.get("adult_evaluation"), raw.get("previous_release")
            )
        )
        parts.append(f"<p><small>{escape(raw.get('training', {}).get('data', ''))}</small></p>")
        return "".join(parts)

    def _performance_table(
        self,
        performance: dict,
        independent: dict | None = None,
        previous: dict | None = None,
    ) -> str:
        """Validation, test-dev and, where the card has it, the independent evaluation side by
        side, then the same of the model this one replaces (`previous_release`), so the clinic
        sees old and new in one table; a metric a set lacks is shown as a dash, so the columns
        stay aligned."""
        names = {
            "validation": self.tr("Validation"),
            "test_dev": self.tr("Test (development)"),
            "independent": self.tr("Test (independent, held out)"),
        }
        sets = [
            (names[key], performance[key])
            for key in ("validation", "test_dev")
            if key in performance
        ]
        if independent:
            sets.append((names["independent"], independent))
        if previous:
            version = previous.get("version", "?")
            if previous.get("test_dev"):
                name = self.tr("Test (development), model {version}").format(version=version)
                sets.append((name, previous["test_dev"]))
            if previous.get("independent_evaluation"):
                name = self.tr("Test (independent, held out), model {version}").format(
                    version=version
                )
                sets.append((name, previous["independent_evaluation"]))
        head = "".join(
            f"<th>{escape(name)}<br><small>n = {block.get('n', '?')}</small></th>"
            for name, block in sets
        )
        metrics = (
            ("auc", self.tr("AUC")),
            ("sensitivity", self.tr("Sensitivity")),
            ("specificity", self.tr("Specificity")),
            ("accuracy", self.tr("Accuracy")),
        )
        rows = "".join(
            f"<tr><td>{escape(title)}</td>"
            + "".join(
                f"<td>{_figure(block[metric]) if metric in block else _NO_FIGURE}</td>"
                for _, block in sets
            )
            + "</tr>"
            for metric, title in metrics
        )
        return (
            "<table border='1' cellpadding='4' cellspacing='0'>"
            f"<tr><th></th>{head}</tr>{rows}</table>"
        )

    def _independent_note(self, independent: dict | None) -> str:
        """What the independent column is, from the card: the set, its size, rejections."""
        if not independent:
            return ""
        text = self.tr(
            "Independent evaluation: {about}. {positive} with pneumonia, {negative} without; "
            "{rejected} refused by the quality checks."
        ).format(
            about=card_text(independent.get("about", independent.get("set", ""))),
            positive=independent.get("n_positive", "?"),
            negative=independent.get("n_negative", "?"),
            rejected=independent.get("rejected", "?"),
        )
        return f"<p><small>{escape(text)}</small></p>"

    def _previous_note(self, previous: dict | None) -> str:
        """Which model the older columns are of, and at which threshold they were counted."""
        if not previous or not (previous.get("test_dev") or previous.get("independent_evaluation")):
            return ""
        text = self.tr(
            "Model {version}, which this one replaces, is shown at its own threshold {threshold}."
        ).format(version=previous.get("version", "?"), threshold=previous.get("threshold", "?"))
        return f"<p><small>{escape(text)}</small></p>"

    def _adult_section(
        self, version: str, adults: dict | None, previous: dict | None = None
    ) -> str:
        """Adults' films, one row per set and model: the screening model alone beside the share
        the app now refuses without a label, this model's rows first, then those of the model it
        replaces (`previous_release`); a dash where a figure was not measured."""
        blocks = [(version, adults)]
        if previous:
            blocks.append((previous.get("version", "?"), previous.get("adult_evaluation")))
        blocks = [(name, block) for name, block in blocks if block and block.get("sets")]
        if not blocks:
            return ""
        titles = (
            self.tr("Set"),
            self.tr("Model"),
            "n",
            self.tr("AUC"),
            self.tr("Sensitivity"),
            self.tr("Normal films called pneumonia"),
            self.tr("Refused now, without a label"),
        )
        # The set's name is the longest cell: left to the table's own layout, its column came
        # out the narrowest, one word a line. It gets a third of the width; the figures, the rest.
        head = f"<th width='34%'>{escape(titles[0])}</th>" + "".join(
            f"<th>{escape(title)}</th>" for title in titles[1:]
        )
        rows = "".join(
            self._adult_row(model, row) for model, block in blocks for row in block["sets"]
        )
        notes = "".join(
            f"<p><small>{escape(model)}: {escape(card_text(block.get('about', '')))}</small></p>"
            for model, block in blocks
        )
        return (
            "<h3>" + escape(self.tr("Adults' films")) + "</h3>"
            "<table border='1' cellpadding='4' cellspacing='0' width='100%'>"
            f"<tr>{head}</tr>{rows}</table>{notes}"
        )

    def _adult_row(self, model: str, row: dict) -> str:
        """One set's figures for one model, as a table row."""
        refused = _NO_FIGURE
        if "refused_now" in row:
            refused = self.tr("{share} of {n} held out").format(
                share=f"{row['refused_now']:.1%}", n=row.get("n_refused_measured", "?")
            )
        cells = (
            card_text(row.get("set", "")),
            model,
            str(row.get("n", _NO_FIGURE)),
            f"{row['auc']:.2f}" if "auc" in row else _NO_FIGURE,
            f"{row['sensitivity']:.2f}" if "sensitivity" in row else _NO_FIGURE,
            f"{row['normals_called_pneumonia']:.0%}"
            if "normals_called_pneumonia" in row
            else _NO_FIGURE,
            refused,
        )
        return "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>"

    def licences_html(self) -> str:
        rows = "".join(
            f"<tr><td><b>{escape(name)}</b> {escape(_version(dist))}</td>"
            f"<td>{escape(self.tr(role))}</td><td>{escape(licence)}</td></tr>"
            for name, role, licence, dist in LICENCES
        )
        qt = self.tr("Qt {qt}, PySide6 {pyside}").format(qt=qVersion(), pyside=PySide6.__version__)
        return (
            "<h3>" + escape(self.tr("Licences")) + "</h3>"
            f"<table cellpadding='4' cellspacing='0'>{rows}</table>"
            f"<p><small>{escape(qt)}. "
            + escape(
                self.tr(
                    "Qt is used under the LGPL v3: its libraries are separate files in the "
                    "installation folder and can be replaced."
                )
            )
            + "</small></p>"
        )

    def privacy_html(self) -> str:
        return (
            "<h3>"
            + escape(self.tr("Nothing leaves this computer"))
            + "</h3><p>"
            + escape(
                self.tr(
                    "PneumoScreen never opens a network connection. Images are read where they "
                    "are; results, settings and the error log are kept only in this folder:"
                )
            )
            + f"</p><p><code>{escape(str(data_dir()))}</code></p><p>"
            + escape(
                self.tr(
                    "The result log holds file names and DICOM patient IDs; it can be read "
                    "only by your user account. A CSV export goes only where you save it."
                )
            )
            + "</p>"
        )
