"""Honoree.publicly_visible: the public rule, kept by the database for every row.

Honoree.objects.by_public_rule() is the rule (status, consent, the meeting's publication); it
joins the meeting and tests six columns, which at province scale made every count, facet and
the map a scan of every honoree. Triggers compiled from that queryset keep each row's flag equal
to the rule whenever the row or its meeting is written, by save(), QuerySet.update(),
bulk_create(), the admin, a restore or raw SQL, so Honoree.objects.public() is an indexed
column. migrate reinstalls the triggers and brings every flag up to date (a new rule in the code
applies to every row from the next migrate).
"""

from django.db import connection

from halloffame.cache import TRIGGER_PREFIX, fully_migrated, inline_sql, supports_version

FLAG = "publicly_visible"


def _rule_ids_sql(*, meeting_column: str | None = None, honoree_column: str | None = None) -> str:
    from django.db.models.expressions import RawSQL

    from honorees.models import Honoree

    queryset = Honoree.objects.by_public_rule()
    if meeting_column:
        queryset = queryset.filter(meeting_id=RawSQL(meeting_column, ()))
    if honoree_column:
        queryset = queryset.filter(pk=RawSQL(honoree_column, ()))
    return inline_sql(queryset.order_by().values("pk"))


def _sync_sql(*, where: str, **narrowed) -> str:
    """UPDATE that sets the flag of the rows `where` selects to the rule, touching only those it changes."""
    from honorees.models import Honoree

    table = Honoree._meta.db_table
    rule = f'("id" IN ({_rule_ids_sql(**narrowed)}))'
    return f'UPDATE "{table}" SET "{FLAG}" = {rule} WHERE {where} AND "{FLAG}" <> {rule}'


def sync_all_sql() -> str:
    return _sync_sql(where="TRUE")


def _trigger_sql(db) -> list[str]:
    from honorees.models import Honoree
    from meetings.models import Meeting

    honoree, meeting = Honoree._meta.db_table, Meeting._meta.db_table
    on_honoree = _sync_sql(where='"id" = NEW."id"', honoree_column='NEW."id"')
    on_meeting = _sync_sql(where='"meeting_id" = NEW."id"', meeting_column='NEW."id"')
    triggers = [
        (f"{TRIGGER_PREFIX}_flag", honoree, "AFTER INSERT OR UPDATE", on_honoree),
        (f"{TRIGGER_PREFIX}_flag", meeting, "AFTER UPDATE", on_meeting),
    ]
    statements = []
    for name, table, events, body in triggers:
        if db.vendor == "postgresql":
            function = f"{name}_{table}"
            statements += [
                f'CREATE OR REPLACE FUNCTION "{function}"() RETURNS trigger LANGUAGE plpgsql AS $$ '
                f"BEGIN {body}; RETURN NULL; END $$",
                f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"',
                f'CREATE TRIGGER "{name}" {events} ON "{table}" FOR EACH ROW EXECUTE FUNCTION "{function}"()',
            ]
        else:  # SQLite: one trigger per event
            for event in events.removeprefix("AFTER ").split(" OR "):
                sqlite_name = f"{name}_{table}_{event.lower()}"
                statements += [
                    f'DROP TRIGGER IF EXISTS "{sqlite_name}"',
                    f'CREATE TRIGGER "{sqlite_name}" AFTER {event} ON "{table}" BEGIN {body}; END',
                ]
    return statements


def install(db=None) -> None:
    """(Re)create the flag's triggers and bring every row's flag up to date; idempotent."""
    from honorees.models import Honoree

    db = db or connection
    if not supports_version(db):
        return
    if Honoree._meta.db_table not in db.introspection.table_names():
        return
    columns = {column.name for column in db.introspection.get_table_description(db.cursor(), Honoree._meta.db_table)}
    if FLAG not in columns:  # migrating from before the flag
        return
    with db.cursor() as cursor:
        for statement in [*_trigger_sql(db), sync_all_sql()]:
            cursor.execute(statement)


def install_after_migrate(sender, using, plan=None, **kwargs):
    from django.db import connections

    if fully_migrated(connections[using], plan):
        install(connections[using])
