"""Augmentation suited to radiographs, and mixup.

Radiographs from other machines differ in exposure, contrast, positioning and field of view, so
the model sees small rotations, shifts, zooms and brightness/contrast changes. No vertical flips:
an upside-down chest film is an input the quality gate should reject, not one to learn from.
"""

from __future__ import annotations

import keras
import numpy as np
from keras import layers


def gaussian_taps(sigma: float, radius: int) -> np.ndarray:
    """A normalised 1-D Gaussian of `2 * radius + 1` taps (float64), the kernel of both blurs."""
    taps = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    return taps / taps.sum()


class RandomBlur(layers.Layer):
    """Per-image blur or sharpening: x + a * (gaussian(x) - x), `a` uniform in
    [-max_strength / 2, max_strength]; a > 0 blurs, a < 0 sharpens (an unsharp mask).

    Sharpness is a shortcut in the Kermany films: pneumonia films are softer than normal ones
    (median |Laplacian| 4.4 against 6.5 at 192 pixels), and the test split's older normal films,
    which draw the false alarms, are softer than the training normals (6.0). Varying sharpness in
    training is meant to keep the model from reading disease off it (docs/model-card.md says how
    far it did). The Gaussian has sigma 1 pixel; `max_strength` 1.0 spans about 0.4x to 1.3x the
    film's fine detail. Active only when called with training=True.
    """

    SIGMA = 1.0
    RADIUS = 3

    def __init__(self, max_strength: float, seed: int, **kwargs):
        super().__init__(**kwargs)
        self.max_strength = max_strength
        self.seed_generator = keras.random.SeedGenerator(seed)
        self.taps = gaussian_taps(self.SIGMA, self.RADIUS).astype(np.float32)

    def call(self, images, training=False):
        if not training:
            return images
        r = self.RADIUS
        padded = keras.ops.pad(images, ((0, 0), (r, r), (r, r), (0, 0)), mode="symmetric")
        column = keras.ops.convert_to_tensor(self.taps.reshape(-1, 1, 1, 1))
        row = keras.ops.convert_to_tensor(self.taps.reshape(1, -1, 1, 1))
        blurred = keras.ops.conv(keras.ops.conv(padded, column), row)
        batch = keras.ops.shape(images)[0]
        strength = keras.random.uniform(
            (batch, 1, 1, 1), -self.max_strength / 2, self.max_strength, seed=self.seed_generator
        )
        return keras.ops.clip(images + strength * (blurred - images), 0.0, 255.0)

    def compute_output_shape(self, input_shape):
        return input_shape


def build_augmenter(
    seed: int,
    horizontal_flip: bool = False,
    zoom: float = 0.15,
    translate: float = 0.08,
    blur: float = 0.0,
) -> keras.Sequential:
    """Random geometric and intensity changes, active only when called with training=True.

    Zoom acts on height and width independently, so framing and aspect ratio vary too: in the
    Kermany images, how much of the body is in the frame differs between the classes and between
    the training and test splits, and the model must not learn the framing.
    """
    steps: list[layers.Layer] = [
        layers.RandomRotation(0.03, fill_mode="constant", seed=seed),  # +-11 degrees
        layers.RandomTranslation(translate, translate, fill_mode="constant", seed=seed + 1),
        layers.RandomZoom((-zoom, zoom), (-zoom, zoom), fill_mode="constant", seed=seed + 2),
        layers.RandomContrast(0.3, value_range=(0, 255), seed=seed + 3),
        layers.RandomBrightness(0.15, value_range=(0, 255), seed=seed + 4),
    ]
    if blur:  # seed + 7, as when seed + 6 was the tone curve's: the shipped runs repeat
        steps.insert(3, RandomBlur(blur, seed=seed + 7, name="random_blur"))
    if horizontal_flip:
        steps.insert(0, layers.RandomFlip("horizontal", seed=seed + 5))
    return keras.Sequential(steps, name="augment")


def gaussian_blur(images: np.ndarray) -> np.ndarray:
    """`images` (N x H x W x 1, float) blurred by RandomBlur's separable Gaussian, edges
    mirrored as there: the same blur, outside the model, for a batch of chosen films."""
    radius = RandomBlur.RADIUS
    taps = gaussian_taps(RandomBlur.SIGMA, radius)
    padded = np.pad(images, ((0, 0), (radius, radius), (radius, radius), (0, 0)), mode="symmetric")
    height, width = images.shape[1:3]
    rows = sum(t * padded[:, i : i + height, :, :] for i, t in enumerate(taps))
    return sum(t * rows[:, :, i : i + width, :] for i, t in enumerate(taps)).astype(images.dtype)


def soften_normal_films(
    images: np.ndarray, labels: np.ndarray, probability: float, rng: np.random.Generator
) -> np.ndarray:
    """Blur each normal film (label 0) with `probability`, by a strength uniform in 0 to 1.

    Random blur for every film (RandomBlur) leaves the training films' shortcut in place: the
    normals stay sharper than the pneumonias (median |Laplacian| 6.5 against 4.4 at 192 pixels),
    and none of the softest third of them is normal. Softening only normals makes softness
    useless as evidence: strength 1 leaves about 0.4x of the film's fine detail, past the
    pneumonias' 0.68x. Pneumonia films are left alone, since their softness may be the opacity.
    """
    chosen = (labels == 0) & (rng.random(len(images)) < probability)
    strength = rng.uniform(0.0, 1.0, len(images)).astype(images.dtype)
    if not chosen.any():
        return images
    softened = images.copy()
    picked = images[chosen]
    a = strength[chosen][:, None, None, None]
    softened[chosen] = picked + a * (gaussian_blur(picked) - picked)
    return softened


class MixupBatches(keras.utils.PyDataset):
    """Shuffled batches of (images, targets, sample weights), with optional mixup.

    Class imbalance (about three pneumonia images to one normal) is handled with sample weights that
    give each class the same total weight. Mixup blends pairs of images and their targets with a
    Beta(alpha, alpha) weight; alpha 0 turns it off. `soft_targets` (one per image) replace the
    labels as targets, e.g. a teacher's (training.distil); the labels still set the class weights.
    """

    def __init__(
        self,
        x: np.ndarray,
        y: np.ndarray,
        batch_size: int,
        mixup_alpha: float,
        seed: int,
        label_smoothing: float = 0.0,
        soften_normals: float = 0.0,
        soft_targets: np.ndarray | None = None,
    ):
        super().__init__()
        self.x, self.y = x, y.astype(np.float32)
        # Targets to learn (a teacher's blend, training.distil); the labels still weigh classes.
        self.targets = self.y if soft_targets is None else soft_targets.astype(np.float32)
        self.soften_normals = soften_normals
        # Its own generator: with softening off, or on, every other draw (order, mixup) is the
        # same as without it, so a run with it differs from its seed's run by the softening only.
        self.soften_rng = np.random.default_rng([seed, 1])
        self.batch_size = batch_size
        self.mixup_alpha = mixup_alpha
        self.label_smoothing = label_smoothing
        self.rng = np.random.default_rng(seed)
        counts = np.bincount(y, minlength=2).astype(np.float32)
        self.class_weight = counts.sum() / (2.0 * counts)
        self.order = self.rng.permutation(len(x))

    def __len__(self) -> int:
        return int(np.ceil(len(self.x) / self.batch_size))

    def on_epoch_end(self) -> None:
        self.order = self.rng.permutation(len(self.x))

    def __getitem__(self, index: int):
        idx = self.order[index * self.batch_size : (index + 1) * self.batch_size]
        images = self.x[idx].astype(np.float32)[..., None]
        targets = self.targets[idx]
        weights = self.class_weight[self.y[idx].astype(np.int64)]
        if self.soften_normals:
            images = soften_normal_films(images, self.y[idx], self.soften_normals, self.soften_rng)
        if self.mixup_alpha > 0:
            lam = self.rng.beta(self.mixup_alpha, self.mixup_alpha, size=len(idx)).astype(
                np.float32
            )
            partner = self.rng.permutation(len(idx))
            images = (
                lam[:, None, None, None] * images + (1 - lam[:, None, None, None]) * images[partner]
            )
            targets = lam * targets + (1 - lam) * targets[partner]
            weights = lam * weights + (1 - lam) * weights[partner]
        if self.label_smoothing:
            targets = targets * (1 - self.label_smoothing) + 0.5 * self.label_smoothing
        return images, targets[:, None], weights
