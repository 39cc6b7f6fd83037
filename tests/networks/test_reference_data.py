import pytest

from networks.models import District, Network, Virtue

pytestmark = pytest.mark.django_db


def test_the_19_districts_with_their_dopa_codes_in_code_order():
    districts = list(District.objects.values_list("code", "name_th", "name_en", "slug"))
    assert len(districts) == 19
    assert districts[0] == ("8401", "เมืองสุราษฎร์ธานี", "Mueang Surat Thani", "mueang-surat-thani")
    assert districts[3] == ("8404", "เกาะสมุย", "Ko Samui", "ko-samui")
    assert districts[-1] == ("8419", "วิภาวดี", "Vibhavadi", "vibhavadi")
    assert [d[0] for d in districts] == [f"84{n:02d}" for n in range(1, 20)]


def test_the_8_networks_in_order():
    assert list(Network.objects.values_list("slug", flat=True)) == [
        "government",
        "private-sector",
        "education",
        "religion",
        "media",
        "civil-society",
        "children-youth",
        "health-volunteers",
    ]
    assert Network.objects.get(slug="health-volunteers").name_th == "เครือข่ายสาธารณสุขและอาสาสมัครต่าง ๆ"


def test_the_5_core_virtues():
    assert list(Virtue.objects.values_list("name_th", flat=True)) == ["พอเพียง", "วินัย", "สุจริต", "จิตอาสา", "กตัญญู"]
