"""What a table model shows the clerk: every cell's display text, row by row."""


def shown(model) -> list[list[str]]:
    return [["" if model.index(r, c).data() is None else str(model.index(r, c).data())
             for c in range(model.columnCount())] for r in range(model.rowCount())]


def assert_rows_show(model, rows, *fields) -> None:
    """The model shows one line per row, in order, and each line holds the row's ``fields``."""
    lines = shown(model)
    assert len(lines) == len(rows) > 0
    for line, row in zip(lines, rows):
        text = " ".join(line)
        for field in fields:
            value = getattr(row, field)
            assert str(value) in text, (field, value, line)
