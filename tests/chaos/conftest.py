"""The chaos suite shares the integration tests' broker and S3 server (one each per session)."""

from tests.integration.conftest import broker, make_settings, s3_server

__all__ = ["broker", "make_settings", "s3_server"]
