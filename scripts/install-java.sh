#!/usr/bin/env bash
# Installs a Java runtime for the archive's Spark test (pyspark runs on the JVM). Idempotent:
# does nothing where java is already on the PATH. The test skips itself, saying why, where
# no Java can be installed; this script never fails the build.
set -u
if command -v java >/dev/null 2>&1 || [ -n "${JAVA_HOME:-}" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null) \
    || echo "install-java: could not install default-jre-headless; the Spark test will be skipped" >&2
else
  echo "install-java: not root or no apt-get; the Spark test will be skipped" >&2
fi
exit 0
