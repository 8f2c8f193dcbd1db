"""frontline-claims: ISW assessments in, claims on a map out.

A library of pure functions over text and dataclasses. I/O lives at the edges:
`geo.store` is the one module that touches disk for the project's data, `geo.fetch`
the one that touches the network.
"""

__version__ = "0.1.0"
