"""The compiled lexicon is a cache: keyed by a fingerprint, rebuilt when stale or corrupt."""

from __future__ import annotations

import pickle

import pytest

from modulfix.spelling import lexicon


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MODULFIX_CACHE_DIR", str(tmp_path))
    lexicon.reset()
    yield tmp_path
    lexicon.reset()


def test_build_writes_a_cache_that_is_identical_to_a_rebuild(cache):
    lex = lexicon.load()
    files = list(cache.glob("lexicon-*.pickle"))
    assert len(files) == 1
    assert lex.fingerprint == lexicon.fingerprint()
    rebuilt = lexicon.build()
    rebuilt.fingerprint = lex.fingerprint
    assert pickle.loads(files[0].read_bytes()) == rebuilt
    assert "mana" in lex.roots and "praktek" not in lex.roots  # filtered Sastrawi roots
    assert lex.nonstandard["praktek"] == ("praktik", True)
    # building judges every attested word; it must not build (and cache under no
    # fingerprint) the two-edit index on the way
    assert list(cache.glob("symspell-*")) == []


def test_corrupt_cache_is_rebuilt(cache):
    lexicon.load()
    path = next(cache.glob("lexicon-*.pickle"))
    path.write_bytes(b"\x80\x04garbage")
    lexicon.reset()
    lex = lexicon.load()
    assert lex.fingerprint == lexicon.fingerprint()
    assert pickle.loads(path.read_bytes()).fingerprint == lex.fingerprint


def test_stale_cache_is_not_used(cache):
    lexicon.load()
    path = next(cache.glob("lexicon-*.pickle"))
    stale = lexicon.Lexicon(fingerprint="not-the-current-sources")
    path.write_bytes(pickle.dumps(stale))
    lexicon.reset()
    lex = lexicon.load()
    assert lex.fingerprint == lexicon.fingerprint() and lex.roots


def test_fingerprint_follows_the_data(tmp_path, monkeypatch):
    import shutil

    from modulfix.resources import dictionaries_dir

    copy = tmp_path / "dictionaries"
    shutil.copytree(dictionaries_dir(), copy)
    monkeypatch.setenv("MODULFIX_DICTIONARIES", str(copy))
    before = lexicon.fingerprint()
    with open(copy / "words.txt", "a", encoding="utf-8") as fh:
        fh.write("zzzkata\n")
    assert lexicon.fingerprint() != before


def test_unwritable_cache_dir_is_not_an_error(tmp_path, monkeypatch):
    target = tmp_path / "file-not-dir"
    target.write_text("x")
    monkeypatch.setenv("MODULFIX_CACHE_DIR", str(target / "sub"))
    lexicon.reset()
    try:
        assert lexicon.load().roots
    finally:
        lexicon.reset()
