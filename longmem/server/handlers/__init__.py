"""Route handlers, one module per resource. Each handler reads and checks its input (all
problems at once, 422), calls the database, search or extraction, and answers with the
shapes of ``wire.py``. Authentication, limits and idempotency happened in the app before
it; ``common.py`` holds what the modules share."""
