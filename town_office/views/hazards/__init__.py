"""执法检查 and 隐患台账: the ledger page with its dialogs, and the inspections list."""
