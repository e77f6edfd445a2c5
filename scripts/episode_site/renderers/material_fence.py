"""Material for MkDocs, fenced: the version the template overrides in `scripts/theme/` were made for,
and a fingerprint of each part of Material they replace, so that an upstream change is noticed.

An override replaces Material's template of the same name (when there is one), and each
`{% block %}` it defines replaces that block as Material's own templates define it. The
fingerprint of a part is a hash of its Jinja syntax tree (its words, not its line numbers).
`python -m episode_site.renderers.material_fence` prints the table below as the installed Material has it:
after reviewing what changed upstream and adapting the override, paste it here.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import sys
from pathlib import Path

MADE_FOR = "9.8.2"
"""The mkdocs-material version the overrides were written against (also pinned in pyproject.toml)."""

UPSTREAM = {
    "404.html": {
        "404.html": "bcaac4c4412513da",
        "base.html#content": "d12e93a1d227e4c3",
    },
}
"""Override (path under scripts/theme/) → Material part it replaces → fingerprint in Material MADE_FOR."""

THEME = Path(__file__).resolve().parents[2] / "theme"


def installed_version() -> str | None:
    try:
        return importlib.metadata.version("mkdocs-material")
    except importlib.metadata.PackageNotFoundError:
        return None  # a renderer without Material (Zensical ships its own copy of the templates)


def version_warning() -> str | None:
    """One line when the installed Material is not the one the overrides were made for, else None."""
    installed = installed_version()
    if installed is None or installed == MADE_FOR:
        return None
    return (f"episode-site: warning: Material for MkDocs {installed} is installed, but the template overrides in "
            f"scripts/theme/ were made for {MADE_FOR}; pages may lose features. Install mkdocs-material=={MADE_FOR} "
            f"(pip install -c requirements.lock -e .), or check the overrides with tests/test_material_fence.py.")


def material_templates() -> Path:
    import material

    return Path(material.__file__).resolve().parent / "templates"


def replaced_parts(name: str, source: str, templates: Path) -> dict[str, str]:
    """Material part → fingerprint, for the override `name` (path under the theme) with text `source`."""
    from jinja2 import Environment, nodes

    env = Environment()
    tree = env.parse(source)
    parts: dict[str, str] = {}
    if (templates / name).is_file():
        parts[name] = _fingerprint(env.parse((templates / name).read_text(encoding="utf-8")))
    extends = tree.find(nodes.Extends)
    for block in tree.find_all(nodes.Block):
        if extends is None or not isinstance(extends.template, nodes.Const):
            break
        found = _upstream_block(env, templates, extends.template.value, block.name)
        # A block Material does not define is never rendered: "(nowhere)" makes the test name it.
        parts[f"{found[0]}#{block.name}" if found else f"(nowhere)#{block.name}"] = _fingerprint(found[1]) if found else ""
    return parts


def _upstream_block(env, templates: Path, name: str, block: str):
    """(template, Block node) where Material's chain of `extends` from `name` defines `block` last, or None."""
    from jinja2 import nodes

    chain = []
    while name and (templates / name).is_file():
        tree = env.parse((templates / name).read_text(encoding="utf-8"))
        chain.append((name, tree))
        parent = tree.find(nodes.Extends)
        name = parent.template.value if parent is not None and isinstance(parent.template, nodes.Const) else None
    for template, tree in chain:  # the most derived definition wins
        for node in tree.find_all(nodes.Block):
            if node.name == block:
                return template, node
    return None


def _fingerprint(node) -> str:
    return hashlib.sha256(repr(node).encode("utf-8")).hexdigest()[:16]


def current_table(theme: Path = THEME, templates: Path | None = None) -> dict[str, dict[str, str]]:
    """What UPSTREAM would be for the overrides in `theme` and the installed Material."""
    templates = templates or material_templates()
    return {path.relative_to(theme).as_posix(): replaced_parts(path.relative_to(theme).as_posix(),
                                                               path.read_text(encoding="utf-8"), templates)
            for path in sorted(theme.rglob("*.html"))}


if __name__ == "__main__":
    import json

    print(f"MADE_FOR = {installed_version()!r}")
    print("UPSTREAM =", json.dumps(current_table(), indent=4))
    sys.exit(0)
