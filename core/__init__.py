"""PneumoScreen engine: reading, preprocessing and scoring chest X-rays; no Qt, no TensorFlow."""
