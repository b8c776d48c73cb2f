"""Town Office (乡镇人大工作台): the program's name and version, nothing else."""

__version__ = "0.1.0"
APP_NAME = "乡镇人大工作台"
