"""One module per page kind, each rendering Markdown lines from the model; nothing here touches the disk.

In: episodes and layouts. Out: (path, text) pairs.
"""
