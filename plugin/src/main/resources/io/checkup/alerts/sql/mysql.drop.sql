-- camunda-checkup alert tables: drop (what databaseSchemaUpdate=create-drop does on close)
drop table ${prefix}CHECKUP_ALERT;
drop table ${prefix}CHECKUP_ALERT_STATE;
drop table ${prefix}CHECKUP_ALERT_ROUND;
