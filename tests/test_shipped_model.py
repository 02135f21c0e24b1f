"""The shipped int8 model, run as the app runs it, judges real radiographs sensibly."""

import numpy as np
import pytest

from core.litert_model import LiteRTModel
from core.model_card import load_model_card
from core.preprocess import prepare_image
from tests.conftest import SHIPPED_MODEL_DIR
from training.data import list_images, read_grayscale
from training.metrics import roc_auc


@pytest.fixture(scope="module")
def card():
    return load_model_card(SHIPPED_MODEL_DIR / "model.json")


def test_the_shipped_file_is_int8_and_within_the_size_limit(card):
    """Issue 15's limit: at most 1.5 MB (10^6 bytes a MB) for the int8 screening file."""
    assert card.model_file.stat().st_size <= 1_500_000
    assert LiteRTModel(card.model_file).input_dtype == np.int8


def test_it_separates_the_24_samples_well_above_chance(card, shared_data):
    samples = list_images(shared_data / "samples")
    assert len(samples) == 24
    runner = LiteRTModel(card.model_file)
    scores = [
        card.score(
            runner.predict(prepare_image(read_grayscale(s.path), card.input_size, card.tone))[0]
        )
        for s in samples
    ]
    labels = np.array([s.label for s in samples])
    assert roc_auc(labels, np.array(scores)) >= 0.9
    calls = np.array(scores) >= card.threshold
    assert calls[labels == 1].mean() >= 0.9  # sensitivity first


def test_the_cam_covers_the_image_and_averages_to_the_logit(card, shared_data):
    image = read_grayscale(next((shared_data / "samples" / "PNEUMONIA").iterdir()))
    logit, cam = LiteRTModel(card.model_file).predict(
        prepare_image(image, card.input_size, card.tone)
    )
    assert cam.shape == (card.input_size // 32, card.input_size // 32)
    assert abs(float(cam.mean()) - logit) < 0.1 * max(1.0, abs(logit))


def test_a_mirrored_film_gets_the_same_score_and_a_mirrored_heatmap(card, shared_data):
    """The file averages each member over the image and its mirror (test-time augmentation)."""
    runner = LiteRTModel(card.model_file)
    for path in sorted((shared_data / "samples" / "NORMAL").iterdir())[:3]:
        image = prepare_image(read_grayscale(path), card.input_size, card.tone)
        logit, cam = runner.predict(image)
        mirrored_logit, mirrored_cam = runner.predict(np.ascontiguousarray(image[:, ::-1]))
        # Equal in float; int8 rounding inside the two views leaves a step or two of the output.
        assert abs(card.score(logit) - card.score(mirrored_logit)) < 1.0
        np.testing.assert_allclose(mirrored_cam, cam[:, ::-1], atol=0.15 * np.abs(cam).max())
