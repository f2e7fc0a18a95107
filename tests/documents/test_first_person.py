"""Mechanical grammar of the letter: the person's sentences in the first person, each change named."""

from __future__ import annotations

import pytest

from tailor.documents.first_person import first_person_sentences


@pytest.mark.parametrize(
    ("bullet", "text", "rule"),
    [
        ("Served as the owner of the stack.", "served as the owner of the stack", "first-person"),
        ("Leads a C++ guild.", "lead a C++ guild", "first-person present: Leads -> lead"),
        ("I have mentored three interns.", "I have mentored three interns", None),
        ("Caffe2 models for detection.", "Caffe2 models for detection", None),
    ],
)
def test_a_sentence_becomes_first_person_and_says_how(bullet: str, text: str, rule: str | None) -> None:
    (sentence,) = first_person_sentences(bullet)
    assert (sentence.text, sentence.rule) == (text, rule)


def test_link_labels_in_a_tool_list_are_dropped_tools_kept() -> None:
    (sentence,) = first_person_sentences("Launched visual search for outfits (python, blog post).")
    assert sentence.text == "launched visual search for outfits (python)"
    assert sentence.rule == "link labels dropped; first-person"
    (alone,) = first_person_sentences("Wrote a popular tutorial (blog post).")
    assert alone.text == "wrote a popular tutorial"
    (tools,) = first_person_sentences("Trained detection models (Caffe2, pytorch, C++).")
    assert tools.text == "trained detection models (Caffe2, pytorch, C++)"
