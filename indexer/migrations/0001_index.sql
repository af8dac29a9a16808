-- fisc index, schema 1. Portable SQL: the same statements run on SQLite and PostgreSQL.
-- Integers are BIGINT (amounts in the token's base units; booleans 0/1); addresses base58 TEXT.

-- What this database is and where it reads from.
CREATE TABLE fisc_index (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Every transaction of the three programs, failed ones included.
CREATE TABLE transactions (
    signature TEXT PRIMARY KEY,
    seq BIGINT NOT NULL UNIQUE,          -- chain order as indexed
    slot BIGINT NOT NULL,
    block_time BIGINT,
    fee BIGINT NOT NULL,
    compute_units BIGINT,
    signer TEXT NOT NULL,
    err TEXT,
    finalized BIGINT NOT NULL            -- 1 once the slot is finalized and the transaction still in it
);
CREATE INDEX transactions_slot ON transactions (slot);

-- Every fisc instruction: top level (inner_index -1) and fisc-to-fisc CPIs.
CREATE TABLE instructions (
    signature TEXT NOT NULL,
    ix_index BIGINT NOT NULL,
    inner_index BIGINT NOT NULL,
    program TEXT NOT NULL,
    name TEXT NOT NULL,
    args TEXT NOT NULL,                  -- JSON
    accounts TEXT NOT NULL,              -- JSON
    PRIMARY KEY (signature, ix_index, inner_index)
);

-- Every emit_cpi! event, with its fields as JSON.
CREATE TABLE events (
    signature TEXT NOT NULL,
    event_index BIGINT NOT NULL,
    ix_index BIGINT NOT NULL,
    program TEXT NOT NULL,
    name TEXT NOT NULL,
    data TEXT NOT NULL,                  -- JSON
    PRIMARY KEY (signature, event_index)
);
CREATE INDEX events_name ON events (name);

-- Projections, rebuilt from the events alone.
CREATE TABLE agencies (
    address TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    admin TEXT NOT NULL,
    active BIGINT NOT NULL,
    signature TEXT NOT NULL
);

CREATE TABLE members (
    agency TEXT NOT NULL,
    member TEXT NOT NULL,
    roles BIGINT NOT NULL,
    signature TEXT NOT NULL,
    PRIMARY KEY (agency, member)
);

CREATE TABLE budget_accounts (
    address TEXT PRIMARY KEY,
    agency TEXT NOT NULL,
    tas TEXT NOT NULL,
    mint TEXT NOT NULL,
    vault TEXT NOT NULL,
    first_fiscal_year BIGINT NOT NULL,
    last_fiscal_year BIGINT NOT NULL,
    authorized BIGINT NOT NULL,
    obligated BIGINT NOT NULL,
    disbursed BIGINT NOT NULL,           -- outlays less recoveries
    recovered BIGINT NOT NULL,
    funded BIGINT NOT NULL,
    returned BIGINT NOT NULL,
    status TEXT NOT NULL,                -- open | cancelled | closed
    signature TEXT NOT NULL
);

CREATE TABLE obligations (
    address TEXT PRIMARY KEY,
    agency TEXT NOT NULL,
    budget_account TEXT NOT NULL,
    award_id TEXT NOT NULL,
    payee TEXT NOT NULL,
    payee_id TEXT NOT NULL,
    object_class BIGINT NOT NULL,
    obligated BIGINT NOT NULL,
    disbursed BIGINT NOT NULL,
    status TEXT NOT NULL,                -- open | closed
    signature TEXT NOT NULL,
    block_time BIGINT
);
CREATE INDEX obligations_account ON obligations (budget_account);

CREATE TABLE outlays (
    signature TEXT NOT NULL,
    event_index BIGINT NOT NULL,
    kind TEXT NOT NULL,                  -- outlay | recovery
    budget_account TEXT NOT NULL,
    obligation TEXT NOT NULL,
    payee TEXT NOT NULL,
    token_account TEXT NOT NULL,
    amount BIGINT NOT NULL,
    slot BIGINT NOT NULL,
    block_time BIGINT,
    PRIMARY KEY (signature, event_index)
);
CREATE INDEX outlays_obligation ON outlays (obligation);

CREATE TABLE payment_requests (
    agency TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    address TEXT NOT NULL,
    kind TEXT NOT NULL,                  -- payment | batch
    budget_account TEXT NOT NULL,
    obligation TEXT,                     -- NULL for a batch (see batch_items)
    payee_token_account TEXT,
    amount BIGINT NOT NULL,
    reference TEXT NOT NULL,
    document_hash TEXT NOT NULL,
    required_approvals BIGINT NOT NULL,
    approvals BIGINT NOT NULL,
    time_lock_seconds BIGINT NOT NULL,
    status TEXT NOT NULL,                -- proposed | executed | rejected | cancelled
    requester TEXT NOT NULL,
    executor TEXT,
    proposed_signature TEXT NOT NULL,
    ended_signature TEXT,
    PRIMARY KEY (agency, sequence)
);

CREATE TABLE approvals (
    agency TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    approver TEXT NOT NULL,
    signature TEXT NOT NULL,
    PRIMARY KEY (agency, sequence, approver)
);

CREATE TABLE batch_items (
    agency TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    item BIGINT NOT NULL,
    obligation TEXT NOT NULL,
    payee_token_account TEXT NOT NULL,
    amount BIGINT NOT NULL,
    executor TEXT NOT NULL,
    signature TEXT NOT NULL,
    PRIMARY KEY (agency, sequence, item)
);

CREATE TABLE properties (
    address TEXT PRIMARY KEY,
    registry TEXT NOT NULL,
    parcel_id TEXT NOT NULL,
    kind BIGINT NOT NULL,
    holder TEXT NOT NULL,
    area_sq_m BIGINT NOT NULL,
    acquisition_cost BIGINT NOT NULL,
    acquisition_date BIGINT NOT NULL,
    use_code BIGINT NOT NULL,
    occupancy BIGINT NOT NULL,
    condition BIGINT NOT NULL,
    transfer_seq BIGINT NOT NULL,
    active_liens BIGINT NOT NULL,
    frozen BIGINT NOT NULL,
    disposed BIGINT NOT NULL,
    offered_to TEXT,
    signature TEXT NOT NULL
);

CREATE TABLE transfers (
    property TEXT NOT NULL,
    transfer_seq BIGINT NOT NULL,
    previous_holder TEXT NOT NULL,
    holder TEXT NOT NULL,
    accepted_by TEXT NOT NULL,
    signature TEXT NOT NULL,
    PRIMARY KEY (property, transfer_seq)
);

CREATE TABLE liens (
    address TEXT PRIMARY KEY,
    property TEXT NOT NULL,
    holder TEXT NOT NULL,
    lien_id TEXT NOT NULL,
    amount BIGINT NOT NULL,
    active BIGINT NOT NULL,
    signature TEXT NOT NULL
);

CREATE TABLE building_records (
    signature TEXT NOT NULL,
    event_index BIGINT NOT NULL,
    property TEXT NOT NULL,
    record_kind BIGINT NOT NULL,
    date BIGINT NOT NULL,
    cost BIGINT NOT NULL,
    document_hash TEXT NOT NULL,
    payment_request TEXT NOT NULL,
    officer TEXT NOT NULL,
    PRIMARY KEY (signature, event_index)
);
