-- camunda-checkup statistics tables (CHECKUP_STAT, CHECKUP_LOCK, CHECKUP_VERSION) for h2.
-- The plugin creates them when missing if the engine's databaseSchemaUpdate is true, create, create-drop or
-- drop-create; with databaseSchemaUpdate=false run this script yourself, replacing ${prefix} with the engine's
-- databaseTablePrefix (empty by default) and ${indexPrefix} with that prefix without a schema name.

-- Counts per period (hour H or day D, start in epoch milliseconds UTC), tenant, process definition key, metric and
-- dimension. Append-only: every engine node writes its own rows; totals are sums.
create table ${prefix}CHECKUP_STAT (
  PERIOD_START_ bigint not null,
  PERIOD_ varchar(1) not null,
  TENANT_ID_ varchar(64),
  PROC_DEF_KEY_ varchar(255) not null,
  METRIC_ varchar(32) not null,
  DIMENSION_ varchar(255) not null,
  VALUE_ bigint not null,
  NODE_ID_ varchar(128) not null,
  CREATED_ bigint not null
);

create index ${indexPrefix}CHECKUP_STAT_TENANT on ${prefix}CHECKUP_STAT (TENANT_ID_, METRIC_, PERIOD_START_);
create index ${indexPrefix}CHECKUP_STAT_PERIOD on ${prefix}CHECKUP_STAT (PERIOD_, PERIOD_START_);
-- the check-up report asks one metric for all tenants over a window
create index ${indexPrefix}CHECKUP_STAT_METRIC on ${prefix}CHECKUP_STAT (METRIC_, PERIOD_, PERIOD_START_);

-- One row per background job that must run on one node at a time (the roll-up of hours into days).
create table ${prefix}CHECKUP_LOCK (
  NAME_ varchar(64) not null primary key,
  OWNER_ varchar(128),
  LOCKED_AT_ bigint
);

insert into ${prefix}CHECKUP_LOCK (NAME_, OWNER_, LOCKED_AT_) values ('rollup', null, 0);

-- Versions of the closed periods: raised by one whenever a flush writes counts for an hour ('late-hour') or a day
-- ('late-day') that is already over, so the report knows when what it keeps of closed periods is stale.
create table ${prefix}CHECKUP_VERSION (
  NAME_ varchar(64) not null primary key,
  VALUE_ bigint not null
);

insert into ${prefix}CHECKUP_VERSION (NAME_, VALUE_) values ('late-hour', 0);
insert into ${prefix}CHECKUP_VERSION (NAME_, VALUE_) values ('late-day', 0);
