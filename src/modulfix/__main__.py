from modulfix.cli import run

run()
