"""eventwire.evaluate stage."""
