"""Forgotten passwords, by e-mail, in Thai, in the admin's look: Django's auth views with the
hall's templates and one mail (halloffame.staff.services.staff_password_reset_send) for both
the link the secretariat sends and the one anyone asks for here."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from halloffame.ratelimit import limit_exceeded
from halloffame.staff.services import staff_password_reset_send
from honorees.services import WorkflowError

RESET_REQUESTS_PER_HOUR = 5


class StaffPasswordResetForm(PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("อีเมลของบัญชีเจ้าหน้าที่")

    def get_users(self, email):
        # Staff accounts only; one the secretariat made that never had a password counts too.
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True, is_staff=True)
        return [user for user in users if user.email.lower() == email.lower()]

    def save(self, **kwargs):
        for user in self.get_users(self.cleaned_data["email"]):
            try:
                staff_password_reset_send(user=user)
            except WorkflowError:  # nothing to send to: say the same as for any address
                pass


class StaffSetPasswordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("รหัสผ่านใหม่")
        self.fields["new_password2"].label = _("พิมพ์รหัสผ่านใหม่อีกครั้ง")


class AdminLook:
    """The admin's header and title on a page outside admin.site."""

    title = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(admin.site.each_context(self.request))
        context.update(title=self.title, is_nav_sidebar_enabled=False)  # as on the login page
        return context


class PasswordResetView(AdminLook, auth_views.PasswordResetView):
    title = gettext_lazy("ลืมรหัสผ่าน")
    template_name = "staff/password_reset_form.html"
    form_class = StaffPasswordResetForm
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        if limit_exceeded(self.request, scope="password-reset", limit=RESET_REQUESTS_PER_HOUR, window_seconds=3600):
            context = self.get_context_data(form=form, too_many=True)
            return TemplateResponse(self.request, self.template_name, context, status=429)
        return super().form_valid(form)


class PasswordResetDoneView(AdminLook, auth_views.PasswordResetDoneView):
    title = gettext_lazy("ส่งลิงก์ตั้งรหัสผ่านแล้ว")
    template_name = "staff/password_reset_done.html"


class PasswordResetConfirmView(AdminLook, auth_views.PasswordResetConfirmView):
    title = gettext_lazy("ตั้งรหัสผ่านใหม่")
    template_name = "staff/password_reset_confirm.html"
    form_class = StaffSetPasswordForm
    success_url = reverse_lazy("password_reset_complete")


class PasswordResetCompleteView(AdminLook, auth_views.PasswordResetCompleteView):
    title = gettext_lazy("ตั้งรหัสผ่านเรียบร้อยแล้ว")
    template_name = "staff/password_reset_complete.html"
