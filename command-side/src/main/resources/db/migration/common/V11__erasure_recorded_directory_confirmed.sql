-- An erasure empties its key's row instead of deleting it: "erased" becomes a recorded fact, and a subject
-- without any row is an anomaly (an event stored without its key), never read as erased.
alter table personal_data_key alter column secret drop not null;
alter table personal_data_key add column destroyed_at timestamp;
-- members erased before this version: their directory row says so
insert into personal_data_key (subject_id, secret, created_at, destroyed_at)
select d.member_id, null, current_timestamp, current_timestamp from member_directory d
where d.name_key = 'effacé' and not exists (select 1 from personal_data_key k where k.subject_id = d.member_id);

-- A directory row is written in the command's transaction and confirmed once its event is read back from the
-- event store (MemberDirectoryReconciliation): a row left unconfirmed by an event that was never stored is
-- found and removed, an event stored without its row gets it back.
alter table member_directory add column confirmed boolean default true not null;
alter table member_directory add column written_at timestamp;
create index idx_member_directory_unconfirmed on member_directory (confirmed, written_at);
