-- camunda-checkup check-up report tables (CHECKUP_MODEL, CHECKUP_SNAPSHOT_DAY, CHECKUP_SNAPSHOT) for H2.
-- The plugin creates them when missing if the engine's databaseSchemaUpdate is true, create, create-drop or
-- drop-create; with databaseSchemaUpdate=false run this script yourself, replacing ${prefix} with the engine's
-- databaseTablePrefix (empty by default) and ${indexPrefix} with that prefix without a schema name.

-- What the check-up report needs to know about each deployed process definition, worked out from its model once
-- (at deployment, or the first time a report needs it), so that reports never parse models.
create table ${prefix}CHECKUP_MODEL (
  PROC_DEF_ID_ varchar(64) not null primary key,
  TENANT_ID_ varchar(64),
  PROC_DEF_KEY_ varchar(255) not null,
  VERSION_ integer not null,
  DEPLOYMENT_ID_ varchar(64),
  DEPLOY_TIME_ bigint,
  PROFILE_ clob not null,
  CREATED_ bigint not null
);

-- The days of which a daily snapshot was written, one row each: the node that writes a day inserts its row in
-- the same transaction as the day's snapshots, so two nodes of a cluster never both write a day.
create table ${prefix}CHECKUP_SNAPSHOT_DAY (
  DAY_ bigint not null primary key,
  NODE_ID_ varchar(128) not null,
  BACKFILLED_ integer not null,
  CREATED_ bigint not null
);

-- One row per tenant and UTC day (its start, epoch milliseconds): the check-up of that tenant at the end of the
-- day: score, risk level, the first day of that level, and every indicator's value and status (JSON).
create table ${prefix}CHECKUP_SNAPSHOT (
  DAY_ bigint not null,
  TENANT_KEY_ varchar(72) not null,
  TENANT_ID_ varchar(64),
  SCORE_ integer not null,
  LEVEL_ varchar(16) not null,
  LEVEL_SINCE_ bigint not null,
  SIZE_CLASS_ varchar(64),
  INDICATORS_ clob not null,
  primary key (DAY_, TENANT_KEY_)
);

-- a tenant's history, oldest first: an index range whatever the length of the history
create index ${indexPrefix}CHECKUP_SNAPSHOT_TENANT on ${prefix}CHECKUP_SNAPSHOT (TENANT_KEY_, DAY_);
