"""A YAML node tree turned into plain values, within bounds: no alias bomb, no endless nesting.

PyYAML composes aliases as shared nodes, so a few hundred bytes can stand for
billions of values once expanded; and each level of nesting costs a level of
recursion. Settings are small and shallow, so both are bounded well above any
real file: exceeding a bound is one message at the YAML's line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import yaml

from episode_site.errors import InputError

MAX_DEPTH = 20
MAX_VALUES = 100_000


@dataclass(frozen=True)
class Located:
    """A value from a YAML file with the line it was written on."""

    value: object
    """A str, None, a list of Located or a dict of str to Located."""
    line: int
    """1-based line in the YAML file."""


def too_deep(shown: str, line: int | None) -> InputError:
    return InputError(shown, line, f"the YAML is nested more than {MAX_DEPTH} levels deep",
                      "Episode settings are at most a few levels deep (`topics:`, a topic, its words): remove the extra brackets or indentation.")


def bounded_tree(node: yaml.Node, shown: str, scalar: Callable[[yaml.ScalarNode], object]) -> Located:
    """The node as Located values; a mapping's repeated key is an error (PyYAML would keep the last silently)."""
    count = 0

    def walk(node: yaml.Node, depth: int, path: frozenset[int]) -> Located:
        nonlocal count
        count += 1
        line = node.start_mark.line + 1
        if count > MAX_VALUES:
            raise InputError(shown, line, f"the YAML expands to more than {MAX_VALUES:,} values (through aliases such as `*name`)",
                             "Write each value out instead of repeating anchors (`&name`) through aliases.")
        if depth > MAX_DEPTH:
            raise too_deep(shown, line)
        if id(node) in path:
            raise InputError(shown, line, "an alias (`*name`) refers to the list or mapping that contains it",
                             "Write the values out; a value cannot contain itself.")
        inner = path | {id(node)} if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) else path
        if isinstance(node, yaml.MappingNode):
            mapping: dict[str, Located] = {}
            key_lines: dict[str, int] = {}
            for key, value in node.value:
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else ""
                if name in mapping:
                    raise InputError(shown, key.start_mark.line + 1, f"`{name}` is written twice (first on line {key_lines[name]})",
                                     "Keep one of them; each key may appear once.")
                mapping[name], key_lines[name] = walk(value, depth + 1, inner), key.start_mark.line + 1
            return Located(mapping, line)
        if isinstance(node, yaml.SequenceNode):
            return Located([walk(item, depth + 1, inner) for item in node.value], line)
        return Located(scalar(node), line)

    return walk(node, 0, frozenset())
