#!/usr/bin/env bash
# Exports the corpus metadata as TSV (id, name, level, category, expired, publish, folder) with the sqlite3 CLI.
set -euo pipefail
sqlite3 -separator $'\t' "${1:-/work/shared/data/laws/metadata.sqlite3}" \
  "select law.id, law.name, law.level, category.name, law.expired, ifnull(law.publish, ''), category.folder from law join category on law.category_id = category.id"
