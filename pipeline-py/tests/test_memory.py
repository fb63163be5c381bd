"""A long generator runs in flat memory: the input is read a bounded window ahead."""

import gc


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


def test_200k_documents_from_a_generator_in_bounded_memory(small):
    n = 200_000
    pulled = 0

    def docs():
        nonlocal pulled
        for i in range(n):
            pulled += 1
            yield {"id": i, "text": f"Item {i}: the minister said the harbour deal will create jobs."}

    run = small.run(docs(), layers=["lang"], with_text=False)
    seen = 0
    ahead = 0
    baseline = None
    for record in run:
        assert record["id"] == seen
        seen += 1
        ahead = max(ahead, pulled - seen)
        if seen == 20_000:
            gc.collect()
            baseline = rss_bytes()
    gc.collect()
    growth = rss_bytes() - baseline
    assert seen == n
    assert ahead <= 64, ahead
    assert growth < 32 << 20, f"RSS grew {growth >> 20} MiB over 180k documents"
