"""``python -m services ...`` is the same as the ``newswire`` console script."""

from services.cli.main import main

raise SystemExit(main())
