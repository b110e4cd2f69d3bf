"""eventwire.resolve stage."""
