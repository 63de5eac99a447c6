"""`python -m itsms_tui` runs the same entry point as the `itsms-tui` script."""

import sys

from itsms_tui.cli import main

sys.exit(main())
