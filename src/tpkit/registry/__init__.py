"""Discover the registry root, read YAML with locations, validate, build the Registry."""

from .load import load_registry
from .model import NoRegistryError, Registry, find_root

__all__ = ["NoRegistryError", "Registry", "find_root", "load_registry"]
