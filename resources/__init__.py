"""Data files the app ships: sheet templates (``templates/*.toml``).

This folder is installed as the package ``practice.resources`` (see ``pyproject.toml``);
code finds it through ``practice.paths.resource_dir``.
"""
