import pytest

from tests import builders


@pytest.fixture
def newsroom(magazine):
    """Articles with known words in known places, for ranking and field tests."""
    m = magazine
    figure = builders.image("Dredge", caption="A dredge on the Madre de Dios river.")
    m.headline = builders.article(
        m.americas,
        "Lithium boom reaches the salt flats",
        [m.ana],
        days_ago=5,
        standfirst="Mining companies arrive in the north.",
    )
    m.body_once = builders.article(
        m.politics,
        "Senate passes the budget",
        [m.ben],
        days_ago=1,
        body=[builders.paragraph("One senator mentioned lithium in passing.")],
    )
    m.body_often = builders.article(
        m.andes,
        "Batteries and the grid",
        [m.ben],
        days_ago=2,
        body=[builders.paragraph("Lithium here, lithium there, lithium prices, lithium mines.")],
    )
    m.accented = builders.article(
        m.americas,
        "Bogotá opens its metro",
        [m.ana],
        days_ago=3,
        body=[
            builders.paragraph("Mayor Gustavo Petro cut the ribbon."),
            {
                "type": "pull_quote",
                "value": {"text": "A quiet revolution in transport.", "attribution": "A commuter"},
                "id": "q",
            },
            {"type": "image", "value": {"image": figure.pk, "width": "inline"}, "id": "i"},
        ],
        tags=["Colombia", "Transport"],
    )
    return m


@pytest.fixture
def stories(magazine):
    """Four articles about water: in a headline, in bodies (once and three times), in a draft."""
    m = magazine
    builders.article(m.americas, "Water rationing ends in Bogotá", [m.ana], days_ago=3)
    builders.article(
        m.politics,
        "Budget passes",
        [m.ben],
        days_ago=1,
        body=[builders.paragraph("Water, water and more water for the farms.")],
    )
    builders.article(
        m.andes,
        "Dams on the river",
        [m.ana],
        days_ago=2,
        body=[builders.paragraph("The water level fell.")],
    )
    builders.article(m.andes, "Draft about water", [m.ana], live=False)
    return m
