"""Anonymous, multilingual feedback for drug and alcohol services."""

__version__ = "0.1.0"
