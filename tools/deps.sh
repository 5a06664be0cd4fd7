#!/bin/sh
# deps.sh: installs the Debian packages quire needs to build and test, or,
# when not root, prints the exact command that would.  Run by `make deps`.
pkgs="make gcc pkg-config libutf8proc-dev libyaml-dev libcriterion-dev mandoc unicode-data bzip2"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
	    missing="$missing $p"
done
if [ -z "$missing" ]; then
	echo "deps: all installed"
	exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing:$missing"
	echo "deps: run as root: apt-get update && apt-get install -y$missing"
	exit 1
fi
apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends $missing
