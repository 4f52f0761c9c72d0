"""Scale: incremental corpus steps, synthetic corpora for benchmarks, distributed runners."""
