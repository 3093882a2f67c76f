# Shortcuts; dev.py does the work so that only Python is needed.
.PHONY: run test check build binary i18n
run:
	python3 dev.py run
test:
	python3 dev.py test
check:
	.venv/bin/fieldkit check --sources ../shared/sources
build:
	.venv/bin/fieldkit build --out fieldkit.db
binary:
	bash build/build.sh
i18n:
	python3 dev.py i18n
