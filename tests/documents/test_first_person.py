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


def test_clauses_after_a_semicolon_become_sentences_or_are_left_out_and_say_so() -> None:
    split = first_person_sentences("Established a research plan on X; designed networks for Y.")
    assert [(s.text, s.rule) for s in split] == [
        ("established a research plan on X", "first-person"),
        ("designed networks for Y", "clause split; first-person"),
    ]
    (kept,) = first_person_sentences("Owned the distillation project; implement and experiment approaches.")
    assert (kept.text, kept.rule) == ("owned the distillation project", "first-person; clause left out")
    (joined,) = first_person_sentences("Established code review; communication practices and a culture.")
    assert joined.text == "established code review; communication practices and a culture"


def test_a_cv_label_sentence_and_a_tool_list_stay_out_of_a_letter() -> None:
    (sentence,) = first_person_sentences(
        "Leads a C++ guild. Duties include: fixing build issues, migrations. (C++, jenkins, thrift)",
        drop_tools=True,
    )
    assert sentence.text == "lead a C++ guild"
    assert sentence.rule == "first-person present: Leads -> lead; label sentence left out"
