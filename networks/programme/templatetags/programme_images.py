"""Programme photos on a page: `{% programme_picture record "card" %}`, like honoree_picture, from
the renditions the honorees' pipeline wrote when the photo was saved (names only, no storage)."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from honorees.photos.paths import media_url
from honorees.photos.renditions import renditions
from honorees.templatetags.honoree_images import PLACEHOLDER_SIZE, SIZES, _srcset

register = template.Library()


@register.simple_tag
def programme_picture(record, variant="card", *, eager=False, placeholder="organization"):
    loading = "eager" if eager else "lazy"
    photo = record.public_photo
    if not (photo and record.photo_width and record.photo_height):
        width, height = PLACEHOLDER_SIZE[variant]
        src = static(f"img/placeholder-{placeholder}.svg")
        return format_html(
            '<img src="{}" alt="" width="{}" height="{}" decoding="async" loading="{}">', src, width, height, loading
        )
    found = renditions(photo.name, variant, record.photo_width, record.photo_height)
    fallback = found[min(1 if variant == "profile" else 0, len(found) - 1)]
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" alt="{}" width="{}" height="{}" decoding="async" loading="{}"></picture>',
        _srcset((r.webp, r.width) for r in found),
        SIZES[variant],
        media_url(fallback.jpeg),
        _srcset((r.jpeg, r.width) for r in found),
        SIZES[variant],
        record.photo_alt or record.name if hasattr(record, "name") else record.photo_alt,
        fallback.width,
        fallback.height,
        loading,
    )
