"""Text for property tests: markup that speech contains by accident or on purpose, and any printable text."""

from __future__ import annotations

from hypothesis import strategies as st

# Markup that speech often contains by accident, and markup someone might paste on purpose.
FRAGMENTS = [
    "**", "*", "_", "__", "`", "```", "~~", "==", "^^", "$", "$$", "\\", "\\*", "#", "# ", "## x", "1. ", "2024.", "1)", "- ", "+ ",
    "> ", "    ", "\t", "!!! note", "???", "[x](y)", "![i](j)", "[^1]", "<https://example.com>", "https://example.com",
    "<script>alert(1)</script>", "<b>", "</p>", "<!-- c -->", "<div markdown=\"1\">", "&amp;", "&#42;", "&copy;", "&", "<", ">",
    "{#id}", "{: .cls }", "{ #x .turn }", "--8<--", ":smile:", "---", "***", "| a | b |", "[TOC]", "\u00a0", "’", "“", "—",
    "s**t show", "functional s**t show", "<", "]]>", "<![CDATA[", "%", "@", "{{ x }}", "{% x %}",
]
_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), min_size=1, max_size=12)
