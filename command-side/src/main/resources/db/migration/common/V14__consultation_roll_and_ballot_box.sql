-- What a consultation's eligibility and the breakdown of its results need to know of each member, kept with the
-- member's directory row in the transaction that appends its events. Rows written before this version have them
-- empty until the member's next change (their eligibility filters by unit and status only).
alter table member_directory add column gender varchar(8);
alter table member_directory add column disability boolean;
alter table member_directory add column birth_year integer;
alter table member_directory add column trades varchar(900);
alter table member_directory add column enrolled_on date;

-- A consultation as the command side needs it to accept or refuse a ballot and to tally.
create table consultation_directory (
    consultation_id varchar(36)  not null primary key,
    org_unit_id     varchar(36)  not null,
    status          varchar(16)  not null,
    closes_at       timestamp    not null,
    plan            varchar(1000000) not null,
    public_key      varchar(200)
);

-- The roll: the members eligible when the consultation opened (fixed then), each voting once. The conditional
-- update of `voted` is the one-member-one-ballot rule, also between instances and channels.
create table consultation_roll (
    consultation_id varchar(36) not null,
    member_id       varchar(36) not null,
    voted           boolean     not null,
    primary key (consultation_id, member_id)
);

-- The ballot box: each ballot as counted, written with its event. Open ballots hold their choices; secret ones
-- their encryption only, under an identifier that names no member. The voter's groups are those at the time of the vote.
create table consultation_ballot (
    ballot_id       varchar(36)  not null primary key,
    consultation_id varchar(36)  not null,
    choices         varchar(100000) not null,
    receipt         varchar(16),
    gender          varchar(8),
    disability      boolean,
    region_id       varchar(36),
    local_unit_id   varchar(36),
    trade           varchar(40),
    age_band        varchar(8)
);
create index idx_consultation_ballot_consultation on consultation_ballot (consultation_id);
create index idx_consultation_ballot_receipt on consultation_ballot (consultation_id, receipt);

-- A secret consultation's private key, from opening to tally; emptied (destroyed) once the tally is recorded, after
-- which no one can decrypt a single ballot.
create table consultation_key (
    consultation_id varchar(36) not null primary key,
    secret          varchar(200),
    destroyed_at    timestamp
);
