"""Front matter (YAML between ``---`` lines) read without letting it explode.

YAML aliases let a few hundred bytes stand for billions of values (each alias repeats an
anchored list of aliases); building them, or printing one, never ends. The expanded size is
counted on the composed nodes first, in time linear in the text, and refused over a bound
no article's metadata comes near.
"""

from __future__ import annotations

from typing import Any

from quotedb.errors import InputError
from quotedb.ingest.documents import Metadata, metadata_from_mapping

MAX_VALUES = 10_000  # values front matter may stand for, aliases expanded


def split_front_matter(text: str, label: str) -> tuple[str, Metadata]:
    """The article's text after its front matter, and the metadata that says."""
    if not text.startswith("---\n"):
        return text, Metadata()
    from frontmatter.default_handlers import YAMLHandler  # only Markdown with front matter

    whole = text.strip()
    try:
        head, content = YAMLHandler().split(whole)
    except ValueError:  # no closing line: all of it is the article
        return whole, Metadata()
    fields = load_yaml(head, label)
    found = metadata_from_mapping(fields, label) if isinstance(fields, dict) else Metadata()
    return str(content).strip(), found


def load_yaml(source: str, label: str) -> Any:
    """The YAML document ``source`` holds, refused when its aliases expand past the bound."""
    import yaml

    loader = yaml.SafeLoader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if expanded_size(node, MAX_VALUES) > MAX_VALUES:
            raise InputError(
                f"{label}: front matter expands to over {MAX_VALUES:,} values"
                " (YAML aliases repeating each other); refused"
            )
        return loader.construct_document(node)
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"{label}: unreadable front matter ({reason})") from None
    finally:
        loader.dispose()


def expanded_size(root: Any, limit: int) -> int:
    """Nodes under ``root`` with every alias expanded (counted once per node, so linear),
    capped just over ``limit``; an alias inside its own anchor counts as endless."""
    sizes: dict[int, int] = {}
    path: set[int] = set()  # the nodes being counted: an ancestor met again is a cycle
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            path.discard(key)
            sizes[key] = min(limit + 1, 1 + sum(sizes[id(c)] for c in _children(node)))
        elif key in path:
            return limit + 1
        elif key not in sizes:
            path.add(key)
            stack.append((node, True))
            stack.extend((c, False) for c in _children(node) if id(c) not in sizes)
    return sizes[id(root)]


def _children(node: Any) -> list[Any]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []
