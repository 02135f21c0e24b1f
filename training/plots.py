"""Evaluation figures for the model card, one PNG per function.

Figures are built with the object-oriented API on an Agg canvas, never through pyplot: no global
figure registry to leak into, no GUI backend chosen behind the caller's back (the desktop app
runs Qt), and each figure is closed by going out of scope.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from training.data import CLASS_NAMES
from training.metrics import (
    Confusion,
    expected_calibration_error,
    reliability_bins,
    roc_auc,
    roc_curve,
)


def _save(figure: Figure, path: str | Path) -> Path:
    """Write the figure as PNG (creating folders) and return where it went."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    FigureCanvasAgg(figure)
    figure.savefig(path, format="png", dpi=120, bbox_inches="tight")
    figure.clear()
    return path


def plot_roc(
    curves: dict[str, tuple[Any, Any]],
    path: str | Path,
    title: str,
    operating_points: dict[str, tuple[float, float]] | None = None,
) -> Path:
    """ROC curves on one set of axes, e.g. {"validation": (labels, scores), "test-dev": ...}.

    Each legend entry carries its AUC. `operating_points` maps a curve's name to the chosen
    threshold's (sensitivity, specificity), drawn at (1 - specificity, sensitivity).
    """
    if not curves:
        raise ValueError("plot_roc needs at least one curve. Received: {}")
    operating_points = operating_points or {}
    unknown = set(operating_points) - set(curves)
    if unknown:
        raise ValueError(f"operating_points names no curve. Received: {sorted(unknown)}")
    figure = Figure(figsize=(5.5, 5))
    axes = figure.add_subplot()
    axes.plot([0, 1], [0, 1], linestyle=":", color="grey", label="chance")
    for name, (labels, scores) in curves.items():
        fpr, tpr, _ = roc_curve(labels, scores)
        (line,) = axes.plot(fpr, tpr, label=f"{name} (AUC {roc_auc(labels, scores):.3f})")
        if name in operating_points:
            sensitivity, specificity = operating_points[name]
            axes.plot(
                1 - specificity,
                sensitivity,
                marker="o",
                color=line.get_color(),
                label=f"{name} operating point (sens {sensitivity:.3f}, spec {specificity:.3f})",
            )
    axes.set(xlim=(0, 1), ylim=(0, 1.01), title=title)
    axes.set_xlabel("1 - specificity (false positive rate)")
    axes.set_ylabel("sensitivity (true positive rate)")
    axes.set_aspect("equal")
    axes.legend(loc="lower right", fontsize="small")
    return _save(figure, path)


def plot_reliability(labels: Any, probabilities: Any, path: str | Path, title: str) -> Path:
    """Reliability diagram (observed vs predicted per bin) over a histogram of bin counts."""
    bins = reliability_bins(labels, probabilities)
    ece = expected_calibration_error(labels, probabilities, n_bins=len(bins.counts))
    edges = np.linspace(0, 1, len(bins.counts) + 1)
    filled = bins.counts > 0
    figure = Figure(figsize=(5.5, 6.5))
    top, bottom = figure.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    top.plot([0, 1], [0, 1], linestyle=":", color="grey", label="perfect calibration")
    top.plot(
        bins.mean_predicted[filled],
        bins.observed_fraction[filled],
        marker="o",
        label=f"model (ECE {ece:.3f})",
    )
    top.set(xlim=(0, 1), ylim=(0, 1), title=f"{title}\nECE {ece:.3f}")
    top.set_ylabel(f"observed fraction {CLASS_NAMES[1]}")
    top.legend(loc="upper left", fontsize="small")
    bottom.bar(edges[:-1], bins.counts, width=np.diff(edges), align="edge", edgecolor="white")
    bottom.set_xlabel(f"predicted probability of {CLASS_NAMES[1]}")
    bottom.set_ylabel("cases")
    return _save(figure, path)


def plot_confusion(confusion: Confusion, path: str | Path, title: str) -> Path:
    """2x2 confusion matrix, rows the truth and columns the call, with counts in each cell."""
    matrix = np.array([[confusion.tn, confusion.fp], [confusion.fn, confusion.tp]])
    figure = Figure(figsize=(4.5, 4))
    axes = figure.add_subplot()
    axes.imshow(matrix, cmap="Blues", vmin=0)
    threshold = matrix.max() / 2
    for (row, column), count in np.ndenumerate(matrix):
        colour = "white" if count > threshold else "black"
        axes.text(column, row, str(count), ha="center", va="center", color=colour, fontsize=14)
    axes.set_xticks([0, 1], labels=CLASS_NAMES)
    axes.set_yticks([0, 1], labels=CLASS_NAMES)
    axes.set_xlabel("predicted")
    axes.set_ylabel("actual")
    axes.set_title(title)
    return _save(figure, path)


def plot_error_gallery(
    images: list[np.ndarray],
    captions: list[str],
    path: str | Path,
    title: str,
    columns: int = 6,
) -> Path:
    """Grid of misclassified images (2-D uint8) with captions; an empty list says "none"."""
    if len(images) != len(captions):
        raise ValueError(
            f"images and captions must pair up. Received: {len(images)} and {len(captions)}"
        )
    if columns < 1:
        raise ValueError(f"columns must be at least 1. Received: {columns}")
    for image in images:
        if image.ndim != 2 or image.dtype != np.uint8:
            raise ValueError(
                f"images must be 2-D uint8. Received: shape {image.shape}, {image.dtype}"
            )
    if not images:
        figure = Figure(figsize=(4, 1.5))
        figure.suptitle(title)
        figure.text(0.5, 0.4, "none", ha="center", va="center", fontsize=14)
        return _save(figure, path)
    columns = min(columns, len(images))
    rows = math.ceil(len(images) / columns)
    figure = Figure(figsize=(2 * columns, 2.3 * rows + 0.5))
    figure.suptitle(title)
    grid = figure.subplots(rows, columns, squeeze=False).ravel()
    for axes in grid:
        axes.axis("off")
    for axes, image, caption in zip(grid, images, captions, strict=False):
        axes.imshow(image, cmap="gray", vmin=0, vmax=255)
        axes.set_title(caption, fontsize="small")
    return _save(figure, path)
