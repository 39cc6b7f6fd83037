"""StaffProfile now belongs to the staff app (halloffame/staff/): only the migration state moves
here; its table and rows stay, and staff.0001/0002 take them over."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("networks", "0003_roles")]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="StaffProfile")]),
    ]
