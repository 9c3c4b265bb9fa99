"""Zeren (责任): who is responsible for what in Chinese government plans.

The click application lives in :mod:`zeren.cli`; the library is in the sibling
packages ``loaders`` (documents → records), ``graph`` (records → graph, files,
Neo4j), ``queries`` (graph → tables) and ``viz`` (graph → HTML views).
"""

__version__ = "0.1.0"
