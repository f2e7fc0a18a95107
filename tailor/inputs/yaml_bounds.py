"""How much YAML may expand and nest before it is refused, counted on the parsed node graph.

A 550-byte "billion laughs" file (aliases of aliases) expands to billions of values; counting each
node once, never expanding an alias, finds it in microseconds. Used by every YAML reader (profile,
theme, rules, a posting's front matter), so it sits below them all.
"""

from __future__ import annotations

import yaml

from tailor.errors import Problem

__all__ = ["MAX_DEPTH", "MAX_NODES", "yaml_too_big"]

MAX_NODES = 200_000
"""Values a YAML file may expand to, aliases counted each time they are used (a profile has a few
thousand; a 550-byte "billion laughs" file has billions)."""
MAX_DEPTH = 60
"""Nesting a YAML file may have (a profile nests six or seven levels)."""


def yaml_too_big(root: yaml.Node) -> Problem | None:
    """Why YAML is refused: its aliases expand past :data:`MAX_NODES` values, or it nests deeper
    than :data:`MAX_DEPTH`; counted on the node graph (each node once), never by expanding it."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        line = node.start_mark.line + 1
        if depth > MAX_DEPTH:
            return Problem("", f"nests deeper than {MAX_DEPTH} levels", line, "a profile needs a few levels")
        children = _children(node)
        if done or not children:
            sizes[id(node)] = 1 + sum(sizes.get(id(child), 1) for child in children)
            if sizes[id(node)] > MAX_NODES:
                message = f"expands to more than {MAX_NODES:,} values (YAML aliases reused again and again)"
                return Problem("", message, line, "write the values out, or use fewer aliases")
            continue
        if id(node) not in sizes:
            stack.append((node, depth, True))
            stack.extend((child, depth + 1, False) for child in children if id(child) not in sizes)
    return None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []
