"""The verbs of the ``cchc`` console script, one module each (the top layer)."""
