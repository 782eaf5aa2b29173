-- A secret ballot's ciphertexts alone with uncompressed points (ballot-crypto's TallyForm): the tally reads them
-- without a square root per point. Null for open ballots and for secret ballots boxed before this column (the tally
-- then reads the ballot itself).
alter table consultation_ballot add column tally_form varchar(100000);
