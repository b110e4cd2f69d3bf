"""eventwire.link stage."""
