# syntax=docker/dockerfile:1
# Build stage: dependencies first (cached while only src/ changes), then the binary.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs && touch src/lib.rs \
    && cargo build --release --locked \
    && rm -rf src
COPY src src
RUN touch src/main.rs src/lib.rs && cargo build --release --locked

# Runtime stage: the binary and the data, no shell, not root.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/target/release/itucal /usr/local/bin/itucal
COPY data /data
ENV ITUCAL_DATA=/data \
    ITUCAL_BIND=0.0.0.0:8080
EXPOSE 8080
USER nonroot
ENTRYPOINT ["/usr/local/bin/itucal"]
CMD ["serve"]
