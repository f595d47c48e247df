"""Distributed batch runs on Dask: the same pipeline, on local processes or a cluster."""

from hemiwatch.scale.dask_runner import analyze_distributed

__all__ = ["analyze_distributed"]
