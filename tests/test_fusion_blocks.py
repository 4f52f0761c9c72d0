"""Fusion by blocks: where reports are placed, and that the result is local and canonical."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from dossier.model import DocAgreement, DocEvent, Document
from dossier.resolve.events import fuse_agreements, fuse_events
from dossier.resolve.undated import Page, page_year, placed_year
from dossier.scale.fusion import fuse_agreements_indexed, fuse_events_indexed

KZ_UZ = ["country:KZ", "country:UZ"]


def _doc(i: int, published: str | None, *events: DocEvent,
         agreements: list[DocAgreement] | None = None) -> Document:
    return Document(id=f"{i:016x}", source=f"s{i}", language="en", published=published,
                    events=list(events), agreements=agreements or [])


@pytest.mark.parametrize(("date", "page", "planned", "year"), [
    ("2023-05-02", Page(id="a", published="2024-01-10"), False, 2023),  # its own year
    (None, Page(id="a", published="2024-01-10"), False, 2024),  # what happened: the page's
    (None, Page(id="a", published="2024-01-10"), True, None),  # a plan: any later year
    ("--03-04", Page(id="a", after=dt.date(2022, 6, 30)), False, 2023),  # the next 4 March
    ("--09-04", Page(id="a", after=dt.date(2022, 6, 30)), False, 2022),
    (None, Page(id="a", anchor="2021-02-03"), False, 2021),  # the page's dated event
    (None, Page(id="a"), False, None),  # an undated page that shows no year: floating
])
def test_fusion_blocks_placed_year(date: str | None, page: Page, planned: bool,
                                   year: int | None) -> None:
    assert placed_year(date, page, planned=planned) == year


def test_fusion_blocks_page_year_after_the_last_past_day() -> None:
    # a page that reports December 2022 as past was written in 2023 at the earliest
    assert page_year(Page(id="a", after=dt.date(2022, 12, 31))) == 2023
    assert page_year(Page(id="a", anchor="--05-06", after=dt.date(2022, 12, 31))) == 2023


def test_fusion_blocks_result_does_not_depend_on_document_order() -> None:
    docs = [
        _doc(1, "2024-05-10", DocEvent(type="visit", date="2024-05-09", actors=KZ_UZ)),
        _doc(2, "2024-05-11", DocEvent(type="meeting", date="2024-05-10", actors=KZ_UZ)),
        _doc(3, "2024-05-12", DocEvent(type="visit", date="2024-05-11", actors=KZ_UZ)),
        _doc(4, None, DocEvent(type="visit", date="--05-10", actors=KZ_UZ)),
        _doc(5, "2024-06-01", DocEvent(type="meeting", actors=KZ_UZ)),
    ]
    first = fuse_events(docs, {})
    for seed in range(5):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        assert fuse_events(shuffled, {}) == first
        assert fuse_events_indexed(shuffled, {}) == first


def test_fusion_blocks_own_page_event_first() -> None:
    # "the two delegations also held talks" (no names) belongs to its own page's visit,
    # not to another page's visit the same day between the same countries
    other = _doc(1, "2024-03-05", DocEvent(
        type="visit", date="2024-03-05", actors=[*KZ_UZ, "person:ana lima"], place="city:a"))
    mine = _doc(2, "2024-03-05",
                DocEvent(type="visit", date="2024-03-05", actors=[*KZ_UZ, "person:bo ren"]),
                DocEvent(type="meeting", date="2024-03-05", actors=KZ_UZ, place="city:a"))
    events = fuse_events([other, mine], {})
    assert sorted(e.documents for e in events) == [[other.id], [mine.id]]
    assert fuse_events_indexed([other, mine], {}) == events


def test_fusion_blocks_years_placed_apart_never_fuse() -> None:
    # a page of 2024 reporting "the ministers met" (no date) is not the 2023 meeting
    old = _doc(1, "2023-11-20", DocEvent(type="meeting", date="2023-11-20", actors=KZ_UZ))
    new = _doc(2, "2024-01-15", DocEvent(type="meeting", actors=KZ_UZ))
    assert len(fuse_events([old, new], {})) == 2


def test_fusion_blocks_floating_report_joins_best_event_of_any_year() -> None:
    persons = ["person:ana lima", "person:bo ren"]
    visits = [_doc(i, f"{year}-04-0{i}", DocEvent(type="visit", date=f"{year}-04-0{i}",
                                                  actors=[*KZ_UZ, *persons[: i - 1]]))
              for i, year in ((2, 2021), (3, 2023))]
    undated = _doc(9, None, DocEvent(type="visit", date="--04-03", actors=[*KZ_UZ, *persons]))
    events = fuse_events([*visits, undated], {})
    joined = next(e for e in events if undated.id in e.documents)
    assert joined.documents == [visits[1].id, undated.id] and joined.date == "2023-04-03"
    assert fuse_events_indexed([undated, *visits], {}) == events


def test_fusion_blocks_undated_plan_joins_next_years_plan() -> None:
    # "the presidents agreed to meet again" (no date) in 2024 is the meeting planned for 2025
    planned = _doc(1, "2024-09-01", DocEvent(type="meeting", status="planned", date="2025",
                                             actors=KZ_UZ))
    vague = _doc(2, "2024-10-01", DocEvent(type="meeting", status="planned", actors=KZ_UZ))
    events = fuse_events([planned, vague], {})
    assert [e.documents for e in events] == [[planned.id, vague.id]]


def test_fusion_blocks_undated_agreement_joins_titled_group_of_any_year() -> None:
    title = "Agreement on the Avoidance of Double Taxation"
    signed = _doc(1, "2019-03-01", agreements=[DocAgreement(
        title=title, original_title=title, kind="agreement", date="2019-02-28", parties=KZ_UZ)])
    cited = _doc(2, "2024-05-01", agreements=[DocAgreement(
        title=title, original_title=title, kind="agreement", date=None, parties=KZ_UZ)])
    fused = fuse_agreements([signed, cited], {})
    assert [a.documents for a in fused] == [[signed.id, cited.id]]
    assert fuse_agreements_indexed([cited, signed], {}) == fused


def test_fusion_blocks_one_sentence_two_events_two_ids() -> None:
    # "the ministers met, and said they would meet again" (one sentence, two statements:
    # what happened is placed in the page's year, the plan floats)
    page = _doc(1, "2024-02-02",
                DocEvent(type="statement", actors=KZ_UZ, sentence=3),
                DocEvent(type="statement", status="planned", actors=["country:TR"], sentence=3))
    events = fuse_events([page], {})
    assert len(events) == 2 and len({e.id for e in events}) == 2
