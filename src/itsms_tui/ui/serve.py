"""``itsms-tui serve``: the same app in a web browser, through ``textual-serve``.

Each browser tab gets its own app process, started with the same data options as the
server. Safe defaults for a shared host: bound to loopback, read-only unless
``--allow-edit``, and a random token printed at start that the page must be opened with
(``/?token=...``); the page then holds it as an HTTP-only cookie, which the websocket
that drives the app must present. Without it every request is refused (403).
"""

from __future__ import annotations

import asyncio
import secrets
import shlex
import signal
import sys
from collections.abc import Awaitable, Callable
from contextlib import suppress
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server

from itsms_tui.services.authority import LOGIN_VARIABLE

TOKEN_COOKIE = "itsms_token"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def app_command(data: Path | None, demo: bool, allow_edit: bool, login: str = "") -> str:
    """The command each browser session runs: this Python, this package, same data, as
    the person the token stands for (their login in ``ITSMS_TUI_USER``)."""
    parts = ["env", f"{LOGIN_VARIABLE}={login}"] if login else []
    parts += [sys.executable, "-m", "itsms_tui"]
    if demo:
        parts.append("--demo")
    elif data is not None:
        parts += ["--data", str(data.resolve())]
    if not allow_edit:
        parts.append("--read-only")
    return shlex.join(parts)


class TokenServer(Server):
    """A textual-serve server that admits only requests carrying the start-up token."""

    def __init__(
        self, command: str, *, host: str, port: int, token: str, title: str, who: str = ""
    ) -> None:
        super().__init__(command, host=host, port=port, title=title)
        self.token = token
        self.who = who

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._check_token)
        return app

    @web.middleware
    async def _check_token(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith("/static/"):
            return await handler(request)
        given = request.query.get("token") or request.cookies.get(TOKEN_COOKIE) or ""
        if not secrets.compare_digest(given, self.token):
            raise web.HTTPForbidden(text="itsms-tui: open the address printed at start (token)\n")
        response = await handler(request)
        if request.path == "/" and isinstance(response, web.Response):
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="Strict")
        return response

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing yet: the socket is not listening until start-up has finished."""

    def announce(self, *_args: object) -> None:
        """Print the address once the server accepts connections (aiohttp calls this)."""
        mode = "read-only" if "--read-only" in self.command else "editing allowed"
        print(f"itsms-tui serve: {self.public_url}/?token={self.token} ({mode})", flush=True)
        if self.who:
            print(f"Browser sessions with this token work as {self.who}.", flush=True)
        print("Press Ctrl+C to stop.", flush=True)

    def serve(self, debug: bool = False) -> None:
        """``Server.serve`` with the address printed only when it can be opened."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        with suppress(NotImplementedError):
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=self.announce,
        )


def serve(
    data: Path | None,
    demo: bool,
    host: str,
    port: int,
    allow_edit: bool,
    *,
    login: str = "",
    who: str = "",
) -> int:
    """Serve until interrupted; returns the exit code. ``login``/``who``: the person the
    printed token stands for (``authority.browser_person``)."""
    command = app_command(data, demo, allow_edit, login)
    server = TokenServer(
        command,
        host=host,
        port=port,
        token=secrets.token_urlsafe(18),
        title="itsms-tui",
        who=who,
    )
    server.serve()
    return 0
