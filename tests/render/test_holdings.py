"""What a drawn holding says about itself: its title, its popup, its size and how old that size is."""

from __future__ import annotations

import datetime as dt

from kursk_map.render.holdings import holding_popup, holding_title, size_label
from kursk_map.situation import situation_of
from tests.situation.helpers import report

VOICE = "Ukrainian officials"


def _holding(gazetteer, *lines):
    s = situation_of([report(text, gazetteer, date) for date, text in lines], gazetteer)
    return s.at(dt.date.fromisoformat(lines[-1][0]), VOICE).get("UA")


def test_a_size_given_long_before_the_holding_says_how_old_it_is(gazetteer):
    h = _holding(gazetteer,
                 ("2024-08-20", "Ukrainian forces control 600 square kilometres of the Kursk region, the General Staff "
                                "said."),
                 ("2025-03-09", "Ukrainian forces withdrew from Sudzha, the General Staff said."))
    assert h.date == dt.date(2025, 3, 9) and h.size_date == dt.date(2024, 8, 20)
    assert holding_title(h).endswith(f"{size_label(h)}, size as of 2024-08-20")
    assert "claimed for 2024-08-20" in holding_popup(h)


def test_a_fresh_size_says_nothing_of_its_age(gazetteer):
    h = _holding(gazetteer, ("2024-08-20", "Ukrainian forces control 600 square kilometres of the Kursk region, the "
                                           "General Staff said."))
    assert h.size_date == h.date and "size as of" not in holding_title(h)
