"""fieldkit.core.records gives a class what dataclasses would: each behaviour here against dataclasses itself."""

from __future__ import annotations

import dataclasses

import pytest

from fieldkit.core import records


def make(module):
    """The same classes, made by dataclasses or by records."""

    @module.dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0

        @property
        def total(self) -> int:
            return self.x + self.y

    @module.dataclass
    class Bag:
        name: str
        items: list[str] = module.field(default_factory=list)
        points: tuple[Point, ...] = ()
        extra: dict[str, object] = module.field(default_factory=dict)
        note: str | None = None

    @module.dataclass
    class Counted:
        words: list[str] = module.field(default_factory=list)
        seen: dict[str, int] = module.field(default_factory=dict)

        def __post_init__(self) -> None:
            for word in self.words:
                self.seen[word] = self.seen.get(word, 0) + 1

    @module.dataclass(frozen=True)
    class Empty:
        pass

    @module.dataclass(frozen=True)
    class OwnRepr:
        a: int

        def __repr__(self) -> str:
            return "own"

    class Sub(Counted):  # not decorated again: inherits the fields and methods
        def __init__(self, extra: str) -> None:
            super().__init__(words=[extra])

    return Point, Bag, Counted, Empty, OwnRepr, Sub


REAL, MINE = make(dataclasses), make(records)


def both(index):
    return [REAL[index], MINE[index]]


def outcome(call):
    """What a call gives: its value, or the exception's type and message."""
    try:
        return ("value", call())
    except Exception as problem:  # noqa: BLE001 (the kind of failure is what is compared)
        return ("raised", type(problem).__mro__[1] if type(problem).__name__ == "FrozenInstanceError" else type(problem),
                str(problem))


@pytest.mark.parametrize("args, kwargs", [((1,), {}), ((1, 2), {}), ((), {"x": 3}), ((1,), {"y": 5}), ((), {}),
                                         ((1, 2, 3), {}), ((1,), {"x": 2}), ((1,), {"z": 2})])
def test_init_repr_eq_hash_of_a_frozen_class(args, kwargs):
    real, mine = both(0)
    made = [outcome(lambda cls=cls: cls(*args, **kwargs)) for cls in (real, mine)]
    assert [m[0] for m in made][0] == made[1][0]
    if made[0][0] == "raised":
        assert made[0][1:] == made[1][1:]
        return
    a, b = made[0][1], made[1][1]
    assert repr(a) == repr(b)
    assert hash(a) == hash(b)
    assert (a == real(*args, **kwargs)) and (b == mine(*args, **kwargs))
    assert b != mine(b.x + 1, b.y) and b != (b.x, b.y) and a.total == b.total
    assert real.__match_args__ == mine.__match_args__ == ("x", "y")


def test_a_frozen_instance_refuses_changes_as_dataclasses_does():
    for cls in both(0):
        point = cls(1, 2)
        with pytest.raises(AttributeError, match="cannot assign to field 'x'"):
            point.x = 5
        with pytest.raises(AttributeError, match="cannot assign to field 'z'"):
            point.z = 5
        with pytest.raises(AttributeError, match="cannot delete field 'y'"):
            del point.y
        assert (point.x, point.y) == (1, 2)
    assert issubclass(records.FrozenInstanceError, AttributeError)


def test_mutable_classes_default_factories_and_no_hash():
    for cls in both(1):
        first, second = cls("a"), cls("a")
        first.items.append("x")
        assert second.items == [] and first != second
        first.note = "changed"
        assert first.note == "changed"
        with pytest.raises(TypeError, match="unhashable"):
            hash(first)
    real, mine = both(1)
    assert repr(real("a", ["x"], note="n")) == repr(mine("a", ["x"], note="n"))


def test_post_init_runs_after_the_fields_are_set_and_subclasses_inherit():
    real, mine = both(2)
    assert real(["a", "b", "a"]).seen == mine(["a", "b", "a"]).seen == {"a": 2, "b": 1}
    real_sub, mine_sub = REAL[5], MINE[5]
    assert real_sub("q").seen == mine_sub("q").seen == {"q": 1}
    assert repr(real_sub("q")) == repr(mine_sub("q"))
    assert mine_sub("q") == mine_sub("q") and mine_sub("q") != mine(["q"])  # another class: not equal
    assert real_sub("q") != real(["q"])


def test_a_class_without_fields_and_a_method_of_its_own():
    real_empty, mine_empty = both(3)
    assert repr(real_empty()) == repr(mine_empty()) and hash(real_empty()) == hash(mine_empty())
    assert mine_empty() == mine_empty()
    assert repr(REAL[4](1)) == repr(MINE[4](1)) == "own"


def test_replace_fields_and_asdict():
    for module, (point, bag, *_rest) in ((dataclasses, REAL), (records, MINE)):
        moved = module.replace(point(1, 2), y=7)
        assert (moved.x, moved.y) == (1, 7)
        with pytest.raises(TypeError):
            module.replace(point(1, 2), z=1)
        assert [spec.name for spec in module.fields(point)] == ["x", "y"]
        assert [spec.name for spec in module.fields(bag("a"))] == ["name", "items", "points", "extra", "note"]
        with pytest.raises(TypeError):
            module.fields(object())
    real_point, real_bag, *_ = REAL
    mine_point, mine_bag, *_ = MINE
    real_value = dataclasses.asdict(real_bag("a", ["i"], (real_point(1),), {"k": [real_point(2, 3)], "t": (1, "x")}))
    mine_value = records.asdict(mine_bag("a", ["i"], (mine_point(1),), {"k": [mine_point(2, 3)], "t": (1, "x")}))
    assert real_value == mine_value == {"name": "a", "items": ["i"], "points": ({"x": 1, "y": 0},),
                                        "extra": {"k": [{"x": 2, "y": 3}], "t": (1, "x")}, "note": None}
    original = mine_bag("a", ["i"])
    copied = records.asdict(original)
    copied["items"].append("j")
    assert original.items == ["i"]  # a copy, as dataclasses gives


def test_what_is_not_supported_is_refused():
    with pytest.raises(ValueError, match="mutable default"):
        @records.dataclass
        class Shared:
            items: list[str] = []  # noqa: RUF012

    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):
        @records.dataclass
        class Order:
            a: int = 1
            b: int

    with pytest.raises(TypeError, match="not supported"):
        @records.dataclass
        class Constant:
            LIMIT: ClassVar[int] = 3  # noqa: F821

    with pytest.raises(ValueError, match="both default and default_factory"):
        records.field(default=1, default_factory=list)



def test_is_record():
    point = MINE[0]
    assert records.is_record(point) and records.is_record(point(1))
    assert not records.is_record(REAL[0](1)) and not records.is_record(object())


def test_a_real_dataclass_is_passed_on_to_dataclasses():
    real_point, real_bag, *_ = REAL
    point = real_point(1, 2)
    assert records.replace(point, y=5) == real_point(1, 5)
    assert [spec.name for spec in records.fields(point)] == ["x", "y"]
    assert records.asdict(real_bag("a", ["i"], (point,))) == dataclasses.asdict(real_bag("a", ["i"], (point,)))


@pytest.mark.parametrize("args, kwargs", [((), {}), ((1, 2, 3), {}), ((1,), {"x": 2}), ((1,), {"z": 2})])
def test_a_first_instance_made_wrongly_fails_as_dataclasses_does(args, kwargs):
    """The first call compiles the class's __init__ (records._first_init): its errors are the real one's."""
    real, mine = make(dataclasses)[0], make(records)[0]
    made = [outcome(lambda cls=cls: cls(*args, **kwargs)) for cls in (real, mine)]
    assert made[0] == made[1] and made[0][0] == "raised"
    assert repr(mine(1)) == repr(real(1))
