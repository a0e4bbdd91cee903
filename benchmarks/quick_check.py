"""How long the check before the first write takes on a department-sized file.

Makes a database of 100,000 candidates, each with a finished self-test of 20 answers
(2.1 million rows; realistic Chinese names and mobile numbers), and times, each the
median of a few runs on a file the operating system has cached (as after the first
start of the day):

- ``PRAGMA quick_check`` as :func:`cs_trainer.store.integrity.problems` runs it,
- ``PRAGMA integrity_check`` (``cs-trainer check``) for comparison,
- ``Database.open`` end to end (check, engine, migration check), and
- one backup with the online backup API, with its integrity check.

Run: ``python -m benchmarks.quick_check [--candidates N]``. Prints one table.
"""

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from pathlib import Path

from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.store import backup_files, integrity
from cs_trainer.store.database import Database
from cs_trainer.store.snapshots import keep_snapshot

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰春梅海燕雪梅晓东"
PREFIXES = ("138", "139", "137", "136", "135", "150", "151", "152", "158", "159", "186", "187")


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def make(path: Path, candidates: int, seed: int = 7) -> None:
    """The database, filled with plain INSERTs in one transaction (minutes through the app)."""
    db = Database.open(str(path))
    loaded = service_potential()
    with db.writing() as session:
        keep_snapshot(
            session,
            loaded.content_hash,
            loaded.instrument.id,
            loaded.instrument.version,
            loaded.instrument.model_dump(),
        )
    db.dispose()
    rng = random.Random(seed)
    items = [item.id for item in loaded.instrument.items]
    with closing(sqlite3.connect(path)) as raw:
        raw.executemany(
            "INSERT INTO people (id, kind, name, phone, position, created_at, consent_at,"
            " consent_version, stage, version) VALUES (?, 'candidate', ?, ?, '客服专员',"
            " '2026-11-01 09:00:00', '2026-11-01 09:00:00', '2026-11-v1', 'applied', 0)",
            (
                (n, _name(rng), rng.choice(PREFIXES) + f"{rng.randrange(10**8):08d}")
                for n in range(1, candidates + 1)
            ),
        )
        raw.executemany(
            "INSERT INTO attempts (id, person_id, kind, instrument_id, content_hash, mode,"
            " conducted_by, started_at, finished_at, status, total, band, group_scores)"
            " VALUES (?, ?, 'selftest', ?, ?, 'self', 'HR', '2026-11-01 09:05:00',"
            " '2026-11-01 09:15:00', 'finished', 150, 'good', '{}')",
            ((n, n, loaded.instrument.id, loaded.content_hash) for n in range(1, candidates + 1)),
        )
        raw.executemany(
            "INSERT INTO responses (attempt_id, item_id, value, answered_at)"
            " VALUES (?, ?, ?, '2026-11-01 09:10:00')",
            ((n, item, rng.randint(1, 10)) for n in range(1, candidates + 1) for item in items),
        )
        raw.commit()
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _median(run: Callable[[], object], times: int) -> tuple[float, float, float]:
    taken = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        taken.append(time.perf_counter() - start)
    return statistics.median(taken), min(taken), max(taken)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "department.sqlite3"
        start = time.perf_counter()
        make(path, args.candidates)
        made = time.perf_counter() - start
        size = path.stat().st_size / 2**20
        print(f"{args.candidates:,} candidates, {size:.0f} MB, made in {made:.1f} s")
        rows = [
            ("quick_check (before the first write)", lambda: integrity.problems(path)),
            (
                "integrity_check (cs-trainer check)",
                lambda: integrity.problems(path, "integrity_check"),
            ),
            ("Database.open, end to end", lambda: Database.open(str(path)).dispose()),
            (
                "one backup, checked",
                lambda: backup_files.back_up_file(
                    path, datetime.now(), Path(folder) / f"b{time.time_ns()}.sqlite3"
                ),
            ),
        ]
        print(f"{'measure':<40} {'median':>9} {'min':>9} {'max':>9}")
        for label, run in rows:
            median, low, high = _median(run, args.runs)
            print(
                f"{label:<40} {median * 1000:>7.0f} ms {low * 1000:>6.0f} ms {high * 1000:>6.0f} ms"
            )


if __name__ == "__main__":
    main()
