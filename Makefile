# CoCommission: the two commands that do everything on a fresh Debian 12 machine.
#   make run    install what is missing, build, start the program on the demo round
#   make test   install what is missing, build, run every test headless
# Other targets: build, package, bench, stress, fuzz, check-all, format, clean, deps.

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# Debian 12 packages the build, the tests and the GUI need.
PACKAGES := cmake ninja-build g++ make pkg-config ccache \
	qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools \
	qt6-l10n-tools libqt6sql6-sqlite libqt6opengl6-dev libxkbcommon-dev libgl-dev \
	qt6-qpa-plugins libqt6svg6 libboost-serialization-dev libboost-random-dev libgeos-dev \
	sqlite3 libsqlite3-dev xvfb xauth poppler-utils fonts-dejavu-core python3-jsonschema \
	dpkg-dev desktop-file-utils appstream shared-mime-info

# What `make bench` needs beyond that: LibreOffice, the peer bench_paper is measured against.
BENCH_PACKAGES := libreoffice-writer-nogui
# What `make fuzz` and `make check-all` need: clang with libFuzzer and the sanitizer runtimes.
FUZZ_PACKAGES := clang libclang-rt-14-dev

# The sanitizer build (AddressSanitizer and UndefinedBehaviorSanitizer) and the fuzzing build
# live in build directories of their own; FUZZ_SECONDS is how long each fuzz target runs.
SANITIZE_DIR ?= build-sanitize
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
CHECK_FUZZ_SECONDS ?= 10
# How many SIGKILLs `make stress` gives the crash harness (make test gives it a handful).
STRESS_KILLS ?= 200

SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: all run test build deps bench-deps fuzz-deps install-packages configure bench package \
	stress fuzz check-all format clean

all: build

deps:
	@$(MAKE) --no-print-directory install-packages WANTED="$(PACKAGES)"

bench-deps:
	@$(MAKE) --no-print-directory install-packages WANTED="$(BENCH_PACKAGES)"

fuzz-deps:
	@$(MAKE) --no-print-directory install-packages WANTED="$(FUZZ_PACKAGES)"

install-packages:
	@missing=""; \
	for p in $(WANTED); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing missing Debian packages:$$missing"; \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/app/cocommission --demo

test: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS)

bench: build bench-deps
	bench/run-benchmarks.sh $(BUILD_DIR)

# The .deb and .tar.gz (installer/), written to $(BUILD_DIR)/packages.
package: build
	cd $(BUILD_DIR) && cpack --config CPackConfig.cmake

# The crash harness with many kills: SIGKILL at random moments of a stream of edits.
stress: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen COCOMMISSION_CRASH_KILLS=$(STRESS_KILLS) \
		ctest --output-on-failure -R '^tst_crashsafety$$' --timeout 3600

# Each libFuzzer target (clang) for FUZZ_SECONDS on its seed corpus from tests/fuzz.
fuzz: deps fuzz-deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DCOCOMMISSION_FUZZ=ON -DCOCOMMISSION_BUILD_TESTS=OFF -DCOCOMMISSION_BUILD_BENCH=OFF
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target fuzzers
	fuzz/run-fuzzers.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

# Every test under AddressSanitizer and UndefinedBehaviorSanitizer, then a short fuzz pass.
check-all: deps fuzz-deps
	cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DCOCOMMISSION_ASAN=ON -DCOCOMMISSION_BUILD_BENCH=OFF
	cmake --build $(SANITIZE_DIR) -j $(JOBS)
	cd $(SANITIZE_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS)
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS)

format:
	find core ui app tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
