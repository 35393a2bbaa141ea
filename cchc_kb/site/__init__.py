"""Pages of the site, produced from the corpus; no MkDocs types here."""
