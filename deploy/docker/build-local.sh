#!/usr/bin/env bash
# Builds the twin image with no registry: FROM scratch, with a runtime jlinked from this machine's
# JDK, the shared libraries it links (found with ldd) and the shaded twin.jar. It runs like the image
# deploy/docker/Dockerfile builds: same entry point, same /work directory.
#
#   deploy/docker/build-local.sh [TAG]          TAG defaults to twin:local
#   docker run --rm -v "$PWD:/work" twin:local capture stats prod.twcap
#
# JAVA_HOME picks the JDK (17 or newer, with jlink); TWIN_JAR the jar (default cli/target/twin.jar).
# Building again with the same JDK and jar only checks that the image is up to date.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tag="${1:-twin:local}"
jar="${TWIN_JAR:-$root/cli/target/twin.jar}"
if [[ ! -f "$jar" ]]; then
  echo "build-local.sh: $jar not found: build it first with ./mvnw -B package -DskipTests -pl cli -am" >&2
  exit 2
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# jdeps --print-module-deps --ignore-missing-deps --multi-release 17 twin.jar, plus jdk.crypto.ec:
# TLS finds its elliptic-curve provider as a service, which jdeps cannot see.
modules=java.base,java.compiler,java.desktop,java.instrument,java.naming,java.scripting,java.security.jgss
modules+=,java.sql,jdk.jfr,jdk.management,jdk.unsupported,jdk.crypto.ec

# The builder is in twin.jar itself (dev.replaytwin.deploy.LocalImage); it talks to the engine the
# way Testcontainers finds it (DOCKER_HOST, or /var/run/docker.sock).
exec "$java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar" \
  dev.replaytwin.deploy.internal.docker.LocalImageMain \
  --tag "$tag" \
  --main dev.replaytwin.cli.TwinCommand \
  --modules "$modules" \
  --jvm-option --enable-native-access=ALL-UNNAMED \
  --workdir /work \
  "$jar"
