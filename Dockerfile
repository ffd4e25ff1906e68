# feedback-bot as a container: slim Python, a non-root user, the database and key on a
# volume, and `feedback-bot doctor --offline` as the health check.
#   docker build -t feedback-bot .
#   docker compose up -d        (see compose.yaml and README, "Running it in production")
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    FEEDBACK_BOT_DATABASE=/data/feedback.db \
    FEEDBACK_BOT_LOCALE_DIR=/app/locale

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY flows ./flows
# The translation catalogues: not part of the installed package (FEEDBACK_BOT_LOCALE_DIR).
COPY locale ./locale
RUN pip install --no-compile . \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin feedback \
    && mkdir -p /data && chown feedback:feedback /data && chmod 700 /data
COPY config.yaml /app/config.yaml

USER feedback
# The database, its -wal/-shm, the key file (unless FEEDBACK_BOT_SECRET is set) and the
# daily backups: one volume, owner-only.  Copy backups off the machine, and keep the key
# somewhere else again (README).
VOLUME ["/data"]
# Webhook mode only (telegram.webhook.listen must then be 0.0.0.0 inside the container).
EXPOSE 8443

HEALTHCHECK --interval=5m --timeout=60s --start-period=2m --retries=2 \
    CMD ["feedback-bot", "--config", "/app/config.yaml", "doctor", "--offline"]

ENTRYPOINT ["feedback-bot", "--config", "/app/config.yaml"]
CMD ["run"]
