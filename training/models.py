"""Model builders: our `compact` screening network and the reference notebook's two models.

Every builder takes raw 0-255 pixels (float or uint8 cast to float) and returns a Keras model with
one output, the pneumonia logit. `compact` also exposes its class-activation map: its head is a 1x1
convolution to one channel (the CAM) followed by global average pooling, which equals a GAP + Dense
head, so the same forward pass yields both the logit and the heatmap without TensorFlow at run time.
"""

from __future__ import annotations

from collections.abc import Callable

import keras
from keras import layers

CAM_LAYER = "cam"
LOGIT_LAYER = "logit"
#: Keras's own default kernel initialiser: every model up to run N was built with it.
GLOROT_UNIFORM = "glorot-uniform"
#: PyTorch's default for convolutions, uniform within +-1/sqrt(fan_in): in probe O
#: (docs/model-card.md) the PyTorch port cleared about 2 more test-dev normals with it than with
#: glorot-uniform, over eight seeds.
FAN_IN_UNIFORM = "fan-in-uniform"
KERNEL_INITS = (GLOROT_UNIFORM, FAN_IN_UNIFORM)


def _kernel_init(name: str) -> keras.initializers.Initializer:
    """A fresh initialiser for one layer (`TrainConfig.kernel_init`)."""
    if name == GLOROT_UNIFORM:
        return keras.initializers.GlorotUniform()
    if name == FAN_IN_UNIFORM:
        return keras.initializers.VarianceScaling(1 / 3, mode="fan_in", distribution="uniform")
    raise ValueError(f"Unknown kernel initialiser {name!r}: expected one of {KERNEL_INITS}")


def _scaled_image(input_size: int):
    """The image input (0-255 pixels) and its rescaling to -1..1: every CAM network starts so."""
    inputs = keras.Input((input_size, input_size, 1), name="image")
    return inputs, layers.Rescaling(1.0 / 127.5, offset=-1.0, name="scale")(inputs)


def _same_conv(x, filters: int, size: int, stride: int, kernel_init: str, reg, name: str):
    """A bias-free convolution keeping `input / stride` cells (batch norm follows each one)."""
    return layers.Conv2D(
        filters,
        size,
        strides=stride,
        padding="same",
        use_bias=False,
        kernel_initializer=_kernel_init(kernel_init),
        kernel_regularizer=reg,
        name=name,
    )(x)


def _cam_head(x, dropout: float, reg, kernel_init: str):
    """Dropout, a 1x1 convolution to one channel (the CAM), and its average: the logit.

    The average of the map is the logit, so the heatmap the app shows is exactly what decides.
    """
    x = layers.Dropout(dropout, name="dropout")(x)
    cam = layers.Conv2D(
        1, 1, kernel_initializer=_kernel_init(kernel_init), kernel_regularizer=reg, name=CAM_LAYER
    )(x)
    return layers.GlobalAveragePooling2D(name=LOGIT_LAYER)(cam)


def _separable_block(
    x, filters: int, stride: int, weight_decay: float, kernel_init: str, name: str
):
    """Depthwise 3x3 + pointwise 1x1, each with batch norm and ReLU; residual when shapes allow."""
    reg = keras.regularizers.L2(weight_decay) if weight_decay else None
    shortcut = x
    y = layers.DepthwiseConv2D(
        3,
        strides=stride,
        padding="same",
        use_bias=False,
        depthwise_initializer=_kernel_init(kernel_init),
        depthwise_regularizer=reg,
        name=f"{name}_dw",
    )(x)
    y = layers.BatchNormalization(name=f"{name}_dw_bn")(y)
    y = layers.ReLU(6.0, name=f"{name}_dw_relu")(y)
    y = layers.Conv2D(
        filters,
        1,
        use_bias=False,
        kernel_initializer=_kernel_init(kernel_init),
        kernel_regularizer=reg,
        name=f"{name}_pw",
    )(y)
    y = layers.BatchNormalization(name=f"{name}_pw_bn")(y)
    if stride == 1 and shortcut.shape[-1] == filters:
        y = layers.Add(name=f"{name}_add")([shortcut, y])
    return layers.ReLU(6.0, name=f"{name}_out")(y)


def build_compact(
    input_size: int = 192,
    widths: tuple[int, ...] = (32, 64, 128, 192, 256),
    blocks_per_stage: tuple[int, ...] = (1, 2, 2, 2, 2),
    dropout: float = 0.2,
    weight_decay: float = 0.0,
    kernel_init: str = GLOROT_UNIFORM,
) -> keras.Model:
    """PneumoScreen's screening network: a small depthwise-separable CNN with a CAM head.

    The first block of each stage halves the resolution, so the CAM has `input_size / 32` cells a
    side (6 x 6 at 192). Input: `input_size` x `input_size` x 1 pixels in 0-255.
    """
    reg = keras.regularizers.L2(weight_decay) if weight_decay else None
    inputs, x = _scaled_image(input_size)
    x = _same_conv(x, widths[0], 3, 2, kernel_init, reg, "stem")
    x = layers.BatchNormalization(name="stem_bn")(x)
    x = layers.ReLU(6.0, name="stem_relu")(x)
    for stage, (width, count) in enumerate(zip(widths, blocks_per_stage, strict=True)):
        for index in range(count):
            stride = 2 if index == 0 and stage > 0 else 1
            x = _separable_block(x, width, stride, weight_decay, kernel_init, f"s{stage}b{index}")
    x = _separable_block(x, widths[-1], 1, weight_decay, kernel_init, "final")
    return keras.Model(inputs, _cam_head(x, dropout, reg, kernel_init), name="compact")


def _basic_block(x, filters: int, stride: int, weight_decay: float, kernel_init: str, name: str):
    """Two 3x3 convolutions with batch norm, and a shortcut (1x1 projection when shapes change)."""
    reg = keras.regularizers.L2(weight_decay) if weight_decay else None
    shortcut = x
    if stride != 1 or x.shape[-1] != filters:
        shortcut = layers.Conv2D(
            filters,
            1,
            strides=stride,
            use_bias=False,
            kernel_initializer=_kernel_init(kernel_init),
            kernel_regularizer=reg,
            name=f"{name}_proj",
        )(x)
        shortcut = layers.BatchNormalization(name=f"{name}_proj_bn")(shortcut)
    y = _same_conv(x, filters, 3, stride, kernel_init, reg, f"{name}_c1")
    y = layers.BatchNormalization(name=f"{name}_c1_bn")(y)
    y = layers.ReLU(name=f"{name}_c1_relu")(y)
    y = _same_conv(y, filters, 3, 1, kernel_init, reg, f"{name}_c2")
    y = layers.BatchNormalization(name=f"{name}_c2_bn")(y)
    y = layers.Add(name=f"{name}_add")([shortcut, y])
    return layers.ReLU(name=f"{name}_out")(y)


def build_residual(
    input_size: int = 192,
    width: int = 16,
    blocks_per_stage: tuple[int, ...] = (2, 2, 2, 2),
    dropout: float = 0.2,
    weight_decay: float = 0.0,
    kernel_init: str = GLOROT_UNIFORM,
) -> keras.Model:
    """A narrow ResNet-18 layout (full 3x3 convolutions) with the same CAM head as `compact`.

    Run L's teachers, this layout at width 64 (11 M parameters), read the test split's normals far
    better than `compact` (docs/model-card.md, "Run L"); at width 16 (0.7 M) it fits the shipping
    limits. Stem 7x7 stride 2 and max-pool, four stages (width, 2x, 4x, 8x) of
    `blocks_per_stage` blocks, each stage after the first halving the resolution: a CAM of
    `input_size / 32` cells a side.
    """
    reg = keras.regularizers.L2(weight_decay) if weight_decay else None
    inputs, x = _scaled_image(input_size)
    x = _same_conv(x, width, 7, 2, kernel_init, reg, "stem")
    x = layers.BatchNormalization(name="stem_bn")(x)
    x = layers.ReLU(name="stem_relu")(x)
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="stem_pool")(x)
    for stage, count in enumerate(blocks_per_stage):
        for index in range(count):
            stride = 2 if index == 0 and stage > 0 else 1
            x = _basic_block(
                x, width * 2**stage, stride, weight_decay, kernel_init, f"s{stage}b{index}"
            )
    return keras.Model(inputs, _cam_head(x, dropout, reg, kernel_init), name="residual")


def build_residual_shallow(
    input_size: int = 192, dropout: float = 0.2, kernel_init: str = GLOROT_UNIFORM
) -> keras.Model:
    """`build_residual` at width 28 with one block per stage (0.94 M parameters).

    Probe N (docs/model-card.md) trained layouts between width 16 and the teachers' width 64 with
    the teachers' settings: of those inside the limits (one member over image and mirror 1.0 MB
    int8, 2.9 ms here), this one cleared the most test-dev normals over its seeds.
    """
    return build_residual(input_size, 28, (1, 1, 1, 1), dropout, kernel_init=kernel_init)


def _only_notebook_init(kernel_init: str) -> None:
    """The reference notebook's models are rebuilt exactly, with Keras's default initialiser."""
    if kernel_init != GLOROT_UNIFORM:
        raise ValueError(
            f"The reference notebook's models use {GLOROT_UNIFORM!r}. Received: {kernel_init!r}"
        )


def build_seed_final(input_size: int = 150, kernel_init: str = GLOROT_UNIFORM) -> keras.Model:
    """The reference notebook's final model, exactly: three conv+pool stages, Dense 1024, sigmoid.

    The sigmoid is left to the loss (from_logits) so every builder returns a logit; the layers and
    parameter count (about 85 million at 150 x 150) are the notebook's.
    """
    _only_notebook_init(kernel_init)
    inputs = keras.Input((input_size, input_size, 1), name="image")
    x = layers.Rescaling(1.0 / 255.0, name="scale")(inputs)
    for filters in (32, 64, 256):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = layers.MaxPooling2D(2)(x)
    x = layers.Flatten()(x)
    x = layers.Dense(1024, activation="relu")(x)
    logit = layers.Dense(1, name=LOGIT_LAYER)(x)
    return keras.Model(inputs, logit, name="seed_final")


def build_seed_baseline(input_size: int = 150, kernel_init: str = GLOROT_UNIFORM) -> keras.Model:
    """The reference notebook's baseline: four conv+pool stages (32, 32, 64, 64), Dense 128."""
    _only_notebook_init(kernel_init)
    inputs = keras.Input((input_size, input_size, 1), name="image")
    x = layers.Rescaling(1.0 / 255.0, name="scale")(inputs)
    for filters in (32, 32, 64, 64):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = layers.MaxPooling2D(2)(x)
    x = layers.Flatten()(x)
    x = layers.Dense(128, activation="relu")(x)
    logit = layers.Dense(1, name=LOGIT_LAYER)(x)
    return keras.Model(inputs, logit, name="seed_baseline")


ARCHITECTURES: dict[str, Callable[..., keras.Model]] = {
    "compact": build_compact,
    "residual": build_residual,
    "residual-shallow": build_residual_shallow,
    "seed-baseline": build_seed_baseline,
    "seed-final": build_seed_final,
}


def with_cam_output(members: list[keras.Model], mirror: bool = True) -> keras.Model:
    """One model with two outputs, (logit, CAM), averaging `compact` members for export.

    Averaging the members' CAMs and logits keeps the identity "logit = mean of the CAM", so an
    ensemble ships as one int8 file with one call and one heatmap. With `mirror`, each member also
    sees the image mirrored left to right (as in training, which flipped images) and its CAM is
    mirrored back before averaging: test-time augmentation inside the file, so the app's runtime
    needs to know nothing about it. On kermany-test-dev it lifted the shipped ensemble's AUC from
    0.9736 to 0.9767 (docs/model-card.md). The mirror is a strided slice (`x[:, :, ::-1]`), not
    `keras.ops.flip`: TFLite's int8 REVERSE_V2 shifted the CAM by about -1.4 here, breaking
    "logit = mean of the CAM", while a strided slice keeps the quantisation exact.
    """
    size = members[0].input_shape[1]
    image = keras.Input((size, size, 1), name="image")
    views = [image]
    if mirror:
        views.append(layers.Lambda(lambda x: x[:, :, ::-1], name="mirror")(image))
    logits, cams = [], []
    for index, member in enumerate(members):
        with_cam = keras.Model(
            member.inputs,
            [member.output, member.get_layer(CAM_LAYER).output],
            name=f"member{index}",
        )
        for view_index, view in enumerate(views):
            logit, cam = with_cam(view)
            if view_index == 1:
                cam = layers.Lambda(lambda x: x[:, :, ::-1], name=f"unmirror{index}")(cam)
            logits.append(logit)
            cams.append(cam)
    if len(logits) == 1:
        return keras.Model(image, [logits[0], cams[0]], name="compact_with_cam")
    return keras.Model(
        image,
        [layers.Average(name="logit_mean")(logits), layers.Average(name="cam_mean")(cams)],
        name="compact_ensemble_with_cam",
    )
