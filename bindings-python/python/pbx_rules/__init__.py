"""pbx_rules: the account rules of a hosted PBX (phone numbers, PINs, passwords, the strength
meter, argon2id hashing, the account lifecycle), from the pbx-rules Rust core.

Everything is defined in the compiled extension `pbx_rules.pbx_rules` and re-exported here;
`python -m pbx_rules --help` lists the command-line tools (`pbx_rules.cli`). The stub
`__init__.pyi` is generated from the extension (`stubs.sh`).
"""

from . import pbx_rules as _extension
from .pbx_rules import *  # noqa: F403 (the extension's public names are the package's API)
from .pbx_rules import __version__, metadata_version

__all__ = sorted([name for name in dir(_extension) if not name.startswith("_")])
