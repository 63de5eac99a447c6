"""The overview's attention list by topic: every line in exactly one group, the groups
most urgent first, each keeping its lines' urgency order, with its counts."""

from __future__ import annotations

from datetime import date, timedelta

from itsms_tui.services.attention import (
    AttentionItem,
    Topic,
    Urgency,
    attention_items,
    group_by_topic,
    urgency_order,
)
from itsms_tui.services.workspace import Workspace

DEMO_TODAY = date(2026, 3, 2)


def line(topic: Topic, urgency: Urgency, record_id: str, days: int | None = None) -> AttentionItem:
    due = DEMO_TODAY + timedelta(days=days) if days is not None else None
    return AttentionItem(topic, urgency, record_id, record_id, "why", days=days, due=due)


def test_groups_follow_their_most_urgent_line_and_keep_line_order() -> None:
    items = urgency_order(
        [
            line(Topic.CHANGE_APPROVAL, Urgency.AMBER, "CHG-0001"),
            line(Topic.CANCEL_BY, Urgency.AMBER, "AGR-0002", days=10),
            line(Topic.ACTION, Urgency.RED, "ACN-0001", days=-3),
            line(Topic.CANCEL_BY, Urgency.RED, "AGR-0001", days=-1),
            line(Topic.ACTION, Urgency.RED, "ACN-0002", days=-30),
        ]
    )
    groups = group_by_topic(items)
    assert [g.topic for g in groups] == [Topic.ACTION, Topic.CANCEL_BY, Topic.CHANGE_APPROVAL]
    assert [i.record_id for i in groups[0].items] == ["ACN-0002", "ACN-0001"]
    assert [i.record_id for i in groups[1].items] == ["AGR-0001", "AGR-0002"]
    assert (groups[0].red, groups[0].overdue, groups[0].urgency) == (2, 2, Urgency.RED)
    assert (groups[1].red, groups[1].overdue) == (1, 1)
    assert (groups[2].red, groups[2].overdue, groups[2].urgency) == (0, 0, Urgency.AMBER)


def test_on_the_demo_every_line_is_in_its_topics_group_once() -> None:
    workspace = Workspace.open_demo(today=lambda: DEMO_TODAY)
    items = attention_items(workspace.data(), DEMO_TODAY)
    groups = group_by_topic(items)
    assert sum(len(g.items) for g in groups) == len(items)
    assert len({g.topic for g in groups}) == len(groups)
    for group in groups:
        assert all(i.topic is group.topic for i in group.items)
    assert sum(g.red for g in groups) == sum(1 for i in items if i.urgency is Urgency.RED)
