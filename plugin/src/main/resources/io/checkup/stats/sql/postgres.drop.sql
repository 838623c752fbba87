-- camunda-checkup statistics tables: drop (what databaseSchemaUpdate=create-drop does on close)
drop table ${prefix}CHECKUP_MODEL;
drop table ${prefix}CHECKUP_LOCK;
drop table ${prefix}CHECKUP_STAT;
