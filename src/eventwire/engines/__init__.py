"""eventwire.engines stage."""
