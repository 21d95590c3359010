from eventwire.cli import app

app()
