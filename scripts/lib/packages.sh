# Installs Debian packages that are missing, quietly and idempotently. Source this file, then: ensure_packages pkg…
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Refresh the package lists only when they are missing or older than a day.
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages' -mtime -1 2>/dev/null | head -n 1)" ]; then
    $sudo apt-get update -qq
  fi
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# What building Jianwu needs (C libraries used through SwiftPM system-library targets).
JIANWU_BUILD_PACKAGES=(pkg-config libsqlite3-dev libpq-dev libssl-dev libargon2-dev libcairo2-dev libpango1.0-dev fonts-noto-cjk)
# What the test suite needs beyond the build: a real PostgreSQL server, the sqlite3 and curl clients.
# libicu-dev: only the segmentation comparison in bench/knowledge links ICU, but `swift build --build-tests` builds it.
# chromium, chromium-driver, python3-selenium, fonts-noto-cjk: the browser tests (Tests/Browser) in headless Chromium
# with real CJK fonts.
# janus, janus-tools, libjs-janus-gateway, ffmpeg: remote video (the Media tests start a real Janus).
JIANWU_TEST_PACKAGES=(postgresql sqlite3 curl procps python3 openssl libicu-dev chromium chromium-driver python3-selenium fonts-noto-cjk
  janus janus-tools libjs-janus-gateway libjs-webrtc-adapter ffmpeg iproute2 poppler-utils)
