"""The library's logger. The library logs and never prints; the CLI prints.

Levels: WARNING means degraded behaviour (for example a missing optional
lemmatiser), INFO reports pipeline steps, DEBUG is for developers.
"""

from __future__ import annotations

import logging

logger = logging.getLogger("easyread")
logger.addHandler(logging.NullHandler())
