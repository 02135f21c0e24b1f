"""The model cards PneumoScreen is released with; the app checks its cards against them.

Written by `python -m training register`, and by every training command that writes a model into
`resources/model/`; never edit it by hand. Each entry: the sha256 of a `.tflite` file -> the card
released with it and that card's digest (`core.card_integrity.card_digest`).
"""

RELEASED_CARDS: dict[str, dict[str, str]] = {
    "0c1a01b99977b1e2a950a61c1bfc93baa43bd59cdeec86288ed2895af05ed822": {
        "card": "model.json",
        "version": "1.2.0",
        "digest": "53cedec4c68d9e138aa0af1c3b6f55bbba77f49f7b7b158c6f297cc5f8958336",
    },
    "0cc692ecbed6068280af2bd68e8a2c5a5837636832878f5db9d21a1540b9c3e2": {
        "card": "frontal-gate.json",
        "version": "1.0.0",
        "digest": "90afc9ffea5faa5668a29e3000b0ac2ce79a9e3c53976b14b583272efd77ded7",
    },
}
