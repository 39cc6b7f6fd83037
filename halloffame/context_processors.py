from django.conf import settings


def office_contact(request):
    """The culture office's address and contact, for the footer and the contact page."""
    return {"office_contact": settings.OFFICE_CONTACT}
