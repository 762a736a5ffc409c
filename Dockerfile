# syntax=docker/dockerfile:1
# itucal: the feeds server in a small image with no shell, running as a non-root user, fit for a
# read-only root file system. Operations: docs/operations.md. Checked against the binary by
# tests/dockerfile.rs; lint: `hadolint Dockerfile`.

# Build stage. Dependencies are compiled against a stub crate first, so that layer stays cached
# while only src/ changes. Debian 12 (bookworm) to match the glibc of the runtime image.
FROM rust:1.95.0-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
RUN mkdir src \
    && echo 'fn main() {}' > src/main.rs \
    && touch src/lib.rs \
    && cargo build --release --locked \
    && rm -rf src
COPY static static
COPY src src
# COPY keeps the files' own mtimes, which can be older than the stub build: touch, so cargo
# rebuilds the crate itself
RUN touch src/main.rs src/lib.rs \
    && cargo build --release --locked

# Runtime stage: the binary and the shipped data; no shell, no package manager.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/target/release/itucal /usr/local/bin/itucal
# the shipped meetings; mount a volume here (read-only is enough) to serve other data
COPY data /srv/itucal/data
# every interface inside the container; the health check then probes 127.0.0.1:8080
ENV ITUCAL_DATA=/srv/itucal/data \
    ITUCAL_BIND=0.0.0.0:8080
EXPOSE 8080
# numeric, so that orchestrators can verify it is not root (distroless "nonroot")
USER 65532:65532
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["/usr/local/bin/itucal", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/itucal"]
CMD ["serve"]
