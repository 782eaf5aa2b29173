-- A member's card number and national ID move into its directory row, each under a unique constraint (the
-- rules, also under concurrent requests): a registration writes one row instead of three.
alter table member_directory add column card_number varchar(32);
alter table member_directory add column national_id varchar(64);
update member_directory d set card_number = (select c.card_number from member_card c where c.member_id = d.member_id);
update member_directory d set national_id = (select n.national_id from member_national_id n where n.member_id = d.member_id);
alter table member_directory alter column card_number set not null;
alter table member_directory add constraint uk_member_card_number unique (card_number);
alter table member_directory add constraint uk_member_national_id unique (national_id);
drop table member_card;
drop table member_national_id;
