"""``python -m cs_trainer`` behaves exactly like the ``cs-trainer`` command."""

from cs_trainer.cli import main

raise SystemExit(main())
