# Two commands for a fresh machine (see README):
#   make run   set everything up and serve the dashboard on http://localhost:8501
#   make test  set everything up and run the whole test suite (lint, unit, app and browser tests)

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
VENDOR := dashboard/static/vendor
# Debian packages the tests need: a browser for the end-to-end tests, pdftotext for the PDF exports,
# ogrinfo for reading exports back with an independent reader, a Thai font for printing, and the PostgreSQL server
# (the store's tests start a throwaway one on loopback, run as the package's unprivileged postgres user).
DEBIAN_PACKAGES := chromium poppler-utils gdal-bin fonts-thai-tlwg postgresql

.PHONY: run test setup lint system-deps clean

run: setup
	$(PY) -m streamlit run dashboard/app.py --server.port 8501 --server.address localhost \
		--browser.gatherUsageStats false

test: setup system-deps lint
	$(PY) -m pytest

lint: setup
	$(PY) -m ruff check .

setup: $(STAMP) $(VENDOR)/leaflet/leaflet.js

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,bench]'
	touch $(STAMP)

# Leaflet, Leaflet.draw and topojson-client come from the npm registry, pinned by package-lock.json (with integrity
# hashes), and are served by the dashboard itself (Streamlit static serving) so the map needs no CDN.
$(VENDOR)/leaflet/leaflet.js: dashboard/assets/package.json dashboard/assets/package-lock.json
	cd dashboard/assets && npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)
	cp -r dashboard/assets/node_modules/leaflet/dist $(VENDOR)/leaflet
	cp -r dashboard/assets/node_modules/leaflet-draw/dist $(VENDOR)/leaflet-draw
	cp -r dashboard/assets/node_modules/topojson-client/dist $(VENDOR)/topojson-client
	touch $@

system-deps:
	@missing=""; \
	for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

clean:
	rm -rf $(VENV) $(VENDOR) dashboard/assets/node_modules build *.egg-info
