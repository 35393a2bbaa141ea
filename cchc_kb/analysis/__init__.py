"""What the corpus says as a whole: validity on a date, the citation graph, findings."""
