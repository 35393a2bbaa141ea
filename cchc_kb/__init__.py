"""Knowledge base of Vietnamese administrative-reform (CCHC) plans and their legal bases.

The package holds the whole domain: loading and checking records, finding citations,
building the citation graph and rendering pages. It never imports MkDocs; ``hooks/`` adapts it.
"""

__version__ = "0.1.0"
