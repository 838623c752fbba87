-- camunda-checkup check-up report tables: drop (what databaseSchemaUpdate=create-drop does on close)
drop table ${prefix}CHECKUP_SNAPSHOT;
drop table ${prefix}CHECKUP_SNAPSHOT_DAY;
drop table ${prefix}CHECKUP_MODEL;
