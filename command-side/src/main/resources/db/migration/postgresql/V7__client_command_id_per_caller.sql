-- Client command ids are kept per caller (a 24-hex-digit digest of the principal, a colon, the caller's id).
alter table processed_command alter column client_command_id type varchar(160);
