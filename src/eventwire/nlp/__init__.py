"""eventwire.nlp stage."""
