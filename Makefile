# CentralD — `make demo` and `make test` work on a fresh machine: both run `setup` first.
SWIFT ?= swift
TEST_HOME := $(CURDIR)/.build/test-home

.PHONY: setup build release test demo bench clean-db

setup:
	@./scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

# Tests start their own PostgreSQL (the embedded one) under .build/test-home and stop it after.
test: setup
	$(SWIFT) build --build-tests
	CENTRALD_HOME=$(TEST_HOME) $(SWIFT) test --skip-build; status=$$?; \
	  CENTRALD_HOME=$(TEST_HOME) .build/debug/centrald db stop >/dev/null 2>&1; exit $$status

demo: build
	.build/debug/centrald demo

bench: release
	@./bench/run.sh

clean-db:
	-.build/debug/centrald db stop
