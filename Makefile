# ReTerr — two commands: `make demo` (the main job on the sample) and `make test`.
# Both install what they need the first time (apt packages as root, .venv), and are fast after.
SHELL := /bin/bash
PY := .venv/bin/python
TS := $(wildcard i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: demo test test-debian13 test-user-install setup setup-dev translations ts bench lint format zip sample layout clean

setup:
	@scripts/setup.sh

setup-dev:
	@scripts/setup.sh --dev

i18n/%.qm: i18n/%.ts
	@lrelease -silent $< -qm $@

translations: $(QM)

demo: setup translations
	@scripts/demo.sh

test: setup-dev translations
	@scripts/run_tests.sh

# The suite and the demo of a fresh clone of HEAD on Debian 13 (QGIS 3.40), in a chroot made under
# build/debian13/ from a Debian 12 machine, as root (scripts/test_debian13.sh; not part of .ci/run).
test-debian13:
	@scripts/test_debian13.sh

# The plugin ZIP installed as planners get it, into fresh Debian 12 and 13 systems where only
# `apt install qgis` was typed, then after the plugin's own install instructions
# (scripts/test_user_install.sh, chroots under build/user-install/; as root; not part of .ci/run).
test-user-install:
	@scripts/test_user_install.sh

bench: setup-dev
	@$(PY) bench/run.py

lint: setup-dev
	@$(PY) -m ruff check . && $(PY) -m ruff format --check .

format: setup-dev
	@$(PY) -m ruff format . && $(PY) -m ruff check --fix .

# Refresh the French translation source from the code (then translate the new entries).
ts:
	@scripts/update_translations.sh

zip: setup translations
	@$(PY) scripts/package.py

sample: setup-dev
	@.venv/bin/pip install -q -c build/constraints.txt -r requirements-sample.txt
	@$(PY) scripts/build_sample.py
	@$(PY) scripts/build_sample_services.py
	@$(PY) scripts/build_sample_supply.py

layout: setup
	@QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_layout_template.py

clean:
	@findmnt -rn -o TARGET | grep -q "^$$PWD/build/" && { echo "build/ has mounts (a Debian 13 chroot in use): not cleaned" >&2; exit 1; } || true
	rm -rf --one-file-system build out dist .pytest_cache i18n/*.qm
