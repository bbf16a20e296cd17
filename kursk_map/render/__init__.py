"""Stage 5, render: areas and claims -> map pages, comparisons, a timeline and images.

Takes the situation and the reports; gives HTML strings (folium, with deterministic
element ids) and PNG bytes. ``layers`` has one function per kind of layer, ``pages`` one
per kind of page, ``static`` the matplotlib images, ``assets`` the inlining of scripts
and stylesheets for self-contained pages, ``ids`` the deterministic ids. Writing files is
:mod:`kursk_map.build`'s job.
"""

from kursk_map.render.pages import compare_page, report_page, timeline_page
from kursk_map.render.static import chart_png, compare_png, map_png

__all__ = ["report_page", "timeline_page", "compare_page", "map_png", "compare_png", "chart_png"]
