"""How the screening networks' kernels start (`TrainConfig.kernel_init`, probe O)."""

import keras
import numpy as np
import pytest

from training.models import ARCHITECTURES, FAN_IN_UNIFORM, GLOROT_UNIFORM
from training.train import SHIPPED_MEMBERS, TrainConfig

pytestmark = pytest.mark.slow


def conv_kernels(model: keras.Model) -> dict[str, np.ndarray]:
    """The full (non-depthwise) convolution kernels of `model`, by layer name."""
    return {
        layer.name: layer.kernel.numpy()
        for layer in model.layers
        if isinstance(layer, keras.layers.Conv2D) and layer.kernel.shape[0] > 1
    }


def fan_in_bound(kernel: np.ndarray) -> float:
    """PyTorch's default convolution initialiser draws within +-1/sqrt(fan_in)."""
    return 1 / np.sqrt(np.prod(kernel.shape[:-1]))


@pytest.mark.parametrize("arch", ["residual-shallow", "compact"])
def test_fan_in_uniform_kernels_stay_within_one_over_root_fan_in(arch):
    keras.utils.set_random_seed(0)
    kernels = conv_kernels(ARCHITECTURES[arch](input_size=64, kernel_init=FAN_IN_UNIFORM))
    assert kernels
    for name, kernel in kernels.items():
        bound = fan_in_bound(kernel)
        assert np.abs(kernel).max() <= bound, name
        assert np.abs(kernel).max() > 0.9 * bound, name  # uniform over the whole range


def test_glorot_uniform_kernels_are_wider_than_that_for_3x3_convolutions():
    """Keras's default, every model up to run N: the 3x3 kernels reach past 1/sqrt(fan_in)."""
    keras.utils.set_random_seed(0)
    model = ARCHITECTURES["residual-shallow"](input_size=64, kernel_init=GLOROT_UNIFORM)
    kernel = conv_kernels(model)["s1b0_c2"]
    assert np.abs(kernel).max() > 1.5 * fan_in_bound(kernel)


def test_the_default_is_keras_own_so_earlier_models_are_rebuilt_unchanged():
    """Every layer starts as Keras's defaults would start it, as before `kernel_init` existed."""
    assert TrainConfig().kernel_init == GLOROT_UNIFORM
    keras_default = keras.layers.Conv2D(1, 1).get_config()["kernel_initializer"]
    depthwise_default = keras.layers.DepthwiseConv2D(3).get_config()["depthwise_initializer"]
    for arch in ("compact", "residual", "residual-shallow"):
        for layer in ARCHITECTURES[arch](input_size=64).layers:
            config = layer.get_config()
            if isinstance(layer, keras.layers.DepthwiseConv2D):
                assert config["depthwise_initializer"] == depthwise_default, layer.name
            elif isinstance(layer, keras.layers.Conv2D):
                assert config["kernel_initializer"] == keras_default, layer.name


@pytest.mark.parametrize("arch", ["seed-baseline", "seed-final"])
def test_the_reference_notebook_models_refuse_another_initialiser(arch):
    with pytest.raises(ValueError, match="glorot-uniform"):
        ARCHITECTURES[arch](input_size=32, kernel_init=FAN_IN_UNIFORM)


def test_an_unknown_initialiser_is_refused_by_name():
    with pytest.raises(ValueError, match="he-normal"):
        ARCHITECTURES["residual"](input_size=64, kernel_init="he-normal")


def test_the_shipped_network_is_trained_from_pytorchs_initialisation():
    """1.3.0 (run O) is `residual-shallow` with fan-in-uniform kernels, named in its config so
    that `make model` rebuilds it so; the default stays Keras's for every earlier run."""
    assert [member.kernel_init for member in SHIPPED_MEMBERS] == [FAN_IN_UNIFORM]
