"""The grounding check catches planted wrong numbers and names, and keeps what the facts support."""

from __future__ import annotations

from football_rag.rag.grounding import Evidence, NameMatcher, ground, numbers_in, split_sentences, whole_sentences

FACTS = Evidence(
    (
        "Arsenal 4-1 Tottenham on 2025-11-23 at Emirates Stadium.",
        "Scorers: Leandro Trossard 36', Eberechi Eze 41', 46', 76' (3 goals); Richarlison 55' for Tottenham.",
        "Shots: Arsenal 16, Tottenham 7. Possession 62.4% to 37.6%. xG 2.35 to 0.61.",
    )
)
NAMES = NameMatcher(
    ["Arsenal", "Tottenham", "Eberechi Eze", "Leandro Trossard", "Richarlison", "Bukayo Saka", "Chelsea"]
)


def test_numbers_in_reads_scores_decimals_minutes_and_words() -> None:
    assert numbers_in("Won 4-1 with 62.4% and a goal at 36', four shots, 1,234 fans") == [4, 1, 62.4, 36, 1234, 4]


def test_supported_answer_passes_untouched() -> None:
    answer = "Arsenal beat Tottenham 4-1. Eberechi Eze scored three times, at 41', 46' and 76'."
    result = ground(answer, FACTS, NAMES, fallback="x")
    assert result.grounded and result.unsupported == () and result.text == answer


def test_planted_wrong_number_is_removed() -> None:
    answer = "Arsenal beat Tottenham 4-1. Arsenal had 14 shots. Possession was 62.4%."
    result = ground(answer, FACTS, NAMES, fallback="x")
    assert result.unsupported == ("14",)
    assert result.text == "Arsenal beat Tottenham 4-1. Possession was 62.4%."
    assert result.grounded


def test_unsupported_name_is_removed() -> None:
    result = ground("Bukayo Saka scored the opener. Eze scored three.", FACTS, NAMES, fallback="x")
    assert result.unsupported == ("Bukayo Saka",)
    assert result.text == "Eze scored three."


def test_nothing_left_falls_back_to_the_templated_facts() -> None:
    fallback = "Arsenal 4-1 Tottenham on 2025-11-23 at Emirates Stadium."
    result = ground("Chelsea won 2-0.", FACTS, NAMES, fallback=fallback)
    assert result.text == fallback and result.grounded
    assert set(result.unsupported) == {"2", "0", "Chelsea"}


def test_decimals_do_not_split_sentences() -> None:
    assert split_sentences("xG was 2.35 to 0.61. Arsenal won.") == ["xG was 2.35 to 0.61.", "Arsenal won."]


def test_a_repeated_sentence_is_shown_once() -> None:
    # Qwen2.5 1.5B repeated two sentences word for word in an answer about Arsenal 5-0 Leeds.
    answer = "Arsenal beat Tottenham 4-1. Possession was 62.4%. Arsenal beat Tottenham 4-1. Possession was 62.4%."
    result = ground(answer, FACTS, NAMES, fallback="x")
    assert result.text == "Arsenal beat Tottenham 4-1. Possession was 62.4%."
    assert result.grounded and result.unsupported == ()


def test_an_ordinal_minute_is_checked_like_any_number() -> None:
    # Qwen2.5 1.5B on Liverpool 4-2 Bournemouth: neither minute is a goal minute of the facts given.
    result = ground("Liverpool scored the first goal in the 15th minute. Eze scored three.", FACTS, NAMES, fallback="x")
    assert result.unsupported == ("15th",) and result.text == "Eze scored three."
    assert numbers_in("the 41st minute, the 2nd goal") == [41, 2]


def test_an_answer_cut_by_the_token_limit_keeps_its_whole_sentences() -> None:
    # An answer stopped by a prompt's token limit (answer@v6: 80) ends mid-sentence; a decimal's point ends none.
    cut = "Chelsea led the xG race from 19'. After the red card Fulham took 13 shots to 11 and had 0.72"
    assert whole_sentences(cut) == "Chelsea led the xG race from 19'."
    assert whole_sentences("Fulham won. Chelsea pressed harder!") == "Fulham won. Chelsea pressed harder!"
    assert whole_sentences("Fulham had 0.87 xG and") == ""
    # answer@v7 on Liverpool 4-2 Bournemouth stopped inside "1.33": the point after a digit at the cut ends nothing.
    cut = "The match turned on Big chances at 39'. Liverpool led the xG race from 39', finishing with 1.97 xG to 1."
    assert whole_sentences(cut) == "The match turned on Big chances at 39'."
