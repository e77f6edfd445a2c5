"""episode-site: podcast transcripts to a searchable static site."""
