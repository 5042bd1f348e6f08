"""core.search: the tokens and the queries built from a keyword (the index itself is tested with the posts it
serves, tests/traineeships/test_post_search.py)."""

from core import search


def test_tokens_are_bigrams_of_each_field_with_a_break_between():
    assert search.tokens_for("会计", "甲") == "aaepbkaailkb aailkbaaaaaa zz aahfdcaaaaaa"
    assert search.tokens_for("", "甲") == "aahfdcaaaaaa"
    assert search.terms_of("  会计\u3000ＡＩ  ") == ["会计", "ai"]


def test_queries_on_both_databases():
    assert search.fts5_query(["会计", "护"]) == '"aaepbkaailkb" AND aagcke*'
    assert search.tsquery(["会计师", "护"]) == "(aaepbkaailkb <-> aailkbaafoai) & aagcke:*"
    assert search.fts5_query(search.terms_of("")) == ""
