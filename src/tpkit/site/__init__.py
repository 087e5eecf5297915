"""The register as a static, self-contained web site: pages, SVG pictures, an offline search index.

:func:`build_site` reads the registry, lints it and writes the site into a folder; nothing here prints.
"""

from .build import MANIFEST, SiteError, SiteOptions, SiteResult, build_site, render_site

__all__ = ["MANIFEST", "SiteError", "SiteOptions", "SiteResult", "build_site", "render_site"]
