"""An ASGI app that only waits: ``POST /wait?ms=M&bytes=B`` keeps its process busy for M
milliseconds (a busy loop, as a request being worked on does) and answers B bytes of JSON;
``GET /readyz`` answers at once. ``benchmarks/api.py`` serves it under uvicorn, as the carenet
server is served, and times it with the same client: what the socket and the client add to a
request of a given length and size when the server does nothing GraphQL does.

    uvicorn waiting:app --app-dir benchmarks --port 8001
"""

from __future__ import annotations

import time
from urllib.parse import parse_qs


async def app(scope, receive, send) -> None:
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    more = True
    while more:  # the request's body, read as any app reads it
        message = await receive()
        more = message.get("more_body", False)
    query = parse_qs(scope["query_string"].decode())
    ms = float(query.get("ms", ["0"])[0])
    size = int(query.get("bytes", ["2"])[0])
    until = time.perf_counter() + ms / 1000
    while time.perf_counter() < until:
        pass
    body = b'"' + b"x" * max(size - 2, 0) + b'"'
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})
