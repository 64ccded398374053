# syntax=docker/dockerfile:1
# PoliSEE production image: one Node.js process serving REST, socket.io, the collaboration
# endpoint and the built client on port 3000. Storage: MongoDB (MONGODB_URI), see
# docker-compose.yml and docs/operations.md.

# ---- build: install everything, build packages, client and server with turbo ----------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1
# better-sqlite3 and argon2 are native addons: compiled here when no prebuilt binary fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
# Manifests first, so that `npm ci` is cached until a dependency changes.
COPY package.json package-lock.json ./
COPY packages/domain/package.json packages/domain/
COPY packages/contracts/package.json packages/contracts/
COPY packages/editor-schema/package.json packages/editor-schema/
COPY packages/policy/package.json packages/policy/
COPY server/package.json server/
COPY client/package.json client/
# Fixes to dependencies that wait for a release upstream: applied by `postinstall` (patch-package).
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx turbo run build --filter=server --filter=client --output-logs=errors-only \
  # Only what runs: drop dev dependencies (tsx, vite, vitest, …) after the build.
  && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: the built server and client, production dependencies, a non-root user ---------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=3000 \
  DATA_DIR=/app/data \
  CHROMIUM_PATH=/usr/bin/chromium
WORKDIR /app
# PDF exports are printed by headless Chromium (decision 0060); their font comes from npm.
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
# Workspace packages are linked from node_modules/@polisee (the server bundle inlines them).
COPY --from=build /app/packages ./packages
# The whole server directory: dist/ and, if npm nested any there, its own node_modules/.
COPY --from=build /app/server ./server
COPY --from=build /app/client/dist ./client/dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Operator commands in this image: node server/dist/admin-create.js …, node server/dist/store-copy.js …,
# node server/dist/store-migrate.js [--dry-run]
CMD ["node", "server/dist/main.js"]
