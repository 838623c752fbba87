-- camunda-checkup check-up report table: drop (what databaseSchemaUpdate=create-drop does on close)
drop table ${prefix}CHECKUP_MODEL;
