"""Material is fenced, not forked: the overrides in scripts/theme/ name the Material they were made for,
and a change upstream to any part of Material they replace fails here."""

from __future__ import annotations

import shutil
from pathlib import Path

from episode_site.renderers import material_fence
from helpers.project import ROOT


def test_pyproject_pins_the_material_the_overrides_were_made_for():
    assert f'"mkdocs-material=={material_fence.MADE_FOR}"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_no_overridden_part_of_material_changed_upstream():
    assert material_fence.installed_version() == material_fence.MADE_FOR, "install with the lock: bash scripts/test.sh"
    assert material_fence.current_table() == material_fence.UPSTREAM, (
        "Material changed a template that scripts/theme/ overrides (or an override was added or changed). Compare "
        "the upstream template with the override, adapt the override, then paste the table printed by "
        "`python -m episode_site.renderers.material_fence` (from scripts/) into material_fence.py.")


def test_a_change_inside_an_overridden_block_is_noticed_and_one_elsewhere_is_not(tmp_path: Path):
    templates = tmp_path / "templates"
    templates.mkdir()
    for name in ("main.html", "base.html"):  # all that an override of main.html's blocks reaches
        shutil.copy(material_fence.material_templates() / name, templates / name)
    override = '{% extends "base.html" %}{% block config %}{{ super() }}<script></script>{% endblock %}'
    before = material_fence.replaced_parts("main.html", override, templates)
    base = templates / "base.html"
    text = base.read_text(encoding="utf-8")
    base.write_text(text.replace("{% block footer %}", "{% block footer %}<!-- a new footer line -->", 1), encoding="utf-8")
    assert material_fence.replaced_parts("main.html", override, templates) == before  # not a block we replace
    base.write_text(text.replace("{% block config %}", "{% block config %}<!-- a new config line -->", 1), encoding="utf-8")
    after = material_fence.replaced_parts("main.html", override, templates)
    assert after["base.html#config"] != before["base.html#config"]


def test_a_block_material_never_renders_is_named():
    parts = material_fence.replaced_parts("main.html", '{% extends "base.html" %}{% block nosuch %}{% endblock %}',
                                          material_fence.material_templates())
    assert "(nowhere)#nosuch" in parts


def test_another_material_version_gives_one_warning_line(monkeypatch):
    monkeypatch.setattr(material_fence, "installed_version", lambda: "9.9.0")
    warning = material_fence.version_warning()
    assert warning is not None and "\n" not in warning
    assert "9.9.0" in warning and material_fence.MADE_FOR in warning
    monkeypatch.setattr(material_fence, "installed_version", lambda: material_fence.MADE_FOR)
    assert material_fence.version_warning() is None
