import pytest

from kursk_map.places.normalize import cyrillic_lemmas, fold, name_key


@pytest.mark.parametrize("spellings", [
    ("Sudzha", "Sudja", "Sudža", "Суджа", "SUDZHA"),
    ("Nikolayevo-Daryino", "Nikolaevo-Darino", "Nikolaevo Darino", "Николаево-Дарьино"),
    ("Plekhovo", "Plyokhovo", "Плёхово", "Плехово"),
    ("Tolsty Lug", "Tolstoy Lug", "Tolstyy Lug", "Толстый Луг"),
    ("Kharkiv", "Харків"),
    ("Hlukhiv", "Глухів"),
    ("Kyiv", "Київ"),
    ("Kiev", "Киев"),
    ("Russkoye Porechnoye", "Russkoe Porechnoe", "Русское Поречное"),
    ("Lyubimovka", "Liubimovka", "Любимовка"),
    ("Olgovka", "Ol'govka", "Ольговка"),
    ("Tetkino", "Tyotkino", "Тёткино"),
    ("Donbas", "Donbass", "Донбасс"),
    ("Kazachya Loknya", "Казачья Локня"),
])
def test_spellings_share_a_key(spellings):
    keys = {name_key(s) for s in spellings}
    assert len(keys) == 1, keys


@pytest.mark.parametrize("a, b", [("Kursk", "Sudzha"), ("Kiev", "Kyiv"), ("Sumy", "Sudzha"),
                                  ("Korenevo", "Kurchatov"), ("Malaya Loknya", "Kazachya Loknya")])
def test_different_places_keep_different_keys(a, b):
    assert name_key(a) != name_key(b)


def test_fold_only_transliterates():
    assert fold("Sudža") == "sudza"
    assert fold("Горналь") == "gornal"


@pytest.mark.parametrize("inflected, nominative", [
    ("Суджи", "Суджа"), ("Курской", "Курская"), ("Горналя", "Горналь"), ("Басівки", "Басівка"),
    ("Новенького", "Новеньке"), ("Курске", "Курск"), ("Сумщини", "Сумщина"), ("области", "область"),
])
def test_cyrillic_case_endings(inflected, nominative):
    assert nominative in cyrillic_lemmas(inflected)


def test_latin_words_have_no_lemmas():
    assert cyrillic_lemmas("Sudzhi") == ()
