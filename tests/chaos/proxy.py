"""A TCP proxy between the services and the broker that stalls, resets and delays connections.

Runs an asyncio forwarder in a thread. The broker advertises the proxy's address, so every
connection a client opens after bootstrap goes through it too. Modes, switchable at run time:
``pass``; ``stall`` (bytes are held, connections stay open: a frozen network path); ``reset``
(every connection is closed at once and new ones are closed on accept); ``delay`` (each chunk
waits ``delay_s`` before it is forwarded).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading


class ChaosProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        self.mode = "pass"
        self.delay_s = 0.0
        self.resets = 0
        self._loop = asyncio.new_event_loop()
        self._writers: set[asyncio.StreamWriter] = set()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._client, "127.0.0.1", self.port))
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            server.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.mode == "reset":
            self.resets += 1
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._writers.update((writer, up_writer))
        await asyncio.gather(
            self._pipe(reader, up_writer), self._pipe(up_reader, writer), return_exceptions=True
        )
        for w in (writer, up_writer):
            self._writers.discard(w)
            w.close()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(65536):
            while self.mode == "stall":
                await asyncio.sleep(0.05)
            if self.mode == "reset":
                break
            if self.mode == "delay":
                await asyncio.sleep(self.delay_s)
            writer.write(data)
            await writer.drain()

    def set(self, mode: str, delay_s: float = 0.0) -> None:
        """Switch mode; ``reset`` also closes every open connection now."""
        self.mode, self.delay_s = mode, delay_s
        if mode == "reset":
            self._loop.call_soon_threadsafe(self._reset_all)

    def _reset_all(self) -> None:
        for writer in list(self._writers):
            self.resets += 1
            with contextlib.suppress(Exception):
                writer.transport.abort()
        self._writers.clear()

    def __enter__(self) -> ChaosProxy:
        self._thread.start()
        self._ready.wait(5)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
