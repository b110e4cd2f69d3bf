"""eventwire.ingest stage."""
