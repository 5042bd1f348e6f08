"""core.search: the tokens and the queries built from a keyword (the index itself is tested with the posts it
serves, tests/traineeships/test_post_search.py)."""

import pytest

from core import search


def test_tokens_are_bigrams_of_each_field_with_a_break_between():
    assert search.tokens_for("会计", "甲") == "aaepbkaailkb aailkbaaaaaa zz aahfdcaaaaaa"
    assert search.tokens_for("", "甲") == "aahfdcaaaaaa"
    assert search.terms_of("  会计\u3000ＡＩ  ") == ["会计", "ai"]


def test_queries_on_both_databases():
    assert search.fts5_query(["会计", "护"]) == '"aaepbkaailkb" AND aagcke*'
    assert search.tsquery(["会计师", "护"]) == "(aaepbkaailkb <-> aailkbaafoai) & aagcke:*"
    assert search.fts5_query(search.terms_of("")) == ""


def test_tags_follow_the_texts_and_are_asked_with_the_terms():
    tags = (search.tag("c", "410100"), search.tag("w", "410105"))
    assert tags == ("zc410100", "zw410105")
    assert (search.tokens_for("会计", "甲", tags=tags)
            == "aaepbkaailkb aailkbaaaaaa zz aahfdcaaaaaa zz zc410100 zw410105")
    assert search.tokens_for("", "", tags=tags) == "zc410100 zw410105"
    assert search.fts5_query(["会计"], tags) == '"aaepbkaailkb" AND zc410100 AND zw410105'
    assert search.tsquery(["护"], tags[:1]) == "aagcke:* & zc410100"


@pytest.mark.parametrize("kind, value", [("z", "410100"), ("cc", "410100"), ("c", ""), ("c", "41 01"),
                                         ("c", "A410"), ("c", '1" OR x'), ("c", "1" * 33)])
def test_a_tag_is_one_token_no_keyword_produces(kind, value):
    with pytest.raises(ValueError):
        search.tag(kind, value)


def test_no_keyword_term_becomes_a_tag():
    # A visitor typing a tag's text searches its characters' bigrams, never the tag token.
    assert "zc410100" not in search.fts5_query(search.terms_of("zc410100"))
    assert all(set(token) <= set("abcdefghijklmnop") for token in search.tokens_for("zc410100 zz").split()
               if token != search.FIELD_BREAK)
