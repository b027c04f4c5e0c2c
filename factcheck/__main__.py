"""``python -m factcheck``: the same command line as the ``factcheck`` script."""

from .cli import main

main(prog_name="factcheck")
