"""The spellings the gazetteer build generates from the register's Russian names."""

import pytest

from gazetteer.translit import bgn, english, scholarly, ukrainian, ukrainian_latin
from kursk_map.places.normalize import name_key


@pytest.mark.parametrize("russian, expected", [
    ("Малая Локня", "Malaya Loknya"), ("Николаево-Дарьино", "Nikolayevo-Dar'ino"), ("Ерёмино", "Yerëmino"),
    ("Мирный", "Mirnyy"), ("Горналь", "Gornal'"), ("Щигры", "Shchigry"),
])
def test_bgn_pcgn(russian, expected):
    assert bgn(russian) == expected


@pytest.mark.parametrize("russian, expected", [
    ("Николаево-Дарьино", "Nikolayevo-Daryino"), ("Казачья Локня", "Kazachya Loknya"), ("Заречье", "Zarechye"),
    ("Тёткино", "Tyotkino"), ("Плёхово", "Plyokhovo"), ("Суджанский", "Sudzhansky"), ("Мирный", "Mirny"),
    ("Русское Поречное", "Russkoye Porechnoye"), ("Большое Солдатское", "Bolshoye Soldatskoye"), ("Гуево", "Guyevo"),
])
def test_common_english(russian, expected):
    assert english(russian) == expected


@pytest.mark.parametrize("russian, expected", [("Малая Локня", "Malaja Loknja"), ("Суджа", "Sudža"),
                                               ("Плехово", "Plechovo")])
def test_scholarly(russian, expected):
    assert scholarly(russian) == expected


@pytest.mark.parametrize("russian, cyrillic, latin", [
    ("Любимовка", "Любимівка", "Liubymivka"), ("Плехово", "Плехове", "Plekhove"),
    ("Русское Поречное", "Руське Поречне", "Ruske Porechne"), ("Мартыновка", "Мартинівка", "Martynivka"),
    ("Свердликово", "Свердликове", "Sverdlykove"), ("Малая Локня", "Мала Локня", "Mala Loknia"),
    ("Большое Солдатское", "Велике Солдатське", "Velyke Soldatske"), ("Погребки", "Погребки", "Pohrebky"),
    ("Александровка", "Олександрівка", "Oleksandrivka"),
])
def test_ukrainian_reporting_forms(russian, cyrillic, latin):
    assert (ukrainian(russian), ukrainian_latin(russian)) == (cyrillic, latin)


@pytest.mark.parametrize("russian, reported", [
    ("Николаево-Дарьино", "Nikolaevo-Darino"), ("Плёхово", "Plekhovo"), ("Любимовка", "Liubymivka"),
    ("Черкасское Поречное", "Cherkaske Porechne"), ("Суджа", "Sudja"),
])
def test_generated_spellings_meet_reporting_on_the_key(russian, reported):
    generated = {bgn(russian), english(russian), scholarly(russian), ukrainian(russian), ukrainian_latin(russian),
                 russian}
    assert name_key(reported) in {name_key(g) for g in generated}
