#!/bin/sh
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 for the test run.
# The tests create and drop their own database (test_kinerja) as user postgres.
set -eu
ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "Perlu hak root untuk: $*" >&2; exit 1; fi
}

ready && exit 0
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "PostgreSQL belum terpasang; memasang paket Debian postgresql …"
    as_root apt-get update -q
    as_root apt-get install -y -q postgresql
fi
version=$(ls /etc/postgresql | sort -n | tail -n 1)
hba=/etc/postgresql/$version/main/pg_hba.conf
# Local test server only: trust the postgres user on the loopback address.
if ! as_root grep -q "kinerja-test" "$hba"; then
    as_root sh -c "printf 'host all postgres 127.0.0.1/32 trust # kinerja-test\n' | cat - $hba > $hba.new && mv $hba.new $hba"
fi
as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
    || as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
for _ in 1 2 3 4 5 6 7 8 9 10; do ready && exit 0; sleep 1; done
echo "PostgreSQL tidak menjawab di 127.0.0.1:5432." >&2
exit 1
