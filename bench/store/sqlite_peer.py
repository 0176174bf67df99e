"""The same work as StoreBench's SQLite run, through Python's sqlite3 module (the engine's C library, no Store)."""
import random
import sqlite3
import sys
import time

path, rows, selects = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
con = sqlite3.connect(path, isolation_level=None)
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA synchronous=FULL")
con.execute("PRAGMA foreign_keys=ON")
con.execute("DROP TABLE IF EXISTS bench_peer")
con.execute("CREATE TABLE bench_peer (id BIGINT PRIMARY KEY, name TEXT NOT NULL, value BIGINT NOT NULL)")

start = time.perf_counter()
con.execute("BEGIN IMMEDIATE")
for i in range(1, rows + 1):
    con.execute("INSERT INTO bench_peer (id, name, value) VALUES (?, ?, ?)", (i, f"案件{i}", i * 7))
con.execute("COMMIT")
print("insert_batched", rows / (time.perf_counter() - start))

autocommit_rows = min(rows, 500)
start = time.perf_counter()
for i in range(rows + 1, rows + autocommit_rows + 1):
    con.execute("INSERT INTO bench_peer (id, name, value) VALUES (?, ?, ?)", (i, f"案件{i}", i * 7))
print("insert_autocommit", autocommit_rows / (time.perf_counter() - start))

ids = [random.randint(1, rows) for _ in range(selects)]
start = time.perf_counter()
for i in ids:
    row = con.execute("SELECT name, value FROM bench_peer WHERE id = ?", (i,)).fetchone()
    int(row[1])
print("select_sequential", selects / (time.perf_counter() - start))
