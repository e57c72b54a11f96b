#!/usr/bin/env bash
# Builds the demo shop's container image with no registry: FROM scratch, a runtime jlinked from this
# machine's JDK with java.base, java.net.http and jdk.httpserver, and a jar of the shop's classes
# (dev.replaytwin.scenario.demo.ShopImage, taken from twin.jar). One image holds both releases.
#
#   scenarios/examples/shop-image.sh [TAG]      TAG defaults to replaytwin-demo-shop:local
#   docker run --rm -p 8080:8080 replaytwin-demo-shop:local --host 0.0.0.0 --port 8080 --release 1.5
#   ./twin run my-scenario.yaml --driver docker
#
# JAVA_HOME picks the JDK (17 or newer, with jlink); TWIN_JAR the jar (default cli/target/twin.jar).
# Building again with the same JDK and classes only checks that the image is up to date.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${TWIN_JAR:-$root/cli/target/twin.jar}"
if [[ ! -f "$jar" ]]; then
  echo "shop-image.sh: $jar not found: build it first with ./mvnw -B package -DskipTests -pl cli -am" >&2
  exit 2
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [[ $# -gt 1 ]]; then
  echo "shop-image.sh: expected at most one argument, the tag (got $#: $*)" >&2
  exit 2
fi
args=()
if [[ $# -eq 1 ]]; then
  args=(--tag "$1")
fi

exec "$java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar" \
  dev.replaytwin.scenario.demo.ShopImage "${args[@]}"
