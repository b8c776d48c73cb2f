"""两规则四办法: the rule documents page, the text editor of a version, adoption and repeal, comparison."""
