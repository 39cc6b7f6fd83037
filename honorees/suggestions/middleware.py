from django.conf import settings
from django.shortcuts import render

from honorees.suggestions.forms import SuggestionForm
from honorees.suggestions.views import form_page_context


class SuggestionBodyLimitMiddleware:
    """Refuses a suggestion whose request body is larger than every field's limit together could
    make (SUGGESTION_MAX_REQUEST_BYTES) with 413, before anything (the CSRF check included) reads
    it. Sits just before CsrfViewMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or not match or match.view_name != "suggestions:suggest":
            return None
        try:
            size = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            size = 0
        if size <= settings.SUGGESTION_MAX_REQUEST_BYTES:
            return None
        context = form_page_context(form=SuggestionForm(), too_large=True)
        return render(request, "suggestions/suggestion_form.html", context, status=413)
