-- Every event of every consortium sunk here, one row per (ledger, sequence), as
-- `ledger log --format jsonl` shows it: data is the event's payload in DOMAIN.md's JSON.
-- hash is the record's chain hash (SHA-256, 32 bytes); `encode(hash, 'hex')` prints it as
-- the ledger does.

CREATE TABLE sink_positions (
    ledger_id text PRIMARY KEY,
    -- The last sequence whose row is in consortium_events, and its chain hash: the next record
    -- must carry it as its previous hash, or the upstream history was rewritten.
    last_sequence bigint NOT NULL CHECK (last_sequence >= 0),
    last_hash bytea CHECK (last_hash IS NULL OR octet_length(last_hash) = 32),
    source text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- No foreign key to sink_positions: a per-row check would slow the bulk COPY, and the sink
-- writes a ledger's rows only in the transaction that moves that ledger's position.
CREATE TABLE consortium_events (
    ledger_id text NOT NULL,
    sequence bigint NOT NULL CHECK (sequence > 0),
    id text NOT NULL,
    type text NOT NULL,
    stream text NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor text NOT NULL,
    data jsonb NOT NULL,
    hash bytea NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (ledger_id, sequence)
);
CREATE INDEX consortium_events_stream ON consortium_events (ledger_id, stream);
CREATE INDEX consortium_events_type_occurred ON consortium_events (type, occurred_at);
