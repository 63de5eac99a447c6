"""Three-way merge of a stale edit: only fields both sides changed differently conflict."""

from __future__ import annotations

from itsms_tui.domain.edit_merge import Side, merge_content, merge_records, merged_record
from itsms_tui.domain.suppliers import Contact, Supplier


def _supplier(**changes: object) -> Supplier:
    base = Supplier(
        id="SUP-0001",
        revision=1,
        name="Acme Hosting",
        category="Hosting",
        contacts=[Contact(name="Ann", role="Account manager")],
    )
    return base.model_copy(update=changes)


def test_fields_each_side_changed_alone_merge_both() -> None:
    base = _supplier()
    theirs = _supplier(category="Cloud", revision=2)
    mine = _supplier(relationship_owner="PER-0017")
    merge = merge_records(base, theirs, mine)
    assert merge.clean
    assert merge.theirs_changed == ("category",)
    assert merge.mine_changed == ("relationship_owner",)
    record = merged_record(theirs, merge.resolved())
    assert (record.category, record.relationship_owner, record.revision) == ("Cloud", "PER-0017", 2)


def test_a_field_both_changed_differently_is_the_only_conflict() -> None:
    base = _supplier()
    theirs = _supplier(name="Acme Cloud", category="Cloud", revision=2)
    mine = _supplier(name="Acme Ltd", notes="mine")
    merge = merge_records(base, theirs, mine)
    assert [c.name for c in merge.conflicts] == ["name"]
    conflict = merge.conflicts[0]
    assert (conflict.base, conflict.theirs, conflict.mine) == (
        "Acme Hosting",
        "Acme Cloud",
        "Acme Ltd",
    )
    assert merge.resolved()["name"] == "Acme Ltd"  # default: mine
    picked = merge.resolved({"name": Side.THEIRS})
    assert (picked["name"], picked["category"], picked["notes"]) == ("Acme Cloud", "Cloud", "mine")
    assert merge.resolved({"name": Side.BASE})["name"] == "Acme Hosting"


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    merge = merge_records(_supplier(), _supplier(category="Cloud"), _supplier(category="Cloud"))
    assert merge.clean and merge.both_same == ("category",)
    assert merge.resolved()["category"] == "Cloud"


def test_nested_lists_compare_by_content() -> None:
    base = _supplier()
    same_contact_copy = _supplier(contacts=[Contact(name="Ann", role="Account manager")])
    theirs = _supplier(contacts=[Contact(name="Ann", role="Director")])
    # My edit rebuilt an equal contact list: not a change, so theirs is kept.
    merge = merge_records(base, theirs, same_contact_copy)
    assert merge.clean and merge.theirs_changed == ("contacts",)
    assert merge.resolved()["contacts"][0]["role"] == "Director"
    # Both edited the contact list differently: one conflict on the whole list.
    mine = _supplier(contacts=[Contact(name="Ann", role="Account manager"), Contact(name="Cy")])
    merge = merge_records(base, theirs, mine)
    assert [c.name for c in merge.conflicts] == ["contacts"]
    assert len(merge.resolved()["contacts"]) == 2


def test_a_field_absent_from_one_version_counts_as_none() -> None:
    merge = merge_content({"a": 1}, {"a": 1, "b": 2}, {"a": 3})
    assert merge.clean
    assert merge.resolved() == {"a": 3, "b": 2}


def test_without_a_base_every_differing_field_is_a_conflict() -> None:
    merge = merge_records(None, _supplier(category="Cloud"), _supplier(notes="mine"))
    assert sorted(c.name for c in merge.conflicts) == ["category", "notes"]
    assert merge.resolved({"category": Side.THEIRS})["category"] == "Cloud"
