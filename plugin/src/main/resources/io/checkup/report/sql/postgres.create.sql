-- camunda-checkup check-up report table (CHECKUP_MODEL) for PostgreSQL.
-- The plugin creates it when missing if the engine's databaseSchemaUpdate is true, create, create-drop or
-- drop-create; with databaseSchemaUpdate=false run this script yourself, replacing ${prefix} with the engine's
-- databaseTablePrefix (empty by default).

-- What the check-up report needs to know about each deployed process definition, worked out from its model once
-- (at deployment, or the first time a report needs it), so that reports never parse models.
create table ${prefix}CHECKUP_MODEL (
  PROC_DEF_ID_ varchar(64) not null primary key,
  TENANT_ID_ varchar(64),
  PROC_DEF_KEY_ varchar(255) not null,
  VERSION_ integer not null,
  DEPLOYMENT_ID_ varchar(64),
  DEPLOY_TIME_ bigint,
  PROFILE_ text not null,
  CREATED_ bigint not null
);
