"""``python -m maslihat`` runs the command line."""
from maslihat.cli import main

raise SystemExit(main())
