"""Language-neutral rule files (``*.yaml``); a package so they ship in the wheel."""
