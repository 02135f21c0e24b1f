"""The model cards PneumoScreen is released with; the app checks its cards against them.

Written by `python -m training register`, and by every training command that writes a model into
`resources/model/`; never edit it by hand. Each entry: the sha256 of a `.tflite` file -> the card
released with it and that card's digest (`core.card_integrity.card_digest`).
"""

RELEASED_CARDS: dict[str, dict[str, str]] = {
    "5b11f8ce50ed71770b35ac795dbbfbf040bb191a67832d9235a59052bb586a2e": {
        "card": "frontal-gate.json",
        "version": "1.1.0",
        "digest": "67c9f0da8342e402366b20ba95fc2b845fd4ab7debec7cee985f12a671bb995b",
    },
    "a045a7ba6020c9fe376c0310d7b66cb851e28d7dc03c0ce717938846ba9029f8": {
        "card": "model.json",
        "version": "1.3.0",
        "digest": "897f2cc46b83b097137e379781bf33452d3534d5713a8a5be48a358247f0a0b7",
    },
}
