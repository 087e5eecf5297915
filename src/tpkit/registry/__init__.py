"""Discover the registry root, read YAML with locations, validate, build the Registry."""

from .registry import NoRegistryError, Registry, find_root, load_registry

__all__ = ["NoRegistryError", "Registry", "find_root", "load_registry"]
