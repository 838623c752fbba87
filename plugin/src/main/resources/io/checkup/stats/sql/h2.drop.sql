-- camunda-checkup statistics tables: drop (what databaseSchemaUpdate=create-drop does on close)
drop table ${prefix}CHECKUP_VERSION;
drop table ${prefix}CHECKUP_LOCK;
drop table ${prefix}CHECKUP_STAT;
