"""`python -m eventwire` runs the command line."""

from eventwire.cli.main import app

if __name__ == "__main__":
    app()
