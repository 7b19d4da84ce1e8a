"""Rule files for the sl pack (``*.yaml``); a package so they ship in the wheel."""
