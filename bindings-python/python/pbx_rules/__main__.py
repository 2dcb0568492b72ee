"""`python -m pbx_rules`: the command-line tools (see `pbx_rules.cli`)."""

import sys

from pbx_rules.cli import main

sys.exit(main())
