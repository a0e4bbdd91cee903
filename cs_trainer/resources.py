"""Where the files that ship with cs_trainer are found.

The top-level ``assets/`` folder is installed as the ``cs_trainer.assets``
package (see pyproject.toml), so a wheel carries it; in a source checkout that
has not been installed it is found beside the package instead.
"""

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent

FONT_FAMILY = "WenQuanYi Micro Hei"
"""The family name Qt reports for the shipped font; asked for by name so Qt
never falls back to Japanese glyph shapes for Chinese text."""

FONT_FILE = "fonts/wqy-microhei.ttc"


def asset_path(relative: str) -> Path:
    """Return the path of a shipped asset such as ``fonts/wqy-microhei.ttc``."""
    for folder in (_PACKAGE_DIR / "assets", _PACKAGE_DIR.parent / "assets"):
        if (folder / relative).is_file():
            return folder / relative
    raise FileNotFoundError(f"cs_trainer asset {relative!r} is missing from this installation")


def font_path() -> Path:
    """The CJK TrueType font used by both the GUI and every PDF."""
    return asset_path(FONT_FILE)


def package_path(*parts: str) -> Path:
    """A file inside the cs_trainer package (content, translations, migrations)."""
    return _PACKAGE_DIR.joinpath(*parts)
