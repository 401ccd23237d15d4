# carenet API for production-like use beside Neo4j (see docker-compose.yml).
FROM node:20-bookworm-slim AS web
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY web ./web
COPY src/carenet/web/static ./src/carenet/web/static
RUN if [ -f web/build.mjs ]; then npm run --silent build; fi

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    CARENET_HOST=0.0.0.0 CARENET_PORT=8000 CARENET_DATA_DIR=/data
RUN groupadd --system carenet && useradd --system --gid carenet --home-dir /app carenet \
    && mkdir -p /app /data && chown carenet:carenet /data
WORKDIR /app
COPY pyproject.toml setup.py README.md ./
COPY src ./src
COPY --from=web /build/src/carenet/web/static ./src/carenet/web/static
# the schema files and the built pages are package data; setup.py refuses to build without the pages
RUN pip install --no-cache-dir .
USER carenet
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=5 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=2).status == 200 else 1)"
CMD ["carenet", "serve"]
