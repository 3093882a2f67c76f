"""`@dataclass` for the modules every `fieldkit search` imports, without importing `dataclasses`.

`dataclasses` imports `inspect`, and with it ast, dis, tokenize, linecache and more: about 10 ms of every CLI run,
and it spends another half millisecond on each class it makes (code compiled for six methods, a signature for
the docstring). The classes a search needs (the store's, the content-type registry's, the CLI's) use this instead:

    from fieldkit.core.records import dataclass, field

gives a class what `dataclasses.dataclass` would for the options used here: the same __init__ (fields by position
or name, defaults, `field(default_factory=...)`, `__post_init__`), __repr__, __eq__ (same class, fields in order),
__hash__ (frozen: by the fields' values; otherwise none: unhashable, as dataclasses' default), __match_args__, and a
frozen instance refuses assignment and deletion (FrozenInstanceError, an AttributeError) with the same messages.
`replace`, `fields` and `asdict` work on these classes as dataclasses' do (and pass a real dataclass on to
dataclasses). Methods the class defines itself are kept, as dataclasses keeps them. Options beyond `frozen`, and
ClassVar or InitVar fields, are refused rather than half-supported. tests/test_records.py holds every behaviour
against `dataclasses` itself. One difference no code here sees: until a class's first instance is made,
`inspect.signature` shows its __init__ as `(*args, **kwargs)` (see `_first_init`).

To a type checker these are dataclasses (it reads the `dataclasses` import below), so mypy checks every use of
them as it would check real ones. Everywhere else in fieldkit, use `dataclasses`.
"""

from __future__ import annotations

from operator import attrgetter
from reprlib import recursive_repr

__all__ = ["FrozenInstanceError", "asdict", "dataclass", "field", "fields", "is_record", "replace"]

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads any name TYPE_CHECKING so)
if TYPE_CHECKING:
    from dataclasses import FrozenInstanceError, asdict, dataclass, field, fields, replace
    from dataclasses import is_dataclass as is_record
else:
    _FIELDS = "__record_fields__"

    class _Missing:
        def __repr__(self):
            return "MISSING"

    _MISSING = _Missing()
    _FACTORY = _Missing()  # the default of a default_factory parameter: "call the factory"
    _UNSUPPORTED = ("ClassVar", "typing.ClassVar", "InitVar", "dataclasses.InitVar", "KW_ONLY", "dataclasses.KW_ONLY")
    _PLAIN = (str, int, float, bool, type(None), bytes)  # asdict returns these as they are (deepcopy would too)

    class FrozenInstanceError(AttributeError):
        """Assigning to or deleting a field of a frozen instance."""

    class Field:
        """One field: its name, and its default or default_factory (each MISSING when not given)."""

        __slots__ = ("name", "default", "default_factory")

        def __init__(self, default, default_factory):
            self.name = None
            self.default = default
            self.default_factory = default_factory

        def __repr__(self):
            return f"Field(name={self.name!r},default={self.default!r},default_factory={self.default_factory!r})"

    def field(*, default=_MISSING, default_factory=_MISSING):
        if default is not _MISSING and default_factory is not _MISSING:
            raise ValueError("cannot specify both default and default_factory")
        return Field(default, default_factory)

    def dataclass(cls=None, /, *, frozen=False):
        def wrap(cls):
            return _process(cls, frozen)

        return wrap if cls is None else wrap(cls)

    def is_record(obj):
        """Whether `obj` is a class made here, or an instance of one."""
        return hasattr(obj if isinstance(obj, type) else type(obj), _FIELDS)

    def _real(obj):
        """Whether `obj` is a real dataclass or one's instance: `fields`, `replace` and `asdict` pass it on."""
        return hasattr(obj if isinstance(obj, type) else type(obj), "__dataclass_fields__")

    def fields(class_or_instance):
        if _real(class_or_instance):
            import dataclasses

            return dataclasses.fields(class_or_instance)
        try:
            return getattr(class_or_instance, _FIELDS)
        except AttributeError:
            raise TypeError("must be called with a dataclass type or instance") from None

    def replace(obj, /, **changes):
        if _real(obj) and not isinstance(obj, type):
            import dataclasses

            return dataclasses.replace(obj, **changes)
        if isinstance(obj, type) or not is_record(obj):
            raise TypeError("replace() should be called on dataclass instances")
        for spec in fields(obj):
            if spec.name not in changes:
                changes[spec.name] = getattr(obj, spec.name)
        return obj.__class__(**changes)

    def asdict(obj, *, dict_factory=dict):
        if _real(obj) and not isinstance(obj, type):
            import dataclasses

            return dataclasses.asdict(obj, dict_factory=dict_factory)
        if isinstance(obj, type) or not is_record(obj):
            raise TypeError("asdict() should be called on dataclass instances")
        return _asdict(obj, dict_factory)

    def _asdict(obj, dict_factory):
        if is_record(obj) and not isinstance(obj, type):
            return dict_factory([(spec.name, _asdict(getattr(obj, spec.name), dict_factory)) for spec in fields(obj)])
        if type(obj) in _PLAIN:
            return obj
        if _real(obj) and not isinstance(obj, type):
            import dataclasses  # a real dataclass inside one of these: only dataclasses knows its fields

            return dataclasses.asdict(obj, dict_factory=dict_factory)
        if isinstance(obj, tuple) and hasattr(obj, "_fields"):  # a named tuple keeps its type
            return type(obj)(*[_asdict(value, dict_factory) for value in obj])
        if isinstance(obj, (list, tuple)):
            return type(obj)(_asdict(value, dict_factory) for value in obj)
        if isinstance(obj, dict):
            return type(obj)((_asdict(key, dict_factory), _asdict(value, dict_factory)) for key, value in obj.items())
        import copy  # what dataclasses.asdict does with any other value

        return copy.deepcopy(obj)

    def _process(cls, frozen):
        specs = {}
        for base in reversed(cls.__mro__[1:]):
            for spec in getattr(base, _FIELDS, ()):
                specs[spec.name] = spec
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if isinstance(annotation, str) and annotation.split("[")[0].strip() in _UNSUPPORTED:
                raise TypeError(f"{cls.__name__}.{name}: {annotation} fields are not supported by fieldkit.core.records")
            value = cls.__dict__.get(name, _MISSING)
            spec = value if isinstance(value, Field) else Field(value, _MISSING)
            spec.name = name
            if type(spec.default).__hash__ is None:  # a list, dict or set shared by every instance
                raise ValueError(f"mutable default {type(spec.default)} for field {name} is not allowed: use "
                                 "default_factory")
            if spec.default is not _MISSING:
                setattr(cls, name, spec.default)
            elif isinstance(value, Field):
                delattr(cls, name)
            specs[name] = spec
        ordered = tuple(specs.values())
        _check_order(ordered)
        setattr(cls, _FIELDS, ordered)
        names = tuple(spec.name for spec in ordered)
        _add(cls, "__init__", _first_init(cls, ordered, frozen))
        _add(cls, "__repr__", _repr(cls, names))
        _add(cls, "__eq__", _eq(cls, names))
        _set_hash(cls, names, frozen)
        _add(cls, "__match_args__", names)
        if frozen:
            _freeze(cls, frozenset(names))
        return cls

    def _check_order(specs):
        defaulted = False
        for spec in specs:
            if spec.default is _MISSING and spec.default_factory is _MISSING:
                if defaulted:
                    raise TypeError(f"non-default argument {spec.name!r} follows default argument")
            else:
                defaulted = True

    def _add(cls, name, value):
        """Set `name` on `cls` unless the class body defined it (dataclasses keeps those too)."""
        if name not in cls.__dict__:
            if callable(value):
                value.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, value)

    def _first_init(cls, specs, frozen):
        """The class's __init__ until its first instance: compiles the real one (`_init`), puts it on the class
        and runs it. Compiling costs about 0.1 ms a class; a search imports classes it never makes (Entry,
        Citation, Link, ...). The real one takes the same arguments and gives the same errors."""

        def __init__(self, *args, **kwargs):
            real = _init(cls, specs, frozen)
            real.__qualname__ = f"{cls.__qualname__}.__init__"
            if cls.__dict__.get("__init__") is __init__:
                cls.__init__ = real
            real(self, *args, **kwargs)

        return __init__

    def _init(cls, specs, frozen):
        """__init__ compiled once per class, as dataclasses compiles it: calls cost the same as a real one's."""
        self_name = "__dataclass_self__" if "self" in {spec.name for spec in specs} else "self"
        namespace = {"_FACTORY": _FACTORY, "_setattr": object.__setattr__}
        parameters, lines = [], []
        for spec in specs:
            name = spec.name
            if spec.default_factory is not _MISSING:
                namespace[f"_factory_{name}"] = spec.default_factory
                parameters.append(f"{name}=_FACTORY")
                value = f"_factory_{name}() if {name} is _FACTORY else {name}"
            elif spec.default is not _MISSING:
                namespace[f"_default_{name}"] = spec.default
                parameters.append(f"{name}=_default_{name}")
                value = name
            else:
                parameters.append(name)
                value = name
            lines.append(f"_setattr({self_name}, {name!r}, {value})" if frozen else f"{self_name}.{name} = {value}")
        if hasattr(cls, "__post_init__"):
            lines.append(f"{self_name}.__post_init__()")
        source = f"def __init__({', '.join([self_name, *parameters])}):\n    " + "\n    ".join(lines or ["pass"])
        exec(source, namespace)
        return namespace["__init__"]

    def _values(names):
        """A function giving an instance's field values as a tuple (attrgetter: in C)."""
        if len(names) > 1:
            return attrgetter(*names)
        if names:
            one = attrgetter(names[0])
            return lambda obj: (one(obj),)
        return lambda obj: ()

    def _repr(cls, names):
        @recursive_repr()
        def __repr__(self):
            return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in names)})"

        return __repr__

    def _eq(cls, names):
        values = _values(names)

        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return values(self) == values(other)
            return NotImplemented

        return __eq__

    def _set_hash(cls, names, frozen):
        """dataclasses' rule for eq=True: a hash by value when frozen, else none; one the class wrote stays."""
        own = cls.__dict__.get("__hash__", _MISSING)
        if own is not _MISSING and not (own is None and "__eq__" in cls.__dict__):
            return
        if frozen:
            values = _values(names)

            def __hash__(self):
                return hash(values(self))

            __hash__.__qualname__ = f"{cls.__qualname__}.__hash__"
            cls.__hash__ = __hash__
        else:
            cls.__hash__ = None

    def _freeze(cls, names):
        if "__setattr__" in cls.__dict__ or "__delattr__" in cls.__dict__:
            raise TypeError(f"Cannot overwrite attribute __setattr__ in class {cls.__name__}")

        def __setattr__(self, name, value):
            if type(self) is cls or name in names:
                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            super(cls, self).__setattr__(name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in names:
                raise FrozenInstanceError(f"cannot delete field {name!r}")
            super(cls, self).__delattr__(name)

        _add(cls, "__setattr__", __setattr__)
        _add(cls, "__delattr__", __delattr__)
