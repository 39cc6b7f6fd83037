"""The page cache's deploy identity comes from the release, not from walking the source tree."""

import subprocess

import pytest

from halloffame import cache as page_cache


@pytest.fixture(autouse=True)
def fresh_deploy_id(monkeypatch):
    monkeypatch.setattr(page_cache, "_deploy_id", None)
    yield
    page_cache._deploy_id = None


def no_walk():
    raise AssertionError("the source tree was walked")


def test_the_release_in_the_environment_names_the_deploy(settings, monkeypatch):
    monkeypatch.setattr(page_cache, "source_tree_fingerprint", no_walk)
    monkeypatch.setattr(page_cache, "git_revision", no_walk)
    settings.RELEASE = "2026.12.1"
    first = page_cache.deploy_id()
    page_cache._deploy_id = None
    settings.RELEASE = "2026.12.2"
    assert page_cache.deploy_id() != first


def test_without_a_release_a_clean_checkout_gives_its_git_revision(settings, monkeypatch):
    settings.RELEASE = ""
    monkeypatch.setattr(page_cache, "source_tree_fingerprint", no_walk)
    answers = {("rev-parse", "--verify", "HEAD"): "4f1c0de\n", ("status", "--porcelain", "--untracked-files=no"): ""}

    def fake_git(argv, **kwargs):
        return subprocess.CompletedProcess(argv, 0, stdout=answers[tuple(argv[1:])], stderr="")

    monkeypatch.setattr(page_cache.subprocess, "run", fake_git)
    assert page_cache.git_revision() == "4f1c0de"
    assert page_cache.deploy_id()


def test_a_modified_checkout_or_no_git_falls_back_to_the_tree_walk(settings, monkeypatch):
    settings.RELEASE = ""
    answers = {
        ("rev-parse", "--verify", "HEAD"): "4f1c0de\n",
        ("status", "--porcelain", "--untracked-files=no"): " M halloffame/views.py",
    }

    def fake_git(argv, **kwargs):
        return subprocess.CompletedProcess(argv, 0, stdout=answers[tuple(argv[1:])], stderr="")

    monkeypatch.setattr(page_cache.subprocess, "run", fake_git)
    assert page_cache.git_revision() is None

    def no_git(argv, **kwargs):
        raise FileNotFoundError("git")

    monkeypatch.setattr(page_cache.subprocess, "run", no_git)
    assert page_cache.git_revision() is None
    walked = []
    monkeypatch.setattr(page_cache, "source_tree_fingerprint", lambda: walked.append(1) or "tree")
    assert page_cache.deploy_id()
    assert walked == [1]
