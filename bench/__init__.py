"""Benchmarks: a deterministic corpus generator, latency/throughput runs, search quality."""
