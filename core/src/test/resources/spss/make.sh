#!/bin/sh
# Writes the SPSS test files from couples.sps with GNU PSPP (Debian's pspp package):
#   cd core/src/test/resources/spss && sh make.sh
# The values written are the ones in couples.sps (and in SpssFileTest); the checksums of the files
# are in SHA256SUMS. couples.sav is uncompressed, couples-bytecode.sav bytecode-compressed,
# couples.zsav zlib-compressed.
set -eu
pspp --version | head -1 > PSPP_VERSION
pspp -b couples.sps
sha256sum couples.sav couples-bytecode.sav couples.zsav > SHA256SUMS
