"""Stage 5, render: the situation and the reports -> map pages, comparisons, a timeline, images.

Takes the situation and the reports; gives HTML strings (folium, with deterministic element
ids) and PNG bytes. ``basemap`` is the offline base map (countries, oblasts, rivers, labels),
``holdings`` the layers of claimed areas and settlements, ``controls`` what a map says about
itself (legend, stamp, the popup of every area under a click), ``frame`` what pages share,
``pages`` the report map and the timeline, ``compare`` the side-by-side comparison, ``index``
the front page, ``static`` the matplotlib images, ``assets`` the inlining of scripts and
stylesheets for self-contained pages, ``ids`` the deterministic ids. Writing files is
:mod:`kursk_map.build`'s job.
"""

from kursk_map.render.compare import compare_page
from kursk_map.render.pages import report_page, timeline_page
from kursk_map.render.static import chart_png, compare_png, map_png

__all__ = ["report_page", "timeline_page", "compare_page", "map_png", "compare_png", "chart_png"]
