"""The EDA writes every figure and a report whose numbers come from the data."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from training.data import CLASS_NAMES, list_images
from training.eda import (
    FIGURES,
    components_for_fraction,
    largest_difference_region,
    principal_components,
    run_eda,
)

DATA_DIR = Path(__file__).resolve().parents[1].parent / "shared/data/kermany-train"
SUBSET = 30


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not DATA_DIR.is_dir():
        pytest.skip(f"Kermany training data not found at {DATA_DIR}")
    out_dir = tmp_path_factory.mktemp("eda")
    return run_eda(DATA_DIR, out_dir, seed=0, max_images_per_class=SUBSET)


def test_report_is_written_beside_the_figures(report: Path) -> None:
    assert report.name == "report.md"
    assert {p.name for p in report.parent.glob("*.png")} == set(FIGURES)


@pytest.mark.parametrize("figure", FIGURES)
def test_each_figure_is_a_real_image_of_useful_size(report: Path, figure: str) -> None:
    with Image.open(report.parent / figure) as image:
        image.verify()
    with Image.open(report.parent / figure) as image:
        width, height = image.size
        assert width > 100 and height > 100
        extrema = image.convert("L").getextrema()
        assert extrema[0] < extrema[1], "a figure of one flat colour shows nothing"


def test_report_embeds_every_figure_by_relative_link(report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    for figure in FIGURES:
        assert f"]({figure})" in text


def test_report_states_image_and_patient_counts_of_the_full_listing(report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    items = list_images(DATA_DIR)
    for label, name in enumerate(CLASS_NAMES):
        images = sum(item.label == label for item in items)
        patients = len({item.patient_id for item in items if item.label == label})
        assert re.search(rf"\| {name} \| {images} \| {patients} \| [\d.]+ \| {SUBSET} \|", text)
    assert "Imbalance ratio" in text


def test_report_states_pca_components_per_class(report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    for name in CLASS_NAMES:
        match = re.search(rf"^\| {name} \| (\d+) \| [\d.]+% \|$", text, re.MULTILINE)
        assert match, f"no PCA row for {name}"
        assert 1 <= int(match.group(1)) < SUBSET  # 30 centred images have rank at most 29


def test_components_for_fraction_takes_the_fewest_leading_components() -> None:
    ratios = np.array([0.5, 0.3, 0.1, 0.1])
    assert components_for_fraction(ratios, 0.5) == 1
    assert components_for_fraction(ratios, 0.7) == 2
    assert components_for_fraction(ratios, 0.8) == 2  # reaching the fraction exactly is enough
    assert components_for_fraction(ratios, 0.85) == 3
    assert components_for_fraction(ratios, 1.0) == 4


def test_variance_in_two_directions_needs_two_components_for_70_percent() -> None:
    rng = np.random.default_rng(0)
    scales = np.array([10.0, 8.0, 0.5, 0.5, 0.5, 0.5])  # variances 100, 64 and four of 0.25
    rotation, _ = np.linalg.qr(rng.normal(size=(6, 6)))
    data = (rng.normal(size=(2000, 6)) * scales) @ rotation.T + 7.0
    pca = principal_components(data)
    assert pca.explained_ratio[:2].sum() == pytest.approx(164 / 165, abs=0.01)
    assert components_for_fraction(pca.explained_ratio, 0.7) == 2
    assert components_for_fraction(pca.explained_ratio, 0.5) == 1


def test_principal_directions_are_unit_length_and_sorted_by_variance() -> None:
    rows = np.random.default_rng(1).normal(size=(50, 8)) * np.arange(1, 9)
    pca = principal_components(rows)
    np.testing.assert_allclose(np.linalg.norm(pca.components, axis=1), 1.0)
    assert np.all(np.diff(pca.explained_ratio) <= 0)
    assert pca.explained_ratio.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("fraction", [0.0, -0.1, 1.5])
def test_fraction_outside_zero_to_one_is_rejected(fraction: float) -> None:
    with pytest.raises(ValueError, match="Received"):
        components_for_fraction(np.array([0.6, 0.4]), fraction)


def test_identical_rows_have_no_components() -> None:
    with pytest.raises(ValueError, match="identical"):
        principal_components(np.ones((5, 3)))


def test_largest_difference_region_names_the_ninth_with_the_biggest_mean_shift() -> None:
    difference = np.zeros((64, 64))
    difference[50:60, 0:10] = -30.0  # lower left, darker
    difference[25:30, 30:35] = 20.0  # middle centre, smaller area
    region, mean = largest_difference_region(difference)
    assert region == "lower left"
    assert mean < 0
