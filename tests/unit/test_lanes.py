"""The lanes' rules on their own: a client's rate over a sliding minute, the model's FIFO line and its bound."""

from __future__ import annotations

import threading

import pytest

from football_rag.app.lanes import FIRST_GUESS_S, Busy, ClientRate, ModelLine, RateLimited, Waiting
from football_rag.rag.conversation import ConversationCache


def test_a_client_gets_its_share_a_minute_and_others_theirs(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000.0]
    monkeypatch.setattr("football_rag.app.lanes.time.monotonic", lambda: now[0])
    rate = ClientRate(per_minute=2)
    rate.admit("a")
    now[0] += 20
    rate.admit("a")
    rate.admit("b")  # another client has its own share
    with pytest.raises(RateLimited) as refused:
        rate.admit("a")
    assert refused.value.retry_after_s == 40  # the first question leaves the window 60 s after it was asked
    now[0] += 40
    rate.admit("a")  # it has left: one more


def test_the_line_is_first_come_first_served_and_bounded() -> None:
    line = ModelLine(max_waiting=2)
    first, second, third = line.join(), line.join(), line.join()
    with pytest.raises(Busy) as busy:
        line.join()
    assert busy.value.retry_after_s == 3 * FIRST_GUESS_S  # three answers ahead, none measured yet
    assert [line.ahead_of(t) for t in (first, second, third)] == [0, 1, 2]
    assert line.wait(first, 0) and not line.wait(second, 0)
    order: list[str] = []
    done = threading.Thread(target=lambda: (line.wait(third, 10), order.append("third")))
    done.start()
    line.leave(second)  # a visitor who gave up: the third moves up, but the first still generates
    assert line.ahead_of(third) == 1 and not line.wait(third, 0.05)
    order.append("first")
    line.leave(first)
    done.join(10)
    assert order == ["first", "third"] and len(line) == 1


def test_a_waiting_ticket_reports_its_place_until_its_turn() -> None:
    line = ModelLine(max_waiting=4)
    generating = line.join()
    with line.join() as ticket:
        places = ticket.places()
        assert next(places) == Waiting(ahead=1, expected_s=int(FIRST_GUESS_S))
        line.leave(generating)
        assert list(places) == []  # its turn: no more places
    assert len(line) == 0


def test_conversations_are_bounded_and_expire() -> None:
    now = [0.0]
    conversations = ConversationCache(size=2, ttl_s=3600, timer=lambda: now[0])
    ids = [conversations.new_id() for _ in range(3)]
    for conversation_id in ids:
        conversations.put(conversation_id, None)
        now[0] += 1000
    assert ids[0] not in conversations and ids[1] in conversations and len(conversations) == 2  # the oldest went
    now[0] += 1700  # ids[1] was last used 3,700 s ago, ids[2] 2,700 s ago
    assert ids[1] not in conversations and ids[2] in conversations
