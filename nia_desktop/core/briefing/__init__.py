"""Briefings for the Prime Minister's Office: content, figures, and the PDF, HTML and STIX 2.1 renderings."""
