"""Split a content file into YAML front matter and a Markdown body, keeping line numbers for messages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

# libyaml's C parser where PyYAML was built with it (2.5x faster checks at scale), else the pure-Python one.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _BadValue(Exception):
    """A value YAML reads but Python cannot hold (2026-02-30); `mark` is where it is."""

    def __init__(self, mark: Any, message: str):
        super().__init__(message)
        self.mark = mark
        self.message = message


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader, with an impossible date reported where it is instead of raised as a bare ValueError."""

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as error:
            raise _BadValue(node.start_mark, f"{node.value!r} is not a real date ({error})") from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)

Path_ = tuple[Any, ...]  # a location inside the front matter: ("sources", 0, "quote")


class FrontMatterError(ValueError):
    """The file has no readable front matter. `line` is 1-based, in the file."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class FrontMatter:
    data: dict[str, Any]
    body: str
    body_line: int  # the file line on which the body starts
    lines: Mapping[Path_, int] = field(default_factory=dict)  # location -> file line
    duplicate_keys: list[tuple[str, int]] = field(default_factory=list)

    def line_of(self, *location: Any) -> int:
        """The file line of a field or list item, or of its nearest enclosing one, or 1."""
        path = tuple(location)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


def parse(text: str) -> FrontMatter:
    """Parse `---\\n<yaml>\\n---\\n<markdown>`. Raises FrontMatterError with the line of the problem."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise FrontMatterError(1, "the file must start with a '---' line opening the front matter")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    except StopIteration:
        raise FrontMatterError(1, "the front matter opened on line 1 is never closed with a '---' line") from None

    data, line_map, duplicates = parse_yaml("\n".join(lines[1:end]), first_line=2)
    if not isinstance(data, dict):
        raise FrontMatterError(2, "front matter must be a mapping of fields (name: value)")
    body = "\n".join(lines[end + 1 :])
    return FrontMatter(data=data, body=body, body_line=end + 2, lines=line_map, duplicate_keys=duplicates)


def body_of(text: str) -> str:
    """The body of a file `parse` accepts, without reading its front matter again (the build reads bodies twice)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    return "\n".join(lines[end + 1 :])


def parse_yaml(text: str, first_line: int = 1) -> tuple[Any, dict[Path_, int], list[tuple[str, int]]]:
    """Parse one YAML document; also return the file line of every key and list item, and repeated keys.

    `first_line` is the file line the text starts on. Raises FrontMatterError on invalid YAML.
    """
    loader = _Loader(text)
    try:
        _refuse_anchors(text, first_line)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except _BadValue as bad:
        raise FrontMatterError(_line(text, bad.mark.index, first_line), bad.message) from None
    except RecursionError:
        raise FrontMatterError(first_line, "not valid YAML: nested too deeply") from None
    except yaml.MarkedYAMLError as error:
        # An unclosed bracket or quote is noticed lines later: point at where the construct started.
        mark = error.context_mark or error.problem_mark
        line = _line(text, mark.index, first_line) if mark else first_line
        problem = error.problem or "invalid YAML"
        context = f" ({error.context})" if error.context else ""
        raise FrontMatterError(line, f"not valid YAML: {problem}{context}") from None
    except yaml.YAMLError as error:
        raise FrontMatterError(first_line, f"not valid YAML: {error}") from None
    finally:
        loader.dispose()
    line_map: dict[Path_, int] = {}
    duplicates: list[tuple[str, int]] = []
    if node is not None:
        _record_lines(node, (), text, first_line, line_map, duplicates)
    return data, line_map, duplicates


def _refuse_anchors(text: str, first_line: int) -> None:
    """Anchors and aliases (&name, *name) are refused before anything is built from them: nine nested aliases in
    one small file expand to gigabytes (a "billion laughs"), and content never needs them. Only text that has a
    '&' or '*' at all is looked at, event by event (no expansion happens at this level)."""
    if "&" not in text and "*" not in text:
        return
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise FrontMatterError(_line(text, event.start_mark.index, first_line),
                                   "YAML anchors and aliases (&name, *name) are not allowed in content: write the "
                                   "value out in full")


def _line(text: str, index: int, first_line: int) -> int:
    """The file line of a character offset. YAML's own mark.line also counts NEL and U+2028 as breaks; files don't."""
    return text.count("\n", 0, index) + first_line


def _record_lines(
    node: yaml.Node, path: Path_, text: str, first_line: int, line_map: dict[Path_, int],
    duplicates: list[tuple[str, int]],
) -> None:
    """Remember the file line of every key and list item, and any key given twice in one mapping."""
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            line = _line(text, key_node.start_mark.index, first_line)
            if key in seen:
                duplicates.append((key, line))
            seen.add(key)
            line_map[path + (key,)] = line
            _record_lines(value_node, path + (key,), text, first_line, line_map, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            line_map[path + (index,)] = _line(text, item.start_mark.index, first_line)
            _record_lines(item, path + (index,), text, first_line, line_map, duplicates)
