-- Requests counted per rate-limit key in its current window, shared by every
-- process on the database file so that a limit holds for the service as a whole.
CREATE TABLE rate_limit_hits (
  limit_key TEXT PRIMARY KEY,
  hits INTEGER NOT NULL,
  window_ends_at INTEGER NOT NULL
);
CREATE INDEX rate_limit_hits_by_window_end ON rate_limit_hits (window_ends_at);
