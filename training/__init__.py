"""Training, evaluation and export of the model: TensorFlow/Keras, never loaded by the app."""
