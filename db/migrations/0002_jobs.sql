-- Long work (imports, scans, reports) runs as jobs stored here, so that its progress can be shown
-- by the web app and the CLI, and an interrupted job (a killed process) can be resumed from its
-- last committed checkpoint.

CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'interrupted', 'cancelled')),
  params jsonb NOT NULL DEFAULT '{}',
  phase text,
  progress_done bigint NOT NULL DEFAULT 0,
  progress_total bigint,
  result jsonb,
  error jsonb,
  -- What the last committed batch reached; written in the batch's own transaction.
  checkpoint jsonb,
  created_by uuid REFERENCES users (id),
  created_by_name text,
  -- Area whose officers may see the job (the creator's scope).
  area_scope text NOT NULL REFERENCES areas (code),
  -- Which process runs it (host:pid), and when it last said it was alive.
  worker text,
  heartbeat_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX jobs_status ON jobs (status, created_at);
CREATE INDEX jobs_kind ON jobs (kind, created_at DESC);
