-- camunda-checkup alert tables (CHECKUP_ALERT_ROUND, CHECKUP_ALERT_STATE, CHECKUP_ALERT) for PostgreSQL.
-- The plugin creates them when missing if alerts are on and the engine's databaseSchemaUpdate is true, create,
-- create-drop or drop-create; with databaseSchemaUpdate=false run this script yourself, replacing ${prefix} with
-- the engine's databaseTablePrefix (empty by default) and ${indexPrefix} with that prefix without a schema name.

-- One row: when the tenants were last evaluated, and by which node. A node locks it for the length of a round, so
-- the nodes of a cluster evaluate one after the other and never raise one alert twice.
create table ${prefix}CHECKUP_ALERT_ROUND (
  ID_ integer not null primary key,
  EVALUATED_AT_ bigint not null,
  NODE_ID_ varchar(128)
);

insert into ${prefix}CHECKUP_ALERT_ROUND (ID_, EVALUATED_AT_) values (1, 0);

-- Each tenant as the last evaluation saw it: level and score, the highest score of the last 7 days (the reference
-- of a score drop) and when the last alert was raised, or a fall the cool-down held back was judged.
create table ${prefix}CHECKUP_ALERT_STATE (
  TENANT_KEY_ varchar(72) not null primary key,
  TENANT_ID_ varchar(64),
  LEVEL_ varchar(16) not null,
  SCORE_ integer not null,
  PEAK_SCORE_ integer not null,
  PEAK_AT_ bigint not null,
  LAST_ALERT_AT_ bigint,
  EVALUATED_AT_ bigint not null
);

-- One row per alert: its body exactly as it is sent (so every retry carries the same bytes and signature), the
-- idempotency key (ID_), and where its delivery stands: pending (with the next attempt and the node that holds it
-- while a delivery is under way), sent, or failed (given up).
create table ${prefix}CHECKUP_ALERT (
  ID_ varchar(64) not null primary key,
  TENANT_KEY_ varchar(72) not null,
  TENANT_ID_ varchar(64),
  BODY_ text not null,
  STATUS_ varchar(16) not null,
  CREATED_ bigint not null,
  ATTEMPTS_ integer not null,
  NEXT_ATTEMPT_ bigint not null,
  CLAIMED_BY_ varchar(128),
  CLAIMED_UNTIL_ bigint,
  SENT_AT_ bigint,
  LAST_ERROR_ varchar(255)
);

-- the deliveries due: an index range whatever the number of alerts kept
create index ${indexPrefix}CHECKUP_ALERT_DUE on ${prefix}CHECKUP_ALERT (STATUS_, NEXT_ATTEMPT_);
