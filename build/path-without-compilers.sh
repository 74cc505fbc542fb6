#!/usr/bin/env bash
# Prints a directory to use as PATH: links to every command on the current PATH except Python, make
# and C/C++ compilers. `.ci/run` installs the packages with it, proving `npm ci` needs none of them.
# The caller removes the directory afterwards.
set -euo pipefail
dir="$(mktemp -d)"
IFS=: read -ra parts <<<"$PATH"
for p in "${parts[@]}"; do
  [ -d "$p" ] || continue
  for f in "$p"/*; do
    [ -x "$f" ] || continue
    b="${f##*/}"
    case "$b" in
      python* | make | gmake | cc | c++ | cpp | gcc* | g++* | clang* | *-gcc* | *-g++* | node-gyp) continue ;;
    esac
    [ -e "$dir/$b" ] || ln -s "$f" "$dir/$b"
  done
done
echo "$dir"
