"""eventwire.extract stage."""
