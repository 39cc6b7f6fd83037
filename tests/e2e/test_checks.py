"""The browser tests' own checks catch what they are there to catch."""

import pytest

from networks.models import District, Network
from tests.e2e.axe import assert_accessible
from tests.e2e.checks import assert_no_sideways_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("run", [1, 2])
def test_reference_data_is_back_in_every_browser_test(run):
    # Each transactional test ends with a flush; the serialized rollback must restore the rows
    # the migrations loaded, or the second run here finds no districts.
    assert District.objects.count() == 19
    assert Network.objects.count() == 8


def test_axe_check_reports_an_image_without_alt_and_unlabelled_field(open_page):
    page = open_page("desktop")
    page.set_content(
        '<!doctype html><html lang="th"><head><title>ทดสอบ</title></head><body><main><h1>ทดสอบ</h1>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10">'
        '<input type="text"></main></body></html>'
    )
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)
    assert "image-alt" in str(failure.value)
    assert "label" in str(failure.value)


def test_problem_collector_reports_console_errors_and_missing_same_origin_files(open_page):
    page = open_page("phone")
    page.goto("/healthz")
    page.problems.assert_none()
    page.evaluate("console.error('something broke')")
    page.evaluate(
        """() => new Promise(resolve => {
             const img = document.createElement('img');
             img.onerror = resolve;
             img.src = '/static/no-such-file.png';
             document.body.appendChild(img);
           })"""
    )
    found = "\n".join(page.problems.lines())
    assert "something broke" in found
    assert "404 GET" in found and "/static/no-such-file.png" in found
    page.problems.clear()
    page.problems.assert_none()


def test_sideways_scroll_check_names_the_element_that_sticks_out(open_page):
    page = open_page("phone")
    page.set_content('<html><body><div id="too-wide"><p>ok</p></div></body></html>')
    assert_no_sideways_scroll(page)
    page.evaluate("document.getElementById('too-wide').style.width = '900px'")
    with pytest.raises(AssertionError, match="div#too-wide"):
        assert_no_sideways_scroll(page)
