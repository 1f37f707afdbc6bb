# Handoff: one stateless web process per container. Build once; the container never builds on start.
#   docker build -t handoff .   (deploy/compose.yaml runs two replicas behind a proxy)
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 HANDOFF_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/demo ./demo
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# Liveness only, on the PORT the server listens on (docker run -e PORT=8080 too); the proxy and orchestrators use
# /readyz (database reachable, not draining) for traffic.
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node as PID 1 receives SIGTERM itself: requests drain (HANDOFF_SHUTDOWN_GRACE_SECONDS) before it exits.
CMD ["node", "--enable-source-maps", "dist/server/server/main.js"]
