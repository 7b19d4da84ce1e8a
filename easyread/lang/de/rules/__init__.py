"""Rule files for the de pack (``*.yaml``); a package so they ship in the wheel."""
