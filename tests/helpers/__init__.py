"""What tests share: a scratch project and the `episode-site` command (`project`), a small valid episode
(`small_episode`), the one test HTTP server (`server`), reading built pages back (`html_text`, `fidelity`),
the one link checker (`links`), the anchor map and screenshot pixels (`site_map`).

Tests import from here (or use the fixtures in conftest.py), never from another test module.
"""
