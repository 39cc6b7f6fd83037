from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from halloffame.i18n import ShownText, in_page_language
from halloffame.thai import page_language


class LocalisedName:
    """`name` is the Thai name, or the English one when the page is in English and has one."""

    @property
    def name(self):
        if page_language() == "en" and self.name_en:
            return self.name_en
        return self.name_th

    def __str__(self):
        return self.name_th


class District(LocalisedName, models.Model):
    code = models.CharField(_("รหัสอำเภอ"), max_length=4, unique=True)
    name_th = models.CharField(_("ชื่ออำเภอ"), max_length=100)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=100)
    slug = models.SlugField(unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("อำเภอ")
        verbose_name_plural = _("อำเภอ")

    def get_absolute_url(self):
        return reverse("networks:district-detail", kwargs={"slug": self.slug})


class Network(LocalisedName, models.Model):
    slug = models.SlugField(unique=True)
    name_th = models.CharField(_("ชื่อเครือข่าย"), max_length=150)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=150)
    description_th = models.TextField(_("คำอธิบาย"), blank=True)
    description_en = models.TextField(_("คำอธิบายภาษาอังกฤษ"), blank=True)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), unique=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("เครือข่ายทางสังคม")
        verbose_name_plural = _("เครือข่ายทางสังคม")

    @property
    def shown_description(self) -> ShownText:
        return in_page_language(self.description_th, self.description_en)

    def get_absolute_url(self):
        return reverse("networks:network-detail", kwargs={"slug": self.slug})


class Virtue(LocalisedName, models.Model):
    """A core virtue of the moral-province programme, used as a tag on honorees."""

    slug = models.SlugField(unique=True)
    name_th = models.CharField(_("คุณธรรม"), max_length=50)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=50)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), unique=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("คุณธรรมหลัก")
        verbose_name_plural = _("คุณธรรมหลัก")
