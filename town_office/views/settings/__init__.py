"""The settings area (设置): town and rules, terms, deputy groups, constituencies."""
