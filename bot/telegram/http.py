"""How the bot talks HTTP to the Bot API: aiohttp instead of PTB's default httpx.

Every update costs two or three Bot API calls, so the HTTP client is the hot
path.  Measured on the benchmark machine (bench/telegram_e2e.py, docs/benchmarks.md),
an httpx request cost about 1.3 ms of CPU with 32 in flight — its connection
pool checks every idle connection on each request — against about 0.1 ms for
aiohttp, whose HTTP parsing is in C.  PTB lets any ``BaseRequest`` carry its
calls; this one keeps PTB's timeouts and error types.

JSON goes through orjson both ways, at the two points PTB documents for it:
each call is sent as one JSON body built from ``RequestData.parameters`` (the
Bot API takes ``application/json`` for every call without a file), and every
reply is read by ``parse_json_payload``.  The standard library's ``json`` encoded
each parameter separately and then url-encoded the lot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import aiohttp
import orjson
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.deliveries import MaybeDone

if TYPE_CHECKING:
    from telegram._utils.types import JSONDict, ODVInput

_DEFAULT = type(BaseRequest.DEFAULT_NONE)
_JSON = "application/json"


class AnswerTimedOut(TimedOut, MaybeDone):
    """The Bot API took the call but did not answer in time."""


class AnswerLost(NetworkError, MaybeDone):
    """The connection broke after the call was sent."""


class AiohttpRequest(BaseRequest):
    """A pool of keep-alive connections to the Bot API, shared by concurrent updates."""

    def __init__(
        self,
        connection_pool_size: int = 64,
        read_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
    ):
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    @staticmethod
    def parse_json_payload(payload: bytes) -> JSONDict:
        try:
            return orjson.loads(payload)  # type: ignore[no-any-return]
        except orjson.JSONDecodeError:
            # Invalid UTF-8 or not JSON: PTB's own parser replaces bad bytes, or raises its error.
            return BaseRequest.parse_json_payload(payload)

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        read = _value(read_timeout, self._read_timeout)
        connect = _value(connect_timeout, self._connect_timeout)
        pool = _value(pool_timeout, self._pool_timeout)
        # aiohttp has no write timeout; a slow write shows up as a read timeout instead.
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect,
            sock_read=read,
        )
        try:
            async with self._session.request(
                method, url, data=_body(request_data), timeout=timeout
            ) as response:
                return response.status, await response.read()
        except (aiohttp.ConnectionTimeoutError, aiohttp.ClientConnectorError) as err:
            # No connection was made: the Bot API never saw the call.
            if isinstance(err, TimeoutError):
                raise TimedOut from err
            raise NetworkError(f"aiohttp.{err.__class__.__name__}: {err}") from err
        except TimeoutError as err:
            raise AnswerTimedOut from err
        except aiohttp.ClientError as err:
            raise AnswerLost(f"aiohttp.{err.__class__.__name__}: {err}") from err


def _value(given: ODVInput[float], default: float | None) -> float | None:
    return default if isinstance(given, _DEFAULT) else given


def _body(request_data: RequestData | None) -> aiohttp.BytesPayload | aiohttp.FormData | None:
    """One JSON body; multipart form fields only when there are files to upload."""
    if request_data is None:
        return None
    if not request_data.contains_files:
        return aiohttp.BytesPayload(orjson.dumps(request_data.parameters), content_type=_JSON)
    form = aiohttp.FormData()
    files = request_data.multipart_data
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in files.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form
