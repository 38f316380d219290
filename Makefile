# The two commands: `make report` and `make test` (README.md).
# Both install missing Debian packages first, then build.

PRESET ?= release
BUILD_DIR := build/$(PRESET)
ALLIANCE := $(BUILD_DIR)/apps/alliance/alliance
JOBS ?= $(shell nproc)

.PHONY: all deps build report test test-asan fuzz bench clean

all: build

deps:
	@./scripts/install-deps.sh

build: deps
	@cmake --preset $(PRESET) >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

report: build
	@$(ALLIANCE) report --output out/report
	@echo "report: $(CURDIR)/out/report/index.html"

test: build
	@ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

test-asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build build/asan -j $(JOBS)
	@ctest --test-dir build/asan --output-on-failure -j $(JOBS)

fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build build/fuzz -j $(JOBS)
	@./scripts/run-fuzzers.sh build/fuzz 20

bench: deps
	@cmake --preset bench >/dev/null
	@cmake --build build/bench -j $(JOBS)
	@cmake --build build/bench --target bench

clean:
	rm -rf build out
