#!/usr/bin/env bash
# ./motorlearn studio [ECLIPSE ARGS...]: starts MotorLearn Studio, the Eclipse workbench with the
# MotorLearn plugin, materialised by releng/org.motorlearn.studio. Builds what is missing first: the
# command line (experiments run in a separate Java process on its class path) and the product.
# The workspace is ~/motorlearn-workspace unless -data DIR is given.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
product="$root/releng/org.motorlearn.studio/target/products/org.motorlearn.studio/linux/gtk/x86_64"
classpath_file="$root/org.motorlearn.dsl.ide/target/motorlearn.classpath"

# A workbench needs a display; without one SWT would stop with a stack trace.
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "motorlearn studio: no display (neither DISPLAY nor WAYLAND_DISPLAY is set); on a machine without" \
    "one, run: xvfb-run -a ./motorlearn studio" >&2
  exit 2
fi

# The command line first: ./motorlearn builds it when it is missing or stale.
"$root/motorlearn" --version >/dev/null

stale() {
  local launcher
  launcher="$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -1)"
  [ -z "$launcher" ] && return 0
  [ -n "$(find "$root/org.motorlearn.dsl.ui" "$root/releng" "$root/org.motorlearn.dsl/src" "$root/org.motorlearn.dsl.ide/src" \
        -path '*/target' -prune -o -type f -newer "$launcher" -print -quit)" ]
}

if stale; then
  echo "motorlearn studio: building MotorLearn Studio (first use, or sources changed); this takes a few minutes..." >&2
  log="$(mktemp)"
  if ! (cd "$root" && ./mvnw -B -ntp -q verify -DskipTests \
      -pl org.motorlearn.runtime,org.motorlearn.dsl,org.motorlearn.dsl.ide,releng,org.motorlearn.dsl.ui,releng/org.motorlearn.feature,releng/org.motorlearn.studio) \
      >"$log" 2>&1; then
    cat "$log" >&2
    echo "motorlearn studio: the build failed; the log is above (and in $log)." >&2
    exit 3
  fi
  rm -f "$log"
fi

data=()
case " $* " in
  *" -data "*) ;;
  *) data=(-data "${MOTORLEARN_WORKSPACE:-$HOME/motorlearn-workspace}") ;;
esac
cd "$product"
exec java ${MOTORLEARN_STUDIO_JAVA_OPTS:--Xmx2g} -Dmotorlearn.cli.classpath.file="$classpath_file" \
  -jar "$(ls plugins/org.eclipse.equinox.launcher_*.jar | head -1)" "${data[@]}" "$@"
