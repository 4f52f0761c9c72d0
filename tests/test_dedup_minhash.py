"""Near-duplicate detection: syndicated copies and rewrites of one wire story are linked."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.ingest.dedup import NearDuplicates, shingles

# (wire story, an unrelated story on the same topic) per language
STORIES: dict[str, tuple[str, str]] = {
    "en": (
        "Kazakhstan and Italy signed a memorandum on energy cooperation on Tuesday as President "
        "Kassym-Jomart Tokayev met Prime Minister Giorgia Meloni in Rome. The two leaders said "
        "bilateral trade reached 15.6 billion dollars last year and set a target of 20 billion "
        "dollars by 2030. Italian companies run more than 250 joint ventures in Kazakhstan, most "
        "of them in oil and gas, engineering and agriculture, officials said after the talks. "
        "Eni and KazMunayGas agreed to study a new gas processing plant in the west of the "
        "country, while transport ministers discussed a freight corridor across the Caspian.",
        "Kazakhstan's trade with Italy fell slightly in the first quarter, customs data showed "
        "on Friday, as lower oil prices cut the value of crude shipments to Italian refineries. "
        "Exports to Italy dropped to 3.1 billion dollars while imports of Italian machinery rose "
        "by eight percent, according to the statistics bureau in Astana."),
    "pt": (
        "O Brasil e o Cazaquistão assinaram nesta quarta-feira um acordo de cooperação agrícola "
        "durante a visita do chanceler cazaque a Brasília. O comércio bilateral somou 480 "
        "milhões de dólares em 2024, segundo o Itamaraty, e os dois governos pretendem dobrar "
        "esse valor até 2028 com exportações de carne, café e máquinas agrícolas. O ministro "
        "afirmou que as importações de fertilizantes cazaques devem crescer nos próximos anos "
        "e que uma missão empresarial visitará Astana no segundo semestre.",
        "As exportações brasileiras para a Ásia Central cresceram 15 por cento no primeiro "
        "trimestre, puxadas pela venda de carne de frango e de açúcar, informou o ministério "
        "do Desenvolvimento nesta sexta-feira em nota divulgada à imprensa."),
    "ru": (
        "Президенты Казахстана и России в понедельник обсудили развитие торговли и "
        "транспортных коридоров. Товарооборот между странами в 2024 году составил 27,8 "
        "миллиарда долларов, сообщили в администрации президента. Стороны договорились "
        "увеличить поставки зерна, расширить сотрудничество в энергетике и ускорить "
        "строительство новых пограничных переходов, а также обсудили совместные проекты "
        "в машиностроении и сельском хозяйстве на ближайшие пять лет.",
        "Экспорт казахстанского зерна в Россию сократился в первом квартале на восемь "
        "процентов из-за высоких урожаев в российских регионах, говорится в отчёте "
        "министерства сельского хозяйства, опубликованном в пятницу."),
    "tr": (
        "Türkiye ile Kazakistan arasındaki ticaret hacmi geçen yıl 6,4 milyar dolara ulaştı. "
        "Cumhurbaşkanları salı günü Ankara'da bir araya gelerek enerji, ulaştırma ve savunma "
        "sanayii alanlarında işbirliğini görüştü. Taraflar 10 milyar dolarlık yeni ticaret "
        "hedefini teyit etti ve iki ülke arasında yeni bir hava kargo hattının açılması için "
        "anlaşma imzaladı. Toplantının ardından ortak bir bildiri yayımlandı.",
        "Kazakistan'a yapılan Türk inşaat malzemesi ihracatı ilk çeyrekte yüzde on iki arttı, "
        "Ticaret Bakanlığı cuma günü açıkladı. Artışın konut projelerinden kaynaklandığı "
        "belirtildi."),
}


def _syndicated(story: str) -> str:
    """An outlet's copy: its own dateline and credit around the same wire text."""
    return f"ASTANA (Reuters) — {story} (Editing by Jane Roe)"


@pytest.mark.parametrize("code", sorted(STORIES))
def test_dedup_links_syndicated_copy(code: str) -> None:
    wire, _ = STORIES[code]
    index = NearDuplicates()
    assert index.add("wire", wire) == []
    assert index.add("copy", _syndicated(wire)) == ["wire"]


@pytest.mark.parametrize("code", sorted(STORIES))
def test_dedup_keeps_different_story_apart(code: str) -> None:
    wire, other = STORIES[code]
    index = NearDuplicates()
    index.add("wire", wire)
    assert index.add("other", other) == []
    assert index.add("half", wire[: len(wire) // 2] + " " + other) == []


@pytest.mark.parametrize("code", ["en", "ru"])
def test_dedup_returns_all_earlier_in_order(code: str) -> None:
    wire, _ = STORIES[code]
    index = NearDuplicates()
    index.add("a", wire)
    index.add("b", _syndicated(wire))
    assert index.add("c", wire.upper()) == ["a", "b"]  # case does not matter
    assert index.add("a", wire) == []  # re-adding the first reports nothing earlier
    assert index.add("b", "ignored") == ["a"]  # re-adding is idempotent
    assert len(index) == 3


@pytest.mark.parametrize("code", ["pt", "tr"])
def test_dedup_state_round_trips(tmp_path: Path, code: str) -> None:
    wire, other = STORIES[code]
    index = NearDuplicates(threshold=0.7)
    index.add("wire", wire)
    index.add("other", other)
    index.save(tmp_path / "dedup.json")
    loaded = NearDuplicates.load(tmp_path / "dedup.json")
    assert loaded.threshold == 0.7 and "wire" in loaded
    assert loaded.add("copy", _syndicated(wire)) == ["wire"]


@pytest.mark.parametrize("code", ["en"])
def test_dedup_rebuild_from_pairs(code: str) -> None:
    wire, other = STORIES[code]
    index = NearDuplicates.rebuild([("w", wire), ("o", other)])
    assert index.query(_syndicated(wire)) == ["w"]


@pytest.mark.parametrize("text", ["", "   ", "!!"])
def test_dedup_empty_text_matches_nothing(text: str) -> None:
    index = NearDuplicates()
    assert index.add("a", text) == [] and index.add("b", text) == []


@pytest.mark.parametrize(("text", "count"), [("one two three four five six", 2),
                                             ("Один два три", 1)])
def test_dedup_shingles(text: str, count: int) -> None:
    assert len(shingles(text)) == count


@pytest.mark.parametrize("content", ['{"format": "other"}'])
def test_dedup_load_rejects_foreign_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content)
    with pytest.raises(ValueError, match="near-duplicate index"):
        NearDuplicates.load(path)
