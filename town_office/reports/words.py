"""Where a Chinese title may break: between words, never inside one (主席团, 安全生产, 台账).

Words come from jieba's dictionary, loaded once per process straight from the package's own file:
jieba's usual start-up would write a cache file into the system's temporary folder, and the program
writes nothing outside the data folder.
"""

from __future__ import annotations

import functools
import logging

log = logging.getLogger(__name__)


# Terms of the congress office that a title should keep on one line even where jieba's general
# dictionary would split them (安全|生产).
DOMAIN_WORDS = ("安全生产", "执法检查", "人大主席团", "主席团", "会议纪要", "履职档案", "履职考核",
                "挂牌督办", "隐患排查", "整改台账", "民生实事", "代表建议", "代表小组", "联络站",
                "人民代表大会", "人大常委会", "议事规则", "视察调研", "专项工作报告", "工作评议",
                "食品安全", "消防安全", "燃气安全", "环境保护")


@functools.cache
def _tokenizer():
    import jieba

    tokenizer = jieba.Tokenizer()
    with tokenizer.get_dict_file() as dictionary:
        tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(dictionary)
    tokenizer.initialized = True  # skips jieba's cache file
    for word in DOMAIN_WORDS:
        tokenizer.add_word(word, freq=1_000_000)
    return tokenizer


def words(text: str) -> list[str]:
    """``text`` cut into dictionary words (numbers and Latin runs stay whole)."""
    return list(_tokenizer().cut(text, HMM=False))


def inner_positions(text: str) -> set[int]:
    """Indices of the characters that continue a word: a line must not break before them."""
    inner, position = set(), 0
    for word in words(text):
        inner.update(range(position + 1, position + len(word)))
        position += len(word)
    return inner


def _is_hanzi(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\U00020000" <= char <= "\U0003134f"


def short_run_positions(text: str, longest: int = 3) -> set[int]:
    """Inner indices of every run of two or three hanzi standing on its own (a name such as 王䶮 or
    刘志远 in a table cell, between punctuation, spaces or line ends): such a run is never split."""
    inner, start = set(), None
    for index, char in enumerate(text + "\n"):
        if _is_hanzi(char):
            start = index if start is None else start
            continue
        if start is not None and 2 <= index - start <= longest:
            inner.update(range(start + 1, index))
        start = None
    return inner
