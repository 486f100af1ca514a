# Lighthouse Kiosk: every developer and operator command lives here.
#
#   make run    install what is missing, build a release binary, start the kiosk
#   make test   install what is missing, then every check and test (what CI runs)
#
# Both work on a fresh Debian 12 or Ubuntu 22.04+ machine with Rust, Node and build tools:
# missing system packages are installed with apt (through sudo when not root).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
NODE ?= node
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CARGO_BIN):$(PATH)

# What the kiosk needs to build and run (cmake and nasm build the libjpeg-turbo the photo
# pipeline links in; CJK fonts: the content is in Chinese; an emoji font: staff write emoji,
# which show as empty boxes without one; the GStreamer plugins WebKit plays videos with:
# MP4 and WebM, VP8/VP9 from -good, H.264 from -libav).
RUN_PACKAGES := build-essential pkg-config cmake nasm libwebkit2gtk-4.1-dev fonts-noto-cjk fonts-noto-color-emoji gstreamer1.0-plugins-good gstreamer1.0-libav
# What the tests add: a private X server, WebKit's WebDriver, `import` for screenshots,
# Chromium with its WebDriver (which delivers real touch input to the UI), xdotool to press
# keys on the kiosk's private screen, and Syncthing, rsync and git to copy content between screens.
TEST_PACKAGES := xvfb webkit2gtk-driver imagemagick chromium chromium-driver xdotool syncthing rsync git
# What the benchmarks compare against, GNU time to measure every tool the same way, and
# ffmpeg to make the 1080p video the video benchmark plays.
BENCH_PACKAGES := libvips-tools time ffmpeg
TAURI_DRIVER_VERSION := 2.1.0

KIOSK_RELEASE := target/release/lighthouse-kiosk

# Every test file, found rather than listed: the library's own (core/tests) and the
# end-to-end suite's, except the package's, which `make package` runs on the .deb it builds.
CORE_TESTS := $(basename $(notdir $(wildcard core/tests/*.rs)))
E2E_TESTS := $(filter-out package,$(basename $(notdir $(wildcard tests/e2e/tests/*.rs))))
# Real-world image files kept beside the repository, walked by one photo test. A lone
# clone has none: the test then says it was skipped. CI requires it (.ci/run).
CORPUS := $(abspath ../shared/corpus/images/pillow)

.PHONY: help run test deps deps-test build release bench soak package check-fmt lint rust-tests ui-tests e2e-tests screenshots clean

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

run: deps release ## build a release binary and start the kiosk on this display (ARGS="--content DIR")
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "make run: no display (DISPLAY is not set). Run it from the kiosk's desktop session."; exit 1; fi
	$(KIOSK_RELEASE) $(ARGS)

test: deps deps-test check-fmt ui-tests lint build rust-tests ## every check and test, as CI runs them
	@echo "make test: all checks passed"

deps: ## install the system packages needed to build and run
	@$(call apt_install,$(RUN_PACKAGES))

deps-test: deps ## install what the tests need as well (Xvfb, WebDrivers, tauri-driver, axe-core)
	@$(call apt_install,$(TEST_PACKAGES))
	@[ -f node_modules/axe-core/axe.min.js ] || npm ci --no-audit --no-fund
	@if ! command -v tauri-driver >/dev/null; then \
	  echo "installing tauri-driver $(TAURI_DRIVER_VERSION)"; \
	  $(CARGO) install tauri-driver --locked --version $(TAURI_DRIVER_VERSION); fi

build: ## debug build of everything (the end-to-end tests drive this binary)
	$(CARGO) build --workspace --all-targets

release: ## optimised kiosk binary in target/release
	$(CARGO) build --release -p lighthouse-kiosk

check-fmt:
	$(CARGO) fmt --all --check

lint:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

rust-tests: build ## Rust unit and fixture tests, then the app end to end
	@# Both runs name the whole workspace so cargo resolves the same features and
	@# reuses the build instead of compiling tauri a second time.
	@[ -d "$(CORPUS)" ] || echo "make test: the photo corpus test will be skipped: $(CORPUS) is not there (CI has it)"
	LIGHTHOUSE_CORPUS="$(CORPUS)" $(CARGO) test --workspace --lib $(addprefix --test ,$(CORE_TESTS))
	$(CARGO) test --workspace $(addprefix --test ,$(E2E_TESTS))

ui-tests: ## the UI's logic modules, without a browser
	$(NODE) --test tests/ui/*.test.js

bench: deps deps-test release ## photo pipeline vs vipsthumbnail and ImageMagick; start-up, memory, reload, CPU vs Chromium; large content; a 1080p video; the editor
	@$(call apt_install,$(BENCH_PACKAGES))
	$(CARGO) bench -p lighthouse-core --bench photos
	LIGHTHOUSE_KIOSK_BIN=$(CURDIR)/$(KIOSK_RELEASE) $(CARGO) bench -p lighthouse-e2e --bench kiosk
	LIGHTHOUSE_KIOSK_BIN=$(CURDIR)/$(KIOSK_RELEASE) $(CARGO) bench -p lighthouse-e2e --bench large
	LIGHTHOUSE_KIOSK_BIN=$(CURDIR)/$(KIOSK_RELEASE) $(CARGO) bench -p lighthouse-e2e --bench video
	LIGHTHOUSE_KIOSK_BIN=$(CURDIR)/$(KIOSK_RELEASE) $(CARGO) bench -p lighthouse-e2e --bench editor

soak: deps deps-test release ## 10,000 sped-up slides with faults on a schedule: memory, descriptors, recovery (~70 min)
	LIGHTHOUSE_KIOSK_BIN=$(CURDIR)/$(KIOSK_RELEASE) $(CARGO) bench -p lighthouse-e2e --bench soak

package: deps release ## a .deb for the lobby PC (binary, default content, systemd user unit), then checks it
	@[ -x node_modules/.bin/tauri ] || npm ci --no-audit --no-fund
	node_modules/.bin/tauri bundle --bundles deb --ci
	LIGHTHOUSE_DEB="$(CURDIR)/$$(ls -t target/release/bundle/deb/*.deb | head -1)" $(CARGO) test -p lighthouse-e2e --test package
	@ls -l target/release/bundle/deb/*.deb

schemas: ## regenerate assets/content/schema/ after changing the content types
	UPDATE_EXPECT=1 $(CARGO) test -p lighthouse-core --lib schema

fixtures: ## rewrite tests/fixtures/*/expected.txt (read the diff before committing)
	UPDATE_EXPECT=1 $(CARGO) test -p lighthouse-core --test content

screenshots: ## refresh the README's screenshots from the last end-to-end run
	convert target/e2e-screenshots/landscape-1920x1080-zh-attract.png -quality 82 docs/screenshot-attract.jpg
	convert target/e2e-screenshots/landscape-1920x1080-en-story.png -quality 82 docs/screenshot-story.jpg
	convert target/e2e-screenshots/landscape-1920x1080-zh-contact.png -quality 85 docs/screenshot-contact.jpg
	convert target/e2e-screenshots/portrait-1080x1920-zh-highlights.png -quality 82 docs/screenshot-portrait.jpg

clean:
	$(CARGO) clean

# apt_install PACKAGES: install those of PACKAGES that are not installed yet.
define apt_install
missing=""; \
for package in $(1); do \
  dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$package"; \
done; \
if [ -n "$$missing" ]; then \
  echo "installing:$$missing"; \
  $(SUDO) apt-get update -qq; \
  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
fi
endef
