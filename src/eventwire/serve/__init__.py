"""eventwire.serve stage."""
