"""What readers' links rely on: slugs and anchors, the map of anchors to pages, the `.anchors` registry, retired slugs.

In: episodes and their layouts. Out: anchors, checked against what was promised.
"""
