"""modulfix on an existing distributed engine: the batch function, mapped over partitions.

Start reading from :func:`process_partition`. A web crawl is a collection of records
``{"id", "text"}``; each partition of it goes through the same
:func:`modulfix.batch.process_record` that ``modulfix batch`` uses, and comes out as the
same result records. No scheduler lives here: the engine partitions, distributes,
retries and writes.

Dask (``pip install 'modulfix[dask]'``), tested locally::

    import dask.bag as db
    from modulfix.distributed import process_bag, to_jsonl

    pages = db.read_text("crawl/*.jsonl", blocksize="64MiB")    # lines of JSON Lines
    to_jsonl(process_bag(pages), "out/part-*.jsonl", scheduler="processes")

PySpark, with the same function (not a dependency; not run in the test suite)::

    from modulfix.batch import dumps
    from modulfix.distributed import process_partition

    lines = spark.sparkContext.textFile("crawl/*.jsonl")
    lines.mapPartitions(process_partition).map(dumps).saveAsTextFile("out")

Each worker process loads the lexicon once (it is a per-process cache) and keeps it for
every partition it is given; a partition is processed as a stream, one record at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from modulfix.batch import BatchOptions, dumps, process_line, process_record


def process_partition(items: Iterable[Any], options: BatchOptions | None = None) -> Iterator[dict[str, Any]]:
    """Results for one partition, in order: for ``Bag.map_partitions`` and Spark's
    ``RDD.mapPartitions``. Items are lines of JSON Lines (``str`` or ``bytes``; blank
    ones are skipped) or records already parsed (``dict``). Never raises for a bad
    record: its result carries an ``error``."""
    for item in items:
        if isinstance(item, (str, bytes)):
            if not item.strip():
                continue
            yield process_line(item, 0, options)
        else:
            yield process_record(item, options)


def _partition_list(items: Iterable[Any], options: BatchOptions | None = None) -> list[dict[str, Any]]:
    return list(process_partition(items, options))


def process_bag(bag, options: BatchOptions | None = None):
    """A Dask bag of JSON Lines lines (``dask.bag.read_text``) or of records -> a bag of
    result records (dicts), partition by partition."""
    return bag.map_partitions(_partition_list, options)


def to_jsonl(results, path: str, **compute: Any) -> list[str]:
    """Write a bag of result records as JSON Lines files (``path`` with one ``*`` for the
    partition number, e.g. ``out/part-*.jsonl``); ``compute`` goes to Dask (for example
    ``scheduler="processes"``). Returns the files written."""
    return results.map_partitions(_jsonl_text).to_textfiles(path, encoding="utf-8", **compute)


def _jsonl_text(records: Iterable[dict[str, Any]]) -> list[str]:
    """A partition as one string of JSON Lines: an empty partition writes an empty file."""
    return ["".join(dumps(r) + "\n" for r in records)]
