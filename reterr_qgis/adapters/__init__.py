"""QGIS adapters: layers to engine arrays and back, styles, provenance, logging, translation.

``qgis.core`` only: no widgets here.
"""
