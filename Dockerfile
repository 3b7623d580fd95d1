# One image for the four newswire services; docker-compose.yml picks the command.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY pyproject.toml constraints.txt README.md ./
COPY schemas ./schemas
COPY services ./services
RUN pip install --no-cache-dir -c constraints.txt . \
 && useradd --system --create-home newswire && mkdir -p /data && chown newswire /data
USER newswire
CMD ["newswire", "--help"]
