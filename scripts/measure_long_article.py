"""Measure one long article against the same text split into 100 articles (issue #10).

Usage: python scripts/measure_long_article.py STORIES.jsonl CHARS one|split

Builds a text of CHARS characters from the stories' texts (paragraphs joined by blank
lines), runs the pipeline on it as one article ("one") or as 100 articles ("split"),
and prints seconds and peak RSS. Run each mode in its own process so that peak RSS
is that mode's alone.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from eventwire import Pipeline


def main() -> None:
    path, chars, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(path, encoding="utf-8") as stream:
        texts = [json.loads(line)["text"] for line in stream if line.strip()]
    parts: list[str] = []
    while sum(len(p) + 2 for p in parts) < chars:
        parts.append(texts[len(parts) % len(texts)])
    pipeline = Pipeline()
    start = time.perf_counter()
    if mode == "one":
        events = len(pipeline.process("\n\n".join(parts)[:chars]).events)
    else:
        step = max(len(parts) // 100, 1)
        chunks = ["\n\n".join(parts[i : i + step]) for i in range(0, len(parts), step)]
        events = sum(len(r.events) for r in pipeline.process_many(chunks) if hasattr(r, "events"))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "chars": chars, "seconds": round(seconds, 1), "events": events,
                      "peak_rss_mb": round(peak)}))


if __name__ == "__main__":
    main()
