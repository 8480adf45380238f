#!/usr/bin/env bash
# `make prod`: the production profile on one machine. Starts the machine's PostgreSQL cluster
# (if it is down) and a Redis of its own, migrates, loads the demo magazine and serves it with
# gunicorn on 127.0.0.1:$APP_PORT behind Varnish (the edge cache, magazine/varnish/) on
# 127.0.0.1:$PORT. Ctrl-C, or SIGTERM to its process group, stops all it started.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8000}
APP_PORT=${APP_PORT:-$((PORT + 1))}  # gunicorn, behind Varnish
REDIS_PORT=${REDIS_PORT:-6390}
SMTP_PORT=${SMTP_PORT:-2525}  # the local mail sink newsletters are sent to
STATE=.prod  # this profile's secret key, uploads, static files and Redis folder
VENV=.venv/bin
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v varnishd >/dev/null || missing+=(varnish)
ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1 || missing+=(varnish-modules)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
mkdir -p "$STATE/redis"

pids=()
pg_started=""
read -r pg_version pg_cluster pg_status < <(pg_lsclusters --no-header | awk '{print $1, $2, $4; exit}')
stop() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$pg_started" ]; then as_root pg_ctlcluster "$pg_version" "$pg_cluster" stop || true; fi
}
trap stop EXIT INT TERM

if [ "$pg_status" != online ]; then
  as_root pg_ctlcluster "$pg_version" "$pg_cluster" start
  pg_started=1
fi
psql_admin() { as_root su postgres -c "psql -qtAc \"$1\""; }
psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'magazine'" | grep -q 1 ||
  psql_admin "CREATE ROLE magazine LOGIN PASSWORD 'magazine' CREATEDB"
psql_admin "SELECT 1 FROM pg_database WHERE datname = 'magazine_prod'" | grep -q 1 ||
  psql_admin "CREATE DATABASE magazine_prod OWNER magazine"
# Search ranks in a RUM index (search/postgres_backend.py); only a superuser may create `rum`.
[ -f "/usr/share/postgresql/$pg_version/extension/rum.control" ] ||
  { as_root apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "postgresql-$pg_version-rum"; }
as_root su postgres -c "psql -qd magazine_prod -c 'CREATE EXTENSION IF NOT EXISTS rum'"

# A memory limit: cached pages and renditions (which expire) are evicted first; the task
# queue and the page cache's generation (which do not) are kept (docs/operations.md).
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$STATE/redis" --save "" \
  --appendonly no --loglevel warning --maxmemory 512mb --maxmemory-policy volatile-lru &
pids+=($!)

# A local SMTP sink for the newsletters (aiosmtpd): each message kept as a file in
# .prod/mail/new/ (a Maildir), none sent on. Set EMAIL_URL to a real server instead.
if [ -z "${EMAIL_URL:-}" ]; then
  mkdir -p "$STATE/mail/cur" "$STATE/mail/new" "$STATE/mail/tmp"
  "$VENV/python" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$STATE/mail" &
  pids+=($!)
  export EMAIL_URL="smtp://127.0.0.1:$SMTP_PORT"
fi

[ -s "$STATE/secret_key" ] || "$VENV/python" -c "import secrets; print(secrets.token_urlsafe(50))" >"$STATE/secret_key"
export DJANGO_SETTINGS_MODULE=magazine.settings.production
export SECRET_KEY="$(cat "$STATE/secret_key")"
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL=postgres://magazine:magazine@127.0.0.1:5432/magazine_prod
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export MEDIA_ROOT="$PWD/$STATE/media" STATIC_ROOT="$PWD/$STATE/static"
export SERVE_MEDIA_FILES=1  # no web server in front of gunicorn here
export SECURE_SSL_REDIRECT=0 HSTS_SECONDS=0  # plain HTTP on loopback, no TLS proxy in front
export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$PORT"
# Changes purge Varnish by surrogate key (caching/edge.py); Varnish is the proxy to trust for
# readers' addresses.
export WAGTAILFRONTENDCACHE="{\"edge\": {\"BACKEND\": \"caching.edge.VarnishBackend\", \"LOCATION\": \"http://127.0.0.1:$PORT\"}}"
export TRUSTED_PROXIES=127.0.0.1

"$VENV/python" manage.py collectstatic --no-input -v 0
"$VENV/python" manage.py migrate --no-input
"$VENV/python" manage.py local_site_address --port "$PORT"
"$VENV/python" manage.py load_demo
# The database outlives .prod/ (make clean, a second checkout): remake crops whose file is gone.
"$VENV/python" manage.py repair_media
"$VENV/python" manage.py ensure_admin
"$VENV/python" manage.py run_scheduler &
pids+=($!)
# Background tasks (picture crops, embeds, CDN purges) from Redis.
"$VENV/python" manage.py rqworker --job-class django_tasks_rq.Job \
  --worker-class magazine.task_worker.DjangoSimpleWorker --with-scheduler default &
pids+=($!)
"$VENV/gunicorn" -c python:magazine.gunicorn --bind "127.0.0.1:$APP_PORT" &
pids+=($!)
# The edge cache in front, in the foreground of its own process so that stopping stops it.
# `-j none`: no privilege separation, as the state folder belongs to whoever runs this.
# http_gzip_support off: the origin compresses (Brotli or gzip) and Varnish keeps each copy
# by the Accept-Encoding the VCL spelled one way, rather than asking for gzip only.
sed -e "s/BACKEND_HOST/127.0.0.1/" -e "s/BACKEND_PORT/$APP_PORT/" magazine/varnish/magazine.vcl \
  >"$STATE/varnish.vcl"
varnishd -F -j none -a "127.0.0.1:$PORT" -f "$PWD/$STATE/varnish.vcl" -s malloc,256m \
  -p http_gzip_support=off -n "$PWD/$STATE/varnish" &
pids+=($!)
wait -n
