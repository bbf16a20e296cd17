"""Maps and pages: one module per kind of page, built from :mod:`kursk_map.areas`."""
