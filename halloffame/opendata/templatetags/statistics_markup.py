"""The big repeated parts of /statistics/: `{% column_chart chart id caption %}` (the SVG of
charts.column_chart) and `{{ row.cells|heat_cells }}` (a row of the district × fiscal-year table).

Written in Python rather than as template loops: at twenty years of meetings the table has
thousands of cells and the year chart a hundred columns, and the template engine spent more time
on them than on the rest of the page.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

COLUMN = (
    '<rect class="column-chart__bar" x="{}" y="{}" width="{}" height="{}"/>\n'
    '  <text class="column-chart__value" x="{}" y="{}">{}</text>\n'
    '  <text class="column-chart__label" x="{}" y="{}">{}</text>\n  '
)


@register.simple_tag
def column_chart(chart, id, caption):
    """An SVG column chart with a title, a text description of every value, and one column each."""
    columns = chart.columns
    return format_html(
        '<svg class="column-chart{}" viewBox="{}" width="{}" height="{}" role="img"'
        ' aria-labelledby="{}-title {}-desc">\n'
        '  <title id="{}-title">{}</title>\n'
        '  <desc id="{}-desc">{}</desc>\n'
        '  <line class="column-chart__axis" x1="0" x2="{}" y1="{}" y2="{}"/>\n'
        "  {}\n</svg>\n",
        " column-chart--dense" if len(columns) > 8 else "",
        chart.view_box,
        chart.width,
        chart.height,
        id,
        id,
        id,
        caption,
        id,
        format_html_join("; ", "{}: {}", ((c.label, c.value) for c in columns)),
        chart.width,
        chart.baseline,
        chart.baseline,
        format_html_join(
            "",
            COLUMN,
            (
                (c.x, c.y, c.width, c.height, c.centre, c.value_y, c.value, c.centre, chart.label_y, c.label)
                for c in columns
            ),
        ),
    )


@register.filter
def heat_cells(cells) -> str:
    # Whole numbers only (the counts and their shade), so there is nothing to escape.
    return mark_safe("".join(f'<td class="heat-{int(c["shade"])}">{int(c["count"])}</td>' for c in cells))  # noqa: S308
