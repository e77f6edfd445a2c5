"""A small valid episode: two speakers, two pinned chapters. Tests break one thing in it at a time."""

PAGE = """\
A Test Episode About Testing
Show Notes
A short episode about testing things.
00:00 Opening
Notes for the opening.
05:00 The middle part
Transcript
Jane Doe: Hello and welcome to the show.
John Roe: Thanks for having me.
Jane Doe: Let's move to the middle part now.
John Roe: Sure, the middle is where it gets good.
"""
SETTINGS = """\
slug: test-episode
speakers:
  - Jane Doe
  - John Roe
chapters:
  "00:00": "Hello and welcome"
  "05:00": "move to the middle part"
"""
SEEDS = {"test.txt": PAGE, "test.yml": SETTINGS}
