"""Benchmarks: how fast, compared with what, and how cost grows (`make bench`; bench/RESULTS.md).

Each module is one benchmark with `run(quick: bool = False) -> list[dict]` and `main()`:
`python -m bench.<name> [--quick]`. `python -m bench [--quick]` runs them all.
"""
