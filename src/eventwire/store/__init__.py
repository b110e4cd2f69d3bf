"""eventwire.store stage."""
