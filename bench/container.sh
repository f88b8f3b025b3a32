#!/usr/bin/env bash
# The container image, built by Jib and started, on a machine with no container registry and no Docker daemon:
#
#   bench/container.sh        [PORT=18195]
#
# 1. A base image equal for Masthead's purposes to the configured gcr.io/distroless/java17-debian12:nonroot (Debian 12,
#    OpenJDK 17's JRE, the user "nonroot" 65532) is made from Debian's own packages with debootstrap and written as a
#    `docker save` tarball.
# 2. Jib builds Masthead's image on it: ./mvnw jib:buildTar -Djib.from.image=tar://… → target/masthead-image.tar.
# 3. The image is checked (layers, non-root user, entrypoint) and run: its layers unpacked in order into a root
#    directory, the entrypoint started there as the image's user (chroot, with /proc and /dev bound), and the site
#    asked for its health and the seed article on 127.0.0.1.
#
# Needs root (debootstrap, chroot) and Debian's mirror; everything else is the repository's own build.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18195}
WORK=${WORK:-/tmp/masthead-container}
BASE=$WORK/debian-jre17.tar
IMAGE=target/masthead-image.tar
mkdir -p "$WORK"

command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }

# 1. The base image, once
if [ ! -f "$BASE" ]; then
  rootfs=$WORK/base-rootfs
  if [ ! -x "$rootfs/usr/lib/jvm/java-17-openjdk-amd64/bin/java" ]; then
    rm -rf "$rootfs"
    debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$rootfs" \
        http://deb.debian.org/debian
  fi
  # the image's user, as distroless's "nonroot": PostgreSQL's initdb refuses to run as a user /etc/passwd lacks
  grep -q '^nonroot:' "$rootfs/etc/passwd" || chroot "$rootfs" useradd --uid 65532 --user-group --no-create-home \
      --home-dir /home/nonroot --shell /usr/sbin/nologin nonroot
  rm -rf "$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"*
  layer=$WORK/base-layer.tar
  tar --numeric-owner --xattrs -C "$rootfs" -cf "$layer" .
  digest=$(sha256sum "$layer" | cut -d' ' -f1)
  dir=$WORK/base-image
  rm -rf "$dir" && mkdir -p "$dir/$digest"
  mv "$layer" "$dir/$digest/layer.tar"
  jq -n --arg diff "sha256:$digest" '{architecture: "amd64", os: "linux",
      config: {Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                     "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64", "LANG=C.UTF-8"]},
      rootfs: {type: "layers", diff_ids: [$diff]}}' >"$dir/config.json"
  config=$(sha256sum "$dir/config.json" | cut -d' ' -f1).json
  mv "$dir/config.json" "$dir/$config"
  jq -n --arg config "$config" --arg layer "$digest/layer.tar" \
      '[{Config: $config, RepoTags: ["debian-jre:17"], Layers: [$layer]}]' >"$dir/manifest.json"
  (cd "$dir" && tar -cf "$BASE" -- *) # entry names without "./": Jib refuses those
fi
echo "Base image: $BASE ($(du -h "$BASE" | cut -f1))"

# 2. Masthead's image, by Jib
./mvnw -B -q -DskipTests package jib:buildTar -Djib.from.image="tar://$(realpath "$BASE")" \
    -Djib.outputPaths.tar="$PWD/$IMAGE"
echo "Image: $IMAGE ($(du -h "$IMAGE" | cut -f1))"

# 3. What is in it, and does it run
unpacked=$WORK/image && rm -rf "$unpacked" && mkdir -p "$unpacked" && tar -C "$unpacked" -xf "$IMAGE"
config=$unpacked/$(jq -r '.[0].Config' "$unpacked/manifest.json")
user=$(jq -r '.config.User' "$config")
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
layers=$(jq -r '.[0].Layers | length' "$unpacked/manifest.json")
echo "Layers: $layers; user: $user; entrypoint: ${entrypoint[*]}"
[ "$user" != "root" ] && [ "${user%%:*}" != "0" ] || { echo "the image runs as root" >&2; exit 1; }

rootfs=$WORK/rootfs
umount -R "$rootfs/proc" "$rootfs/dev" 2>/dev/null || true
for bound in "$rootfs/proc" "$rootfs/dev"; do # never delete through a mount of the host's /proc or /dev
  if mountpoint -q "$bound"; then echo "$bound is still mounted; not removing $rootfs" >&2; exit 1; fi
done
rm -rf --one-file-system "$rootfs" && mkdir -p "$rootfs"
while read -r layer; do
  tar --numeric-owner --warning=no-unknown-keyword -C "$rootfs" -xf "$unpacked/$layer"
done < <(jq -r '.[0].Layers[]' "$unpacked/manifest.json")
mkdir -p "$rootfs/data" "$rootfs/tmp" && chown "$user" "$rootfs/data" && chmod 1777 "$rootfs/tmp"
mount --bind /proc "$rootfs/proc" && mount --rbind /dev "$rootfs/dev" # /dev/shm for PostgreSQL's shared memory
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  umount -R "$rootfs/proc" "$rootfs/dev" 2>/dev/null || true
}
trap cleanup EXIT
mapfile -t env < <(jq -r '.config.Env[]' "$config")
workdir=$(jq -r '.config.WorkingDir // "/"' "$config")
# the image's own environment and entrypoint, as its user, with the site on a free port
env -i "${env[@]}" chroot --userspec="$user" "$rootfs" /bin/sh -c 'cd "$0" && exec "$@"' "$workdir" \
    "${entrypoint[@]}" --server.port="$PORT" --management.server.port=$((PORT + 1)) >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$((PORT + 1))/actuator/health/readiness" >/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the container's process died, see $WORK/app.log" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }
  sleep 0.5
done
seed=$(curl -s -o /dev/null -w '%{http_code}' \
    "http://127.0.0.1:$PORT/articles/russia-stalls-once-again-as-ukraine-pushes-for-new-february-peace-talks")
owner=$(stat -c %u "$rootfs/data/postgres" 2>/dev/null || echo none)
echo "Started from the image: readiness UP, seed article $seed, data written by uid $owner in the /data volume"
[ "$seed" = 200 ] && [ "$owner" = "${user%%:*}" ]
