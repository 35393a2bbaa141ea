# Two commands matter: `make serve` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve preview build test check lint bench bench-national fuzz clean browser import-tools inbox findings publish

# The publishing pipeline (.github/workflows/cap-nhat.yml, .gitlab-ci.yml) runs, in order:
# make inbox, make findings, make build, make publish. A failed step stops it: nothing is
# published after a failed check.
INBOX ?= inbox
FINDINGS ?= findings.txt
SITE ?= site
PUBLISH_DIR ?= publish
SINCE ?=# manifest of the last publication (du-lieu/manifest.json); empty: publish everything

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# Browser tests use Debian's Chromium; Playwright's own browser download is not used.
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "Chromium is needed for the browser tests. Run: sudo apt-get install -y chromium"; exit 1; \
	fi

# Importing scans and .doc files uses Debian's Tesseract (with its Vietnamese data), antiword,
# catdoc and LibreOffice Writer without its GUI (the .doc tests make their Word 97 file with it).
import-tools:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie \
		&& command -v antiword >/dev/null 2>&1 && command -v catdoc >/dev/null 2>&1 \
		&& command -v soffice >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			tesseract-ocr tesseract-ocr-vie antiword catdoc libreoffice-writer-nogui >/dev/null; \
	else \
		echo "OCR and .doc import need: sudo apt-get install -y tesseract-ocr tesseract-ocr-vie antiword catdoc libreoffice-writer-nogui"; exit 1; \
	fi

build: $(STAMP)
	$(BIN)/mkdocs build --strict

serve: build
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory site

# Live preview for editing: starts with a full build, then after each edit of a plan, legal
# record or the agency registry renders only the pages that show it (cchc_kb.site.incremental).
# Not strict: MkDocs warns of every --dirty build; errors in the data are logged all the same.
PREVIEW_CONFIG ?= mkdocs.yml
PREVIEW_ADDR ?= 127.0.0.1:8000
preview: $(STAMP)
	$(BIN)/mkdocs serve --dirty --no-strict -f $(PREVIEW_CONFIG) -a $(PREVIEW_ADDR)

check: $(STAMP)
	$(BIN)/cchc check .

# Imports every file uploaded into inbox/ (.docx, .doc, .pdf, scans, .txt) as a plan
# (plans/<agency>/<year>/), then empties the inbox; on an import error the files stay for the
# next try. A plan uploaded again updates its file (--force keeps the hand-edited fields).
# Scans and .doc files need `make import-tools` first (the CI files run it).
inbox: $(STAMP)
	@find $(INBOX) -maxdepth 1 -type f ! -name '.*' ! -name 'README.md' -print0 2>/dev/null \
		| sort -z | xargs -0 -r $(BIN)/cchc import --force --out plans
	@find $(INBOX) -maxdepth 1 -type f ! -name '.*' ! -name 'README.md' -delete 2>/dev/null || true

# `make check` whose findings are also kept in $(FINDINGS), for the pipeline's comment.
findings: $(STAMP)
	@$(BIN)/cchc check . > $(FINDINGS) 2>&1; status=$$?; cat $(FINDINGS); exit $$status

# Lists the files added, changed or removed since $(SINCE) and copies them to $(PUBLISH_DIR)
# (files/, upload.txt, delete.txt). Run after make build.
publish: $(STAMP)
	$(BIN)/cchc publish --site $(SITE) $(if $(SINCE),--since $(SINCE)) --to $(PUBLISH_DIR)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: $(STAMP) browser import-tools
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/cchc check .
	$(BIN)/pytest -q

# Many more random cases than `make test`: property tests with the "fuzz" Hypothesis profile and
# the build fuzz test with FUZZ_CASES damaged repositories (FUZZ_SEED picks them).
FUZZ_CASES ?= 200
FUZZ_SEED ?= 1
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q tests/test_properties.py
	CCHC_FUZZ_CASES=$(FUZZ_CASES) CCHC_FUZZ_SEED=$(FUZZ_SEED) $(BIN)/pytest -q -rx tests/test_fuzz_build.py

bench: $(STAMP) browser
	$(BIN)/python scripts/bench_cite.py
	$(BIN)/python scripts/eval_cite.py
	$(BIN)/python scripts/bench_graph.py
	$(BIN)/python scripts/bench_search.py
	$(BIN)/python scripts/bench_pdf_extract.py
	$(BIN)/python scripts/bench_publish.py
	$(BIN)/python scripts/bench_validity.py
	$(BIN)/python scripts/bench_scale.py --sizes 2000 10000 20000
	$(BIN)/python scripts/bench_preview.py --plans 10000

# The national corpus: 50,000 plans (13-30 minutes on two cores; its site takes 3.5 GB of disk).
bench-national: $(STAMP)
	$(BIN)/python scripts/bench_scale.py --sizes 50000 --out bench/bench-national.json

clean:
	rm -rf site $(VENV)
