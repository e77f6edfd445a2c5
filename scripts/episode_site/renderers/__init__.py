"""The adapter to MkDocs, ProperDocs and Zensical: generated config, hooks, the fenced Material templates, serving.

In: the generated `docs/`. Out: a built `site/`.
"""
