"""get_pack: codes, regions, and a clear error for unsupported languages."""

from __future__ import annotations

import pytest

from easyread.errors import ExitCode, LanguageNotSupported
from easyread.lang import LanguagePack, get_pack


@pytest.mark.parametrize(
    ("code", "expected"),
    [("sl", "sl"), ("sl-SI", "sl"), ("de_AT", "de"), ("EN", "en"), ("en-GB", "en")],
)
def test_codes_normalise(code: str, expected: str) -> None:
    pack = get_pack(code)
    assert pack.code == expected
    assert isinstance(pack, LanguagePack)


@pytest.mark.parametrize("code", ["fr", "xx", "", "slovenian"])
def test_unknown_language_lists_supported(code: str) -> None:
    with pytest.raises(LanguageNotSupported) as info:
        get_pack(code)
    assert "supported languages: de, en, sl" in str(info.value)
    assert info.value.exit_code == ExitCode.USAGE
