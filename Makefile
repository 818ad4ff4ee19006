# CoCommission: the two commands that do everything on a fresh Debian 12 machine.
#   make run    install what is missing, build, start the program on the demo round
#   make test   install what is missing, build, run every test headless
# Other targets: build, bench, format, clean, deps.

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# Debian 12 packages the build, the tests and the GUI need.
PACKAGES := cmake ninja-build g++ make pkg-config ccache \
	qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools \
	qt6-l10n-tools libqt6sql6-sqlite libqt6opengl6-dev libxkbcommon-dev libgl-dev \
	qt6-qpa-plugins libqt6svg6 libboost-serialization-dev libboost-random-dev libgeos-dev \
	sqlite3 libsqlite3-dev xvfb xauth poppler-utils fonts-dejavu-core python3-jsonschema

# What `make bench` needs beyond that: LibreOffice, the peer bench_paper is measured against.
BENCH_PACKAGES := libreoffice-writer-nogui

SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: all run test build deps bench-deps install-packages configure bench format clean

all: build

deps:
	@$(MAKE) --no-print-directory install-packages WANTED="$(PACKAGES)"

bench-deps:
	@$(MAKE) --no-print-directory install-packages WANTED="$(BENCH_PACKAGES)"

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
	@for b in $(BUILD_DIR)/bench/bench_*; do \
		if [ -f "$$b" ] && [ -x "$$b" ]; then "$$b" || exit 1; fi; \
	done

format:
	find core ui app tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
