"""Reports: a plain-data context built from analyses, rendered to HTML or Markdown."""
