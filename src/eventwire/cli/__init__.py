"""eventwire.cli stage."""
