"""Rule files for the en pack (``*.yaml``); a package so they ship in the wheel."""
