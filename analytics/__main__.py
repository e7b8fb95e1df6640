"""Entry point of ``python -m analytics``."""

import sys

from analytics.outputs.cli import main

sys.exit(main())
