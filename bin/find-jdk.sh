# Sourced by ./arbiter and ./mvnw: selects a JDK >= 25 and exports JAVA_HOME.
# Order: $JAVA_HOME, then `java` on the PATH, then /usr/lib/jvm/*. Fails with a clear message.
ARBITER_MIN_JAVA=25

arbiter_java_major() { # $1 = path to a java binary; prints its feature version or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

arbiter_select_jdk() {
  local candidates=() seen="" home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in /usr/lib/jvm/*; do [ -d "$home" ] && candidates+=("$home"); done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || { seen="$seen\n  $home (no java/javac)"; continue; }
    major=$(arbiter_java_major "$home/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$ARBITER_MIN_JAVA" ]; then
      export JAVA_HOME="$home"; export PATH="$home/bin:$PATH"; return 0
    fi
    seen="$seen\n  $home (Java ${major:-unknown})"
  done
  printf 'arbiter: a JDK %s or newer is required, and none was found.\nLooked at JAVA_HOME, `java` on the PATH and /usr/lib/jvm/*:%b\nInstall one (e.g. Temurin 25) and set JAVA_HOME to it.\n' \
    "$ARBITER_MIN_JAVA" "${seen:-\n  (nothing found)}" >&2
  return 1
}
