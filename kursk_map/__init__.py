"""kursk-map: news reports about the Kursk incursion -> sourced, honest situation maps.

The pipeline, one subpackage per stage, each importing only from the stages before it
(and from :mod:`kursk_map.model` and :mod:`kursk_map.errors`)::

    articles -> places -> claims -> situation -> render
    (files)     (names)   (who says   (areas     (maps, pages,
                           what)       drawn)      images)

:mod:`kursk_map.pipeline` runs the first three over files, :mod:`kursk_map.build` the
main job (every map of a folder), :mod:`kursk_map.cli` the command line over both.
"""

__version__ = "0.1.0"
