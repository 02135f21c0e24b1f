"""Images that are not frontal chest X-rays, made here, for training and measuring the view gate.

The gate must refuse photos, screenshots, documents, charts, CT slices, lateral views and
radiographs that are inverted, upside down, turned, mirrored or cropped to a fragment. Only the CT
and lateral examples are real (`../shared/data/not-frontal-cxr`); everything else is drawn here or
taken from the sample pictures that installed packages carry (scikit-image, scikit-learn,
matplotlib), so the training needs no download. Every maker takes a seeded generator and returns a
2-D uint8 image at a natural size; `core.preprocess.prepare_image` then treats it like any file.
"""

from __future__ import annotations

import io
import string
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

Maker = Callable[[np.random.Generator], np.ndarray]

_WORD_LIST = (
    "patient clinic report date name result normal follow review district health office total "
    "sample week month stock order form signature address phone referral visit dose tablet "
    "vaccine malaria weight height age male female ward bed admitted discharged notes summary"
)
_WORDS = _WORD_LIST.split()


def _fonts() -> list[Path]:
    """TrueType fonts that matplotlib ships (DejaVu, STIX, Computer Modern): always installed."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return sorted(p for p in folder.glob("*.ttf") if "Sym" not in p.name and "cmex" not in p.name)


def _font(rng: np.random.Generator, size: int) -> ImageFont.FreeTypeFont:
    fonts = _fonts()
    return ImageFont.truetype(str(fonts[rng.integers(len(fonts))]), size)


def _sentence(rng: np.random.Generator, words: int) -> str:
    picked = [_WORDS[i] for i in rng.integers(len(_WORDS), size=words)]
    if rng.random() < 0.3:
        picked.insert(int(rng.integers(len(picked))), str(rng.integers(1, 10_000)))
    return " ".join(picked).capitalize()


def _scanned(rng: np.random.Generator, page: Image.Image) -> np.ndarray:
    """A slightly turned, blurred, noisy, unevenly lit copy: how a phone or scanner sees paper."""
    if rng.random() < 0.6:
        page = page.rotate(
            float(rng.normal(0, 2)), expand=True, fillcolor=int(rng.integers(0, 256))
        )
    if rng.random() < 0.5:
        page = page.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.3, 1.5))))
    pixels = np.asarray(page, dtype=np.float32)
    if rng.random() < 0.5:
        ramp = np.linspace(rng.uniform(0.7, 1.0), rng.uniform(0.9, 1.1), pixels.shape[1])
        pixels = pixels * ramp[None, :]
    pixels = pixels + rng.normal(0, rng.uniform(0, 8), pixels.shape)
    return np.clip(pixels, 0, 255).astype(np.uint8)


def document(rng: np.random.Generator) -> np.ndarray:
    """A page of text: letters, forms and tables, as printed, scanned or photographed."""
    width = int(rng.integers(500, 900))
    height = int(width * rng.choice([1.414, 1.294, 0.707, 1.0]))
    paper, ink = int(rng.integers(200, 256)), int(rng.integers(0, 90))
    if rng.random() < 0.15:  # dark mode / negative copy
        paper, ink = ink, paper
    page = Image.new("L", (width, height), paper)
    draw = ImageDraw.Draw(page)
    margin = int(width * rng.uniform(0.05, 0.12))
    y = margin
    while y < height - margin:
        kind = rng.random()
        size = int(rng.integers(10, 26))
        font = _font(rng, size if kind > 0.1 else size * 2)
        if kind < 0.12:  # a table
            rows, cols = int(rng.integers(3, 9)), int(rng.integers(2, 6))
            cell_w, cell_h = (width - 2 * margin) / cols, size * 1.8
            for r in range(rows):
                for c in range(cols):
                    x0, y0 = margin + c * cell_w, y + r * cell_h
                    draw.rectangle((x0, y0, x0 + cell_w, y0 + cell_h), outline=ink)
                    draw.text((x0 + 4, y0 + 3), _sentence(rng, 1), fill=ink, font=font)
            y += int(rows * cell_h + size)
        elif kind < 0.18:  # a form line or rule
            draw.line((margin, y + size, width - margin, y + size), fill=ink, width=1)
            y += 2 * size
        else:
            draw.text((margin, y), _sentence(rng, int(rng.integers(3, 12))), fill=ink, font=font)
            y += int(size * rng.uniform(1.2, 1.8))
    return _scanned(rng, page)


def chart(rng: np.random.Generator) -> np.ndarray:
    """A chart or diagram as a report or slide shows it: lines, bars, pies, scatter, boxes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(rng.uniform(4, 8), rng.uniform(3, 6)), dpi=80)
    kind = int(rng.integers(6))
    n = int(rng.integers(4, 40))
    if kind == 0:
        for _ in range(int(rng.integers(1, 4))):
            axes.plot(np.cumsum(rng.normal(size=n)))
    elif kind == 1:
        axes.bar(range(n // 3 + 2), rng.uniform(1, 10, n // 3 + 2))
    elif kind == 2:
        axes.pie(rng.uniform(1, 5, int(rng.integers(2, 7))))
    elif kind == 3:
        axes.scatter(rng.normal(size=n * 5), rng.normal(size=n * 5), s=8)
    elif kind == 4:
        axes.hist(rng.normal(size=500), bins=int(rng.integers(8, 40)))
    else:  # a flow diagram: boxes and arrows
        axes.set_axis_off()
        for _ in range(int(rng.integers(3, 7))):
            x, y = rng.uniform(0.05, 0.7), rng.uniform(0.05, 0.8)
            axes.add_patch(plt.Rectangle((x, y), 0.25, 0.12, fill=rng.random() < 0.5))
            axes.annotate("", (x + 0.1, y - 0.1), (x + 0.1, y), arrowprops={"arrowstyle": "->"})
            axes.text(x + 0.02, y + 0.04, _sentence(rng, 2)[:14], fontsize=8)
    if kind != 5 and rng.random() < 0.7:
        axes.set_title(_sentence(rng, 3))
        axes.grid(rng.random() < 0.5)
    if rng.random() < 0.2:
        figure.set_facecolor("black")
        axes.set_facecolor("black")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", facecolor=figure.get_facecolor())
    plt.close(figure)
    buffer.seek(0)
    with Image.open(buffer) as image:
        return np.asarray(image.convert("L"), dtype=np.uint8)


def screenshot(rng: np.random.Generator) -> np.ndarray:
    """A computer screen: a desktop, windows with title bars, menus, buttons, lists and text."""
    width = int(rng.choice([1024, 1280, 1366, 1440, 1920]))
    height = int(width * rng.choice([0.5625, 0.625, 0.75]))
    screen = Image.new("L", (width, height), int(rng.integers(0, 256)))
    draw = ImageDraw.Draw(screen)
    for _ in range(int(rng.integers(1, 5))):
        x0, y0 = int(rng.integers(0, width // 2)), int(rng.integers(0, height // 2))
        x1 = min(width, x0 + int(rng.integers(width // 3, width)))
        y1 = min(height, y0 + int(rng.integers(height // 3, height)))
        face = int(rng.integers(180, 256)) if rng.random() < 0.7 else int(rng.integers(20, 70))
        text = 30 if face > 128 else 220
        draw.rectangle((x0, y0, x1, y1), fill=face, outline=int(rng.integers(0, 256)))
        draw.rectangle((x0, y0, x1, y0 + 28), fill=int(rng.integers(60, 200)))
        font = _font(rng, int(rng.integers(11, 16)))
        draw.text((x0 + 8, y0 + 6), _sentence(rng, 3), fill=text, font=font)
        y = y0 + 40
        sidebar = rng.random() < 0.5
        if sidebar:
            draw.rectangle((x0, y0 + 28, x0 + 160, y1), fill=max(0, face - 25))
        while y < y1 - 24:
            x = x0 + (170 if sidebar else 12)
            if rng.random() < 0.2:  # a row of buttons
                for _ in range(int(rng.integers(1, 5))):
                    draw.rounded_rectangle((x, y, x + 90, y + 24), 4, outline=text, width=1)
                    draw.text((x + 10, y + 5), _sentence(rng, 1)[:9], fill=text, font=font)
                    x += 100
                y += 34
            else:
                draw.text((x, y), _sentence(rng, int(rng.integers(2, 10))), fill=text, font=font)
                y += int(rng.integers(18, 26))
    return np.asarray(screen, dtype=np.uint8)


def textures(rng: np.random.Generator) -> np.ndarray:
    """Noise, stripes, checkerboards and gradients: what a broken camera or test pattern gives."""
    size = (int(rng.integers(256, 800)), int(rng.integers(256, 800)))
    y, x = np.mgrid[0 : size[0], 0 : size[1]].astype(np.float32)
    kind = int(rng.integers(5))
    if kind == 0:
        pixels = rng.uniform(0, 255, size)
    elif kind == 1:
        period = rng.uniform(4, 80)
        pixels = 127 + 127 * np.sin((x * rng.uniform(-1, 1) + y) / period)
    elif kind == 2:
        cell = int(rng.integers(8, 100))
        pixels = (((x // cell) + (y // cell)) % 2) * 255
    elif kind == 3:
        pixels = (x * rng.uniform(-1, 1) + y * rng.uniform(-1, 1)) % 256
    else:
        pixels = fractal_noise(rng, size)
    pixels = pixels + rng.normal(0, rng.uniform(0, 20), size)
    return np.clip(pixels, 0, 255).astype(np.uint8)


def fractal_noise(rng: np.random.Generator, size: tuple[int, int]) -> np.ndarray:
    """1/f noise, the power spectrum of natural scenes, in 0-255."""
    spectrum = rng.normal(size=size) + 1j * rng.normal(size=size)
    fy, fx = np.meshgrid(np.fft.fftfreq(size[0]), np.fft.fftfreq(size[1]), indexing="ij")
    radius = np.sqrt(fx**2 + fy**2)
    radius[0, 0] = 1.0
    field = np.real(np.fft.ifft2(spectrum / radius ** rng.uniform(1.0, 2.0)))
    field -= field.min()
    return 255 * field / max(float(field.max()), 1e-6)


def scene(rng: np.random.Generator) -> np.ndarray:
    """A drawn scene: shaded shapes over a natural-looking background, a stand-in for photos."""
    size = (int(rng.integers(300, 700)), int(rng.integers(300, 700)))
    image = Image.fromarray(fractal_noise(rng, size).astype(np.uint8))
    draw = ImageDraw.Draw(image)
    for _ in range(int(rng.integers(2, 12))):
        box = sorted(rng.integers(0, size[1], 2)), sorted(rng.integers(0, size[0], 2))
        shape = (int(box[0][0]), int(box[1][0]), int(box[0][1]) + 5, int(box[1][1]) + 5)
        fill = int(rng.integers(0, 256))
        if rng.random() < 0.5:
            draw.ellipse(shape, fill=fill)
        else:
            draw.rectangle(shape, fill=fill)
    return np.asarray(image.filter(ImageFilter.GaussianBlur(float(rng.uniform(0, 3)))))


def package_photos() -> list[Path]:
    """Sample pictures that installed packages carry: photos, micrographs, drawings, icons.

    scikit-image's and matplotlib's sample data, and the desktop's Adwaita icons where the system
    has them; a machine without some of these trains on fewer pictures, never fails.
    """
    found: list[Path] = []
    for module, pattern in (
        ("skimage.data", "*.png"),
        ("skimage.data", "*.jpg"),
        ("matplotlib", "mpl-data/sample_data/*.jpg"),
        ("matplotlib", "mpl-data/sample_data/*.png"),
    ):
        try:
            package = __import__(module, fromlist=["__file__"])
        except ImportError:
            continue
        found += sorted(Path(package.__file__).parent.glob(pattern))
    icons = Path("/usr/share/icons/Adwaita/512x512")
    found += sorted(icons.glob("*/*.png"))
    return [p for p in found if min(Image.open(p).size) >= 64]


def photo_maker(paths: Sequence[Path]) -> Maker:
    """A maker that returns random crops, turns and exposures of the pictures in `paths`."""
    pictures = [np.asarray(Image.open(p).convert("L"), dtype=np.uint8) for p in paths]

    def photo(rng: np.random.Generator) -> np.ndarray:
        picture = pictures[int(rng.integers(len(pictures)))]
        height, width = picture.shape
        keep = rng.uniform(0.6, 1.0)
        h, w = max(32, int(height * keep)), max(32, int(width * keep))
        top, left = int(rng.integers(0, height - h + 1)), int(rng.integers(0, width - w + 1))
        crop = picture[top : top + h, left : left + w]
        if rng.random() < 0.5:
            crop = crop[:, ::-1]
        gamma = rng.uniform(0.6, 1.6)
        return np.clip(255 * (crop / 255.0) ** gamma, 0, 255).astype(np.uint8)

    return photo


def real_maker(images: Sequence[np.ndarray]) -> Maker:
    """A maker that varies real non-frontal radiographs (CT, lateral): turn, zoom, exposure."""

    def varied(rng: np.random.Generator) -> np.ndarray:
        picture = Image.fromarray(images[int(rng.integers(len(images)))])
        picture = picture.rotate(float(rng.uniform(-12, 12)), resample=Image.Resampling.BILINEAR)
        width, height = picture.size
        keep = rng.uniform(0.8, 1.0)
        left, top = rng.uniform(0, 1 - keep) * width, rng.uniform(0, 1 - keep) * height
        picture = picture.crop((left, top, left + keep * width, top + keep * height))
        if rng.random() < 0.5:
            picture = picture.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        gamma = rng.uniform(0.7, 1.4)
        return np.clip(255 * (np.asarray(picture) / 255.0) ** gamma, 0, 255).astype(np.uint8)

    return varied


# Radiographs made unusable: each takes a frontal radiograph and returns what the gate must refuse.
RadiographTransform = Callable[[np.ndarray, np.random.Generator], np.ndarray]


def inverted(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return 255 - image


def upside_down(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return image[::-1, :] if rng.random() < 0.5 else image[::-1, ::-1]


def turned(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return np.rot90(image, 1 if rng.random() < 0.5 else 3)


def mirrored(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return image[:, ::-1]


def fragment(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A piece of 8-30% of the image: too little of the chest to judge."""
    height, width = image.shape
    share = rng.uniform(0.08, 0.3)
    aspect = rng.uniform(0.6, 1.6)
    h = int(np.clip(height * np.sqrt(share * aspect), 16, height))
    w = int(np.clip(width * np.sqrt(share / aspect), 16, width))
    top, left = int(rng.integers(0, height - h + 1)), int(rng.integers(0, width - w + 1))
    return image[top : top + h, left : left + w]


RADIOGRAPH_TRANSFORMS: dict[str, RadiographTransform] = {
    "inverted radiograph": inverted,
    "upside-down radiograph": upside_down,
    "radiograph turned 90 degrees": turned,
    "mirrored radiograph": mirrored,
    "fragment of a radiograph": fragment,
}
DRAWN_MAKERS: dict[str, Maker] = {
    "document": document,
    "chart or diagram": chart,
    "screenshot": screenshot,
    "texture or test pattern": textures,
    "drawn scene": scene,
}


def random_text_marker(rng: np.random.Generator) -> str:
    """Burnt-in radiograph annotations, which real frontal films carry and the gate must accept."""
    options = [
        "L",
        "R",
        "AP",
        "PA",
        "PORTABLE",
        "SUPINE",
        "ERECT",
        "".join(rng.choice(list(string.digits), 8)),
    ]
    return str(options[int(rng.integers(len(options)))])
