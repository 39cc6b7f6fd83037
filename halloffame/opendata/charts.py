"""Geometry for the hand-drawn SVG charts of /statistics/ (the templates draw them).

No chart library: the charts are a few rectangles and labels, so computing them here keeps the
page free of JavaScript, prints as it shows, and works without anything loaded from elsewhere.
"""

from dataclasses import dataclass

COLUMN_WIDTH = 320  # viewBox units: about one unit a pixel on a 320 px phone
COLUMN_HEIGHT = 180
TOP = 20  # room for the value above the tallest column
BOTTOM = 24  # room for the labels under the columns
MAX_COLUMN = 48  # a single year does not become one wide slab


@dataclass(frozen=True)
class Column:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> float:
        return round(self.x + self.width / 2, 1)

    @property
    def value_y(self) -> float:
        return round(self.y - 4, 1)


@dataclass(frozen=True)
class ColumnChart:
    columns: list[Column]
    width: int = COLUMN_WIDTH
    height: int = COLUMN_HEIGHT

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def baseline(self) -> int:
        return self.height - BOTTOM

    @property
    def label_y(self) -> int:
        return self.height - 6


def column_chart(items: list[tuple[str, int]]) -> ColumnChart:
    """Columns from (label, value) pairs, scaled to the largest value."""
    highest = max((value for _label, value in items), default=0)
    slot = COLUMN_WIDTH / max(len(items), 1)
    plot = COLUMN_HEIGHT - TOP - BOTTOM
    columns = []
    width = min(slot * 0.7, MAX_COLUMN)
    for i, (label, value) in enumerate(items):
        height = round(plot * value / highest, 1) if highest else 0
        columns.append(
            Column(
                label=label,
                value=value,
                x=round(i * slot + (slot - width) / 2, 1),
                y=round(COLUMN_HEIGHT - BOTTOM - height, 1),
                width=round(width, 1),
                height=height,
            )
        )
    return ColumnChart(columns)


def bars(items: list[tuple[object, int]]) -> list[dict]:
    """Rows of a horizontal bar chart: each item with its value and its length in per cent."""
    highest = max((value for _item, value in items), default=0)
    total = sum(value for _item, value in items)
    return [
        {
            "item": item,
            "value": value,
            "length": round(100 * value / highest, 1) if highest else 0,
            "share": round(100 * value / total) if total else 0,
        }
        for item, value in items
    ]
