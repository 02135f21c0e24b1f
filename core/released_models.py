"""The model cards PneumoScreen is released with; the app checks its cards against them.

Written by `python -m training register`, and by every training command that writes a model into
`resources/model/`; never edit it by hand. Each entry: the sha256 of a `.tflite` file -> the card
released with it and that card's digest (`core.card_integrity.card_digest`).
"""

RELEASED_CARDS: dict[str, dict[str, str]] = {
    "0c1a01b99977b1e2a950a61c1bfc93baa43bd59cdeec86288ed2895af05ed822": {
        "card": "model.json",
        "version": "1.2.0",
        "digest": "16b573bd30f17cb5e409e1a4480e4a722f5e31c130f5246466e1de129b373337",
    },
    "5b11f8ce50ed71770b35ac795dbbfbf040bb191a67832d9235a59052bb586a2e": {
        "card": "frontal-gate.json",
        "version": "1.1.0",
        "digest": "67c9f0da8342e402366b20ba95fc2b845fd4ab7debec7cee985f12a671bb995b",
    },
}
