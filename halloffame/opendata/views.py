from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from halloffame import thai
from halloffame.opendata import charts, statistics
from honorees.filters import clean_text, fiscal_year_param
from honorees.summary import public_summary

FILTERS = ("fiscal_year", "district", "network")


class StatisticsView(TemplateView):
    """/statistics/: charts and tables of the public honours; filters in the address."""

    template_name = "statistics/statistics.html"

    def get(self, request, *args, **kwargs):
        summary = public_summary()
        self.lists = (summary.districts, summary.networks)
        self.selection, self.invalid = self.read_filters(request.GET)
        response = super().get(request, *args, **kwargs)
        if self.invalid:
            response.status_code = 400
        return response

    def read_filters(self, query) -> tuple[dict, list[str]]:
        """The known filter values as objects, and the labels of the unknown ones."""
        districts, networks = self.lists
        raw = {key: clean_text(query.get(key, "")) for key in FILTERS}
        selection, invalid = {}, []
        try:
            if fiscal_year := fiscal_year_param(raw["fiscal_year"]):
                selection["fiscal_year"] = fiscal_year
        except ValueError:
            invalid.append(_("ปีงบประมาณ"))
        for key, options, label in (("district", districts, _("อำเภอ")), ("network", networks, _("เครือข่าย"))):
            if raw[key]:
                match = next((o for o in options if o.slug == raw[key]), None)
                if match:
                    selection[key] = match
                else:
                    invalid.append(label)
        return selection, invalid

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        selected = self.selection
        key = ("coverage", selected.get("fiscal_year"), *(getattr(selected.get(f), "pk", None) for f in FILTERS[1:]))
        data = public_summary().derived(key, lambda: statistics.coverage(lists=self.lists, **selected))
        language = thai.page_language()
        params = {
            "fiscal_year": data.fiscal_year or "",
            "district": data.district.slug if data.district else "",
            "network": data.network.slug if data.network else "",
        }
        context.update(
            data=data,
            invalid=self.invalid,
            query=urlencode({k: v for k, v in params.items() if v}),
            params=params,
            year_options=sorted(
                set(data.fiscal_years) | ({data.fiscal_year} if data.fiscal_year else set()), reverse=True
            ),
            year_chart=charts.column_chart([(str(fy), n) for fy, n in data.by_fiscal_year]),
            month_chart=charts.column_chart([(statistics.month_label(m, language), n) for m, n in data.by_month]),
            month_rows=[
                (thai.MONTHS_FULL[m - 1] if language == "th" else thai.MONTHS_EN[m - 1], n) for m, n in data.by_month
            ],
            network_bars=charts.bars(data.by_network),
            kind_bars=charts.bars([(label, n) for _value, label, n in data.by_kind]),
            virtue_bars=charts.bars(data.by_virtue),
        )
        return context
