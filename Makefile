# Two commands: `make run` serves the site, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=
# `make run` serves production-like (DEBUG off); `make dev` is the developer's DEBUG server.
export DJANGO_SETTINGS_MODULE ?= halloffame.settings.local
# Debian packages for the certificate and announcement PDFs (WeasyPrint) and the tests that read them.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libthai0 poppler-utils zbar-tools

.PHONY: run dev test install install-dev lint format check migrate screenshots bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# pip shows its progress: the first run downloads the dependencies once (a few minutes).
# PyICU (Thai dictionary order) is built from source against the system's ICU.
ICU_CHECK = @pkg-config --exists icu-i18n || { echo "PyICU needs ICU: apt-get install libicu-dev pkg-config"; exit 1; }

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(ICU_CHECK)
	$(BIN)/pip install --progress-bar on -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(ICU_CHECK)
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(BIN)/python manage.py migrate --noinput

# Collected again only when a file under static/ changed.
var/static/staticfiles.json: $(shell find static -type f) $(VENV)/.installed
	$(BIN)/python manage.py collectstatic --noinput -v0

run: migrate var/static/staticfiles.json
	@$(BIN)/python manage.py load_demo_data_if_empty
	@$(BIN)/python manage.py rebuild_honoree_images --missing
	@echo ""
	@echo "  หอเกียรติยศคนดี จังหวัดสุราษฎร์ธานี: http://127.0.0.1:$(PORT)/"
	@echo "  ระบบเจ้าหน้าที่: http://127.0.0.1:$(PORT)/admin/"
	@$(BIN)/python manage.py ensure_local_admin
	@ldconfig -p 2>/dev/null | grep -q libpango-1.0 || echo "  คำเตือน: ไม่พบ Pango จึงสร้างเกียรติบัตรและประกาศ PDF ไม่ได้ (apt-get install $(PDF_PACKAGES))"
	@echo "  (Ctrl+C เพื่อหยุด)"
	@echo ""
	PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py

# Django's development server with DEBUG on and code reloading (error pages list every URL).
dev: migrate
	@$(BIN)/python manage.py load_demo_data_if_empty
	DJANGO_SETTINGS_MODULE=halloffame.settings.dev $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install-dev
	DJANGO_SETTINGS_MODULE=halloffame.settings.test $(BIN)/pytest $(PYTEST_ARGS)

# Every public page type and every staff dashboard state at 375×812 and 1280×800 into screenshots/ (SCREENSHOT_DIR overrides).
screenshots: install-dev
	DJANGO_SETTINGS_MODULE=halloffame.settings.test $(BIN)/pytest -q -p no:cacheprovider tests/e2e/test_screenshots.py tests/e2e/test_dashboard_screenshots.py

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install-dev
	DJANGO_SETTINGS_MODULE=halloffame.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=halloffame.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# Province-scale load test with wrk (README "Performance"): `make bench`, `make bench DB=postgres`.
DB ?= sqlite
bench: install
	$(BIN)/python -m bench.run --db $(DB)

clean:
	rm -rf $(VENV) var
