"""Dictionary order: the product's sort key against ICU's Thai collation on a few thousand
generated names, and the same order from SQLite, PostgreSQL and a PostgreSQL database whose
collation is th_TH.UTF-8."""

import os

import icu
import pytest
from django.db import connection

from halloffame import thai
from honorees.models import Honoree
from networks.models import District, Network
from tests.core.thai_names import agreement, generated_names

NAMES = generated_names()


def reference_ranks(canonical_names):
    """ICU's Thai collation (the reference) on each name spelled canonically without its title.
    Secondary strength: the tertiary level only tells digit forms and letter case apart, which
    the product treats as the same name."""
    collator = icu.Collator.createInstance(icu.Locale("th"))
    collator.setStrength(icu.Collator.SECONDARY)
    keys = [collator.getSortKey(name) for name in canonical_names]
    position = {key: rank for rank, key in enumerate(sorted(set(keys)))}
    return [position[key] for key in keys]


def test_generated_names_sort_exactly_as_icu_thai_collation():
    ranks = reference_ranks([canonical for _, canonical in NAMES])
    order = sorted(range(len(NAMES)), key=lambda i: (thai.thai_sort_key(NAMES[i][0]), i))
    measured = agreement(order, ranks)
    print(f"\nagreement with ICU's Thai collation: {measured}")  # pytest -s shows it
    assert measured["names"] == 3000
    assert measured["pairs_in_same_order"] == measured["ordered_pairs"], measured
    assert measured["names_out_of_place"] == 0, measured


def test_the_measure_sees_a_wrong_order():
    ranks = reference_ranks([canonical for _, canonical in NAMES[:200]])
    by_code_point = sorted(range(200), key=lambda i: NAMES[i][0])
    measured = agreement(by_code_point, ranks)
    assert measured["names_out_of_place"] > 20
    assert measured["pairs_in_same_order"] < measured["ordered_pairs"]


def _honorees(count):
    district, network = District.objects.first(), Network.objects.first()
    return Honoree.objects.bulk_create(
        Honoree(
            name=thai.clean_text(typed),
            slug=f"order-{i}",
            sort_key=thai.thai_sort_key(typed),
            name_key=thai.normalise_name(typed),
            district=district,
            network=network,
            citation="ทดสอบลำดับ",
        )
        for i, (typed, _) in enumerate(NAMES[:count])
    )


@pytest.mark.django_db
def test_the_database_orders_by_the_key_as_python_does():
    _honorees(600)
    expected = sorted(Honoree.objects.values_list("sort_key", "pk"))
    assert list(Honoree.objects.thai_order().values_list("sort_key", "pk")) == expected


@pytest.mark.django_db
def test_saving_an_honoree_stores_the_cleaned_name_and_its_keys():
    honoree = Honoree(
        name=" ว่าที่ ร.ต.\u00a0สม\u200bชาย  นํ้าใจดี ",
        district=District.objects.first(),
        network=Network.objects.first(),
        citation="ทดสอบ",
    )
    honoree.save()
    honoree.refresh_from_db()
    assert honoree.name == "ว่าที่ ร.ต. สมชาย น้ำใจดี"
    assert honoree.name_key == "สมชายน้ำใจดี"
    assert honoree.title_key == "|ว่าที่|ร้อยตรี|"
    assert honoree.sort_key == thai.thai_sort_key("สมชาย น้ำใจดี")


TH_DATABASE_SQL = (
    "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'th_TH.UTF-8' LC_CTYPE 'th_TH.UTF-8'"
)


@pytest.mark.django_db
def test_a_postgresql_database_with_thai_collation_gives_the_same_order():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: run the suite with DATABASE_URL=postgres://...")
    import psycopg

    params = connection.get_connection_params()
    name = f"{connection.settings_dict['NAME']}_th"
    admin = {k: v for k, v in params.items() if k in ("host", "port", "user", "password")}
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as server:
        server.execute(f"DROP DATABASE IF EXISTS {name}")
        try:
            server.execute(TH_DATABASE_SQL.format(name=name))
        except psycopg.errors.InvalidParameterValue as error:
            if os.environ.get("CI"):
                raise
            pytest.skip(f"the th_TH.UTF-8 locale is missing (localedef -i th_TH -f UTF-8 th_TH.UTF-8): {error}")
    try:
        rows = [(thai.thai_sort_key(typed), i) for i, (typed, _) in enumerate(NAMES)]
        with psycopg.connect(dbname=name, autocommit=True, **admin) as thai_db:
            assert thai_db.execute(
                "SELECT datcollate FROM pg_database WHERE datname = current_database()"
            ).fetchone() == ("th_TH.UTF-8",)
            thai_db.execute("CREATE TABLE honoree (sort_key text, position int)")
            with thai_db.cursor().copy("COPY honoree (sort_key, position) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            ordered = thai_db.execute("SELECT sort_key, position FROM honoree ORDER BY sort_key, position").fetchall()
        assert ordered == sorted(rows)
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as server:
            server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.django_db
def test_a_name_whose_keys_would_outgrow_their_columns_still_saves():
    for name in ("น.ส." * 50, "ß" * 200):
        honoree = Honoree(name=name, district=District.objects.first(), network=Network.objects.first(), citation="ก")
        honoree.full_clean(exclude=["slug"])
        honoree.save()
        assert len(honoree.name_key) <= 200 and len(honoree.title_key) <= 200
