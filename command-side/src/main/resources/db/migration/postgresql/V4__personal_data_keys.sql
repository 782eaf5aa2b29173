-- One secret key per data subject (crypto-shredding): deleting the row makes that person's data in the events unreadable.
create table personal_data_key (
    subject_id varchar(36) not null primary key,
    secret     bytea       not null,
    created_at timestamp   not null
);
