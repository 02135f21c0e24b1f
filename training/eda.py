"""Exploratory analysis of the Kermany chest X-ray training set: figures and a short report.

The analysis answers questions that shape training before any model is fit: how imbalanced the
classes are (class weights, threshold, which metric to trust), how many patients stand behind the
images (the validation split is by patient), what each class looks like on average and where the
averages differ (a model learns those differences, wanted or not), and how varied each class is
(how many principal components explain 70% of its variance).

Figures are drawn on `matplotlib.figure.Figure` with an Agg canvas, never through pyplot, so the
module runs headless and leaves no global figure state behind.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from training.data import CLASS_NAMES, LabeledImage, list_images, read_grayscale

SIZE = 64
VARIANCE_FRACTION = 0.7
MAX_EIGEN_IMAGES_SHOWN = 32
SAMPLES_PER_CLASS = 6
FIGURES = (
    "class_counts.png",
    "samples.png",
    "mean_images.png",
    "mean_difference.png",
    "std_images.png",
    "eigen_images.png",
)
_ROW_NAMES = ("upper", "middle", "lower")
_COLUMN_NAMES = ("left", "centre", "right")


@dataclass(frozen=True)
class PrincipalComponents:
    """Unit-length principal directions (rows, largest variance first) and their variance shares."""

    components: np.ndarray
    explained_ratio: np.ndarray


@dataclass(frozen=True)
class ClassData:
    """One class: every listed image, the analysed subset and its 64x64 pixels (N x 64 x 64)."""

    name: str
    items: list[LabeledImage]
    analysed: list[LabeledImage]
    pixels: np.ndarray

    @property
    def patients(self) -> int:
        return len({item.patient_id for item in self.items})


def run_eda(
    data_dir: Path, out_dir: Path, seed: int = 0, max_images_per_class: int | None = None
) -> Path:
    """Write the EDA figures and `report.md` into `out_dir` and return the report's path.

    Counts and patients come from the full listing of `data_dir`, which is cheap; the pixel
    statistics use every image, or a seeded random subset of `max_images_per_class` per class
    for a quick run.
    """
    if max_images_per_class is not None and max_images_per_class < 2:
        raise ValueError(
            f"max_images_per_class must be at least 2 (a spread needs two images). "
            f"Received: {max_images_per_class}"
        )
    rng = np.random.default_rng(seed)
    classes = _load_classes(Path(data_dir), max_images_per_class, rng)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    means = [c.pixels.mean(axis=0, dtype=np.float64) for c in classes]
    stds = [c.pixels.std(axis=0, dtype=np.float64) for c in classes]
    pcas = [principal_components(c.pixels.reshape(len(c.pixels), -1)) for c in classes]
    counts = [components_for_fraction(p.explained_ratio, VARIANCE_FRACTION) for p in pcas]
    plot_class_counts(classes, out_dir / "class_counts.png")
    plot_samples(classes, rng, out_dir / "samples.png")
    plot_class_images(means, "Mean image", "gray", out_dir / "mean_images.png")
    plot_mean_difference(means[1] - means[0], out_dir / "mean_difference.png")
    plot_class_images(stds, "Pixel standard deviation", "magma", out_dir / "std_images.png")
    plot_eigen_images(pcas, counts, out_dir / "eigen_images.png")
    report_path = out_dir / "report.md"
    report_path.write_text(
        _report(classes, means, stds, pcas, counts, Path(data_dir), seed), encoding="utf-8"
    )
    return report_path


def _load_classes(
    data_dir: Path, max_images_per_class: int | None, rng: np.random.Generator
) -> list[ClassData]:
    items = list_images(data_dir)
    classes = []
    for label, name in enumerate(CLASS_NAMES):
        class_items = [item for item in items if item.label == label]
        analysed = class_items
        if max_images_per_class is not None and len(class_items) > max_images_per_class:
            chosen = rng.choice(len(class_items), size=max_images_per_class, replace=False)
            analysed = [class_items[i] for i in sorted(chosen)]
        if len(analysed) < 2:
            raise ValueError(
                f"Need at least 2 images of class {name} in {data_dir}. Received: {len(analysed)}"
            )
        pixels = np.stack([load_small(item.path) for item in analysed])
        classes.append(ClassData(name, class_items, analysed, pixels))
    return classes


def load_small(path: Path, size: int = SIZE) -> np.ndarray:
    """Decode `path` and resize it to `size` x `size` uint8 (Pillow bilinear).

    Only the small array is kept: 5,232 training images at 64x64 take 21 MB.
    """
    image = Image.fromarray(read_grayscale(path))
    return np.asarray(image.resize((size, size), Image.Resampling.BILINEAR), dtype=np.uint8)


def principal_components(rows: np.ndarray) -> PrincipalComponents:
    """PCA of the rows of `rows` (N samples x D features) by SVD of the mean-centred matrix."""
    if rows.ndim != 2 or rows.shape[0] < 2:
        raise ValueError(f"Expected a 2-D array with at least 2 rows. Received shape: {rows.shape}")
    centred = rows.astype(np.float64) - rows.mean(axis=0, dtype=np.float64)
    _, singular_values, directions = np.linalg.svd(centred, full_matrices=False)
    variances = singular_values**2
    total = variances.sum()
    if total == 0:
        raise ValueError("All rows are identical, so there is no variance to explain.")
    return PrincipalComponents(directions, variances / total)


def components_for_fraction(explained_ratio: np.ndarray, fraction: float) -> int:
    """Return the fewest leading components whose variance shares add up to `fraction`.

    `explained_ratio` is sorted largest first, as `principal_components` returns it. A tiny
    tolerance keeps a share that sums to exactly `fraction` from counting one component too many.
    """
    if not 0 < fraction <= 1:
        raise ValueError(f"fraction must be in (0, 1]. Received: {fraction}")
    cumulative = np.cumsum(explained_ratio)
    index = int(np.searchsorted(cumulative, fraction - 1e-9))
    return min(index + 1, len(explained_ratio))


def _save(figure: Figure, path: Path) -> None:
    FigureCanvasAgg(figure)
    figure.savefig(path, dpi=100)


def plot_class_counts(classes: list[ClassData], path: Path) -> None:
    """Bar chart of images per class, labelled with the patients behind them."""
    figure = Figure(figsize=(5, 4), layout="constrained")
    ax = figure.add_subplot()
    bars = ax.bar([c.name for c in classes], [len(c.items) for c in classes], color=["C0", "C3"])
    ax.bar_label(bars, labels=[f"{len(c.items)} images\n{c.patients} patients" for c in classes])
    ax.set_ylabel("Images")
    ax.set_title("Images per class")
    ax.margins(y=0.2)
    _save(figure, path)


def plot_samples(classes: list[ClassData], rng: np.random.Generator, path: Path) -> None:
    """Grid of seeded random images at full resolution, one row per class."""
    columns = min(SAMPLES_PER_CLASS, *(len(c.analysed) for c in classes))
    figure = Figure(figsize=(2 * columns, 2.3 * len(classes)), layout="constrained")
    axes = figure.subplots(len(classes), columns, squeeze=False)
    for row, data in zip(axes, classes, strict=True):
        for ax, index in zip(
            row, rng.choice(len(data.analysed), columns, replace=False), strict=True
        ):
            item = data.analysed[index]
            ax.imshow(read_grayscale(item.path), cmap="gray", vmin=0, vmax=255)
            ax.set_title(f"{data.name}\n{item.path.name}", fontsize=7)
            ax.axis("off")
    _save(figure, path)


def plot_class_images(images: list[np.ndarray], what: str, cmap: str, path: Path) -> None:
    """One 64x64 statistic image per class, side by side on a shared colour scale."""
    figure = Figure(figsize=(4 * len(images) + 1, 4), layout="constrained")
    axes = figure.subplots(1, len(images), squeeze=False)[0]
    low, high = min(i.min() for i in images), max(i.max() for i in images)
    for ax, image, name in zip(axes, images, CLASS_NAMES, strict=True):
        shown = ax.imshow(image, cmap=cmap, vmin=low, vmax=high)
        ax.set_title(f"{what}: {name}")
        ax.axis("off")
    figure.colorbar(shown, ax=axes, label="Grey level (0-255)")
    _save(figure, path)


def plot_mean_difference(difference: np.ndarray, path: Path) -> None:
    """PNEUMONIA mean minus NORMAL mean, on a diverging scale centred on 0."""
    figure = Figure(figsize=(5.5, 4.5), layout="constrained")
    ax = figure.add_subplot()
    limit = float(np.abs(difference).max()) or 1.0
    shown = ax.imshow(difference, cmap="RdBu_r", vmin=-limit, vmax=limit)
    ax.set_title(f"Mean {CLASS_NAMES[1]} - mean {CLASS_NAMES[0]}")
    ax.axis("off")
    figure.colorbar(shown, ax=ax, label="Grey-level difference")
    _save(figure, path)


def plot_eigen_images(pcas: list[PrincipalComponents], counts: list[int], path: Path) -> None:
    """Per class, the eigen-images reaching 70% of the variance (the first 32 if there are more).

    Each eigen-image has its own symmetric scale: a component's sign is arbitrary, only the
    pattern of opposite regions means something.
    """
    columns = 8
    shown = [min(count, MAX_EIGEN_IMAGES_SHOWN) for count in counts]
    rows = [math.ceil(n / columns) for n in shown]
    figure = Figure(figsize=(1.4 * columns, 1.6 * sum(rows) + 0.5 * len(rows)))
    panels = figure.subfigures(len(pcas), 1, height_ratios=[r + 0.4 for r in rows], squeeze=False)
    for panel, pca, count, n, name in zip(
        panels[:, 0], pcas, counts, shown, CLASS_NAMES, strict=True
    ):
        more = f" (first {n} shown)" if n < count else ""
        panel.suptitle(f"{name}: {count} components reach {VARIANCE_FRACTION:.0%}{more}")
        axes = panel.subplots(math.ceil(n / columns), columns, squeeze=False)
        for index, ax in enumerate(axes.flat):
            ax.axis("off")
            if index < n:
                component = pca.components[index].reshape(SIZE, SIZE)
                limit = float(np.abs(component).max()) or 1.0
                ax.imshow(component, cmap="RdBu_r", vmin=-limit, vmax=limit)
                ax.set_title(f"PC{index + 1} {pca.explained_ratio[index]:.1%}", fontsize=7)
    _save(figure, path)


def largest_difference_region(difference: np.ndarray) -> tuple[str, float]:
    """Name the ninth of the image (3 x 3 grid) whose mean difference is furthest from 0, and it."""
    best = ("", 0.0)
    for row_name, row_block in zip(_ROW_NAMES, np.array_split(difference, 3, axis=0), strict=True):
        for column_name, block in zip(
            _COLUMN_NAMES, np.array_split(row_block, 3, axis=1), strict=True
        ):
            mean = float(block.mean())
            if abs(mean) >= abs(best[1]):
                best = (f"{row_name} {column_name}", mean)
    return best


def _report(
    classes: list[ClassData],
    means: list[np.ndarray],
    stds: list[np.ndarray],
    pcas: list[PrincipalComponents],
    counts: list[int],
    data_dir: Path,
    seed: int,
) -> str:
    analysed = ", ".join(f"{len(c.analysed)} {c.name}" for c in classes)
    subset = any(len(c.analysed) < len(c.items) for c in classes)
    lines = [
        "# Exploratory analysis of the Kermany 2018 chest X-rays",
        "",
        f"Data: `{data_dir}`. Pixel statistics use {analysed} images"
        f"{' (a seeded random subset)' if subset else ''}, seed {seed}, "
        f"each resized to {SIZE}x{SIZE} with Pillow bilinear.",
        "",
        "## Classes",
        "",
        "| Class | Images | Patients | Images per patient | Analysed |",
        "|---|---:|---:|---:|---:|",
        *(
            f"| {c.name} | {len(c.items)} | {c.patients} | {len(c.items) / c.patients:.2f} "
            f"| {len(c.analysed)} |"
            for c in classes
        ),
        "",
        _imbalance_sentence(classes),
        "",
        "![Images per class](class_counts.png)",
        "",
        "## Samples",
        "",
        "![Random samples per class](samples.png)",
        "",
        "## Mean and spread",
        "",
        "![Mean image per class](mean_images.png)",
        "",
        "![Mean difference](mean_difference.png)",
        "",
        "![Pixel standard deviation per class](std_images.png)",
        "",
        "## Principal components",
        "",
        f"| Class | Components for {VARIANCE_FRACTION:.0%} of variance | First component |",
        "|---|---:|---:|",
        *(
            f"| {c.name} | {count} | {pca.explained_ratio[0]:.1%} |"
            for c, pca, count in zip(classes, pcas, counts, strict=True)
        ),
        "",
        "![Eigen-images per class](eigen_images.png)",
        "",
        "## Observations",
        "",
        *_observations(classes, means, stds, counts),
        "",
    ]
    return "\n".join(lines)


def _imbalance_sentence(classes: list[ClassData]) -> str:
    sizes = [len(c.items) for c in classes]
    major, minor = classes[int(np.argmax(sizes))], classes[int(np.argmin(sizes))]
    ratio = len(major.items) / len(minor.items)
    return f"Imbalance ratio ({major.name} / {minor.name}): {ratio:.2f}."


def _observations(
    classes: list[ClassData], means: list[np.ndarray], stds: list[np.ndarray], counts: list[int]
) -> list[str]:
    sizes = [len(c.items) for c in classes]
    majority = classes[int(np.argmax(sizes))].name
    difference = means[1] - means[0]
    region, region_mean = largest_difference_region(difference)
    peak_row, peak_column = np.unravel_index(np.abs(difference).argmax(), difference.shape)
    peak = difference[peak_row, peak_column]
    peak_region = (
        f"{_ROW_NAMES[3 * peak_row // difference.shape[0]]} "
        f"{_COLUMN_NAMES[3 * peak_column // difference.shape[1]]}"
    )
    spread = ", ".join(f"{s.mean():.1f} for {c.name}" for c, s in zip(classes, stds, strict=True))
    most_varied = classes[int(np.argmax([s.mean() for s in stds]))].name
    components = ", ".join(f"{n} for {c.name}" for c, n in zip(classes, counts, strict=True))
    return [
        f"- Always answering {majority} would be right on {max(sizes) / sum(sizes):.0%} of the "
        "images, so accuracy alone says little about a model.",
        f"- The class means differ most in the {region} ninth of the image (image coordinates), "
        f"where {CLASS_NAMES[1]} is {'brighter' if region_mean > 0 else 'darker'} by "
        f"{abs(region_mean):.1f} grey levels on average; the largest single-pixel difference is "
        f"{peak:+.1f}, at row {peak_row}, column {peak_column} ({peak_region}) of {SIZE}x{SIZE}.",
        f"- The mean pixel standard deviation is {spread}: {most_varied} images vary more.",
        f"- Components needed to reach {VARIANCE_FRACTION:.0%} of the variance: {components}.",
    ]
