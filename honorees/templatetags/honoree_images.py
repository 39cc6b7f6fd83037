"""How an honoree's image appears on a page. The photo pipeline owns this module; pages only
call `{% honoree_picture honoree "card" %}` and `{% honoree_share_image_url honoree %}`.

Both only compute addresses from stored names and sizes: they never open a file, ask storage
whether one exists or generate an image (renditions are written when the photo is saved).
"""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join

from honorees.photos.paths import media_url
from honorees.photos.renditions import VARIANTS, has_renditions, renditions

register = template.Library()

# How wide each variant is drawn (static/css/site.css): cards fill half the phone screen and
# about 13–18rem on wider screens; the profile photo is at most 17rem.
SIZES = {"card": "(min-width: 40rem) 18rem, 50vw", "profile": "(min-width: 40rem) 17rem, 90vw"}
# The rendition used for <img src> (browsers without srcset) and for width/height.
FALLBACK_INDEX = {"card": 0, "profile": 1}
PLACEHOLDER_SIZE = {"card": (400, 400), "profile": (800, 800)}


def _srcset(items):
    return ", ".join(f"{media_url(name)} {width}w" for name, width in items)


@register.simple_tag
def honoree_picture(honoree, variant="card", *, eager=False, sizes=None, css_class=""):
    """A <picture> of the honoree's public photo (WebP with a JPEG fallback, srcset, sizes,
    width/height, lazy unless eager), or the designed placeholder for their kind."""
    if variant not in VARIANTS:
        raise template.TemplateSyntaxError(f"honoree_picture: unknown variant {variant!r}")
    loading = {"loading": "eager", "fetchpriority": "high"} if eager else {"loading": "lazy"}
    attrs = format_html_join("", ' {}="{}"', loading.items())
    if css_class:
        attrs = format_html('{} class="{}"', attrs, css_class)
    photo = honoree.public_photo
    if not photo or not has_renditions(honoree):
        width, height = PLACEHOLDER_SIZE[variant]
        if photo:
            src, alt = photo.url, honoree.photo_alt or honoree.name
        else:
            src, alt = static(f"img/placeholder-{honoree.kind}.svg"), ""
        return format_html(
            '<img src="{}" alt="{}" width="{}" height="{}" decoding="async"{}>', src, alt, width, height, attrs
        )
    found = renditions(photo.name, variant, honoree.photo_width, honoree.photo_height)
    fallback = found[min(FALLBACK_INDEX[variant], len(found) - 1)]
    sizes = sizes or SIZES[variant]
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" alt="{}" width="{}" height="{}" decoding="async"{}></picture>',
        _srcset((r.webp, r.width) for r in found),
        sizes,
        media_url(fallback.jpeg),
        _srcset((r.jpeg, r.width) for r in found),
        sizes,
        honoree.photo_alt or honoree.name,
        fallback.width,
        fallback.height,
        attrs,
    )


@register.simple_tag(takes_context=True)
def honoree_share_image_url(context, honoree):
    """Absolute URL of the honoree's 1200×630 Open Graph card (JPEG)."""
    url = media_url(honoree.share_card) if honoree.share_card else static("img/share-default.png")
    request = context.get("request")
    if request is not None:
        return request.build_absolute_uri(url)
    return url if "://" in url else f"{settings.SITE_URL}{url}"
