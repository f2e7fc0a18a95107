"""Emoji in text people give tailor: decoration (a pin before a city, a rocket in a posting), never words."""

from __future__ import annotations

__all__ = ["drop_emoji", "is_emoji"]


def is_emoji(char: str) -> bool:
    """Whether ``char`` is an emoji or a part of one (joiner, variation selector, keycap)."""
    code = ord(char)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or 0xE0020 <= code <= 0xE007F
        or code in (0x200D, 0xFE0F, 0xFE0E, 0x20E3)
    )


def drop_emoji(text: str) -> str:
    """``text`` without emoji ("📍Singapore" -> "Singapore"); text without any is returned as is."""
    if not any(is_emoji(char) for char in text):
        return text
    return "".join(char for char in text if not is_emoji(char))
