package io.checkup.report;

import io.checkup.stats.UtcPeriods;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a report needs from the engine's own tables (repository, identity, runtime), for all
 * tenants at once: a fixed number of grouped queries whatever the number of tenants, each with the
 * report's query timeout. Nothing here reads the history tables.
 */
final class EngineTables {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.report");

  private final DataSource dataSource;
  private final String prefix;
  private final int timeoutSeconds;

  EngineTables(DataSource dataSource, String enginePrefix, Duration queryTimeout) {
    this.dataSource = dataSource;
    this.prefix = enginePrefix == null ? "" : enginePrefix;
    this.timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, queryTimeout.toSeconds()));
  }

  /**
   * The facts of every tenant in scope that the engine's tables hold, by tenant id (null: the
   * tenant-less part): tenants, latest definitions, users, and the open work of the runtime tables.
   */
  Map<String, TenantFacts> load(ReportScope scope, long now, ReportConfig config) {
    return load(scope, now, config, false);
  }

  /**
   * The same facts as they were at a past instant, as far as the tables still tell: the definitions
   * deployed by then, and the open work of the runtime tables that had begun by then (work closed
   * since is gone from them; users and suspension are as they are now).
   */
  Map<String, TenantFacts> loadAsOf(ReportScope scope, long asOf, ReportConfig config) {
    return load(scope, asOf, config, true);
  }

  private Map<String, TenantFacts> load(
      ReportScope scope, long now, ReportConfig config, boolean past) {
    Map<String, TenantFacts> tenants = new LinkedHashMap<>();
    Map<String, TenantFacts.Definition> definitions = new HashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      loadTenants(connection, scope, tenants);
      loadDefinitions(connection, scope, past ? now : null, tenants, definitions);
      if (scope.isAll() ? tenants.isEmpty() : scope.includes(null)) {
        tenants.computeIfAbsent(null, TenantFacts::new);
      }
      Function<String, TenantFacts> facts = tenants::get;
      loadUsers(connection, tenants);
      loadRuntime(connection, scope, now, past, config, facts, definitions);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "camunda-checkup report: reading the engine's tables failed: " + e.getMessage(), e);
    }
    return tenants;
  }

  /**
   * Whether the engine's tables know a tenant (null: the tenant-less part, always there): as a
   * tenant of the identity service or as the owner of a process definition, exactly as a report
   * finds its tenants, whatever the caller's authorizations. The id is compared in Java as well: a
   * collation that ignores trailing spaces matches 'acme ' for 'acme'.
   *
   * @throws SQLException when the database fails or does not answer within the query timeout
   */
  boolean knows(String tenantId) throws SQLException {
    if (tenantId == null) {
      return true;
    }
    boolean[] found = {false};
    RowHandler exact = row -> found[0] |= tenantId.equals(row.getString(1));
    try (Connection connection = dataSource.getConnection()) {
      query(
          connection,
          "select ID_ from " + prefix + "ACT_ID_TENANT where ID_ = ?",
          List.of(tenantId),
          exact);
      if (!found[0]) {
        query(
            connection,
            "select distinct TENANT_ID_ from " + prefix + "ACT_RE_PROCDEF where TENANT_ID_ = ?",
            List.of(tenantId),
            exact);
      }
    }
    return found[0];
  }

  /**
   * The day (UTC) of the engine's first deployment still stored; null when nothing was ever
   * deployed.
   */
  LocalDate firstDeploymentDay() throws SQLException {
    Timestamp[] first = {null};
    try (Connection connection = dataSource.getConnection()) {
      query(
          connection,
          "select min(DEPLOY_TIME_) from " + prefix + "ACT_RE_DEPLOYMENT",
          List.of(),
          row -> first[0] = row.getTimestamp(1));
    }
    return first[0] == null ? null : UtcPeriods.date(first[0].getTime());
  }

  // ---- repository and identity ----

  private void loadTenants(
      Connection connection, ReportScope scope, Map<String, TenantFacts> tenants)
      throws SQLException {
    TenantFilter filter = new TenantFilter(scope, "ID_");
    query(
        connection,
        "select ID_, NAME_ from " + prefix + "ACT_ID_TENANT where " + filter.sql + " order by ID_",
        filter.parameters,
        row -> tenants.computeIfAbsent(row.getString(1), TenantFacts::new).name = row.getString(2));
  }

  private void loadDefinitions(
      Connection connection,
      ReportScope scope,
      Long deployedBy,
      Map<String, TenantFacts> tenants,
      Map<String, TenantFacts.Definition> definitions)
      throws SQLException {
    TenantFilter filter = new TenantFilter(scope, "P.TENANT_ID_");
    List<Object> parameters = new ArrayList<>(filter.parameters);
    if (deployedBy != null) {
      parameters.add(new Timestamp(deployedBy));
    }
    query(
        connection,
        "select P.ID_, P.KEY_, P.NAME_, P.VERSION_, P.TENANT_ID_, P.DEPLOYMENT_ID_, P.SUSPENSION_STATE_, "
            + "D.DEPLOY_TIME_, P.RESOURCE_NAME_ from "
            + prefix
            + "ACT_RE_PROCDEF P left join "
            + prefix
            + "ACT_RE_DEPLOYMENT D on D.ID_ = P.DEPLOYMENT_ID_ where "
            + filter.sql
            + (deployedBy == null ? "" : " and D.DEPLOY_TIME_ <= ?"),
        parameters,
        row -> {
          Timestamp deployed = row.getTimestamp(8);
          TenantFacts.Definition definition =
              new TenantFacts.Definition(
                  row.getString(1),
                  row.getString(5),
                  row.getString(2),
                  row.getString(3),
                  row.getInt(4),
                  row.getInt(7) == 2,
                  row.getString(6),
                  row.getString(9),
                  deployed == null ? null : deployed.getTime());
          definitions.put(definition.id(), definition);
          TenantFacts tenant = tenants.computeIfAbsent(row.getString(5), TenantFacts::new);
          tenant.latest.merge(
              definition.key(), definition, (a, b) -> a.version() >= b.version() ? a : b);
          if (definition.deployTime() != null) {
            long time = definition.deployTime();
            tenant.keyFirstDeployed.merge(definition.key(), time, Math::min);
            tenant.firstDeployment =
                tenant.firstDeployment == null ? time : Math.min(tenant.firstDeployment, time);
            tenant.lastChange =
                tenant.lastChange == null ? time : Math.max(tenant.lastChange, time);
          }
        });
  }

  /**
   * The users of each tenant, members directly or through a group. The tenant-less part's users are
   * all users when the engine has no tenants, otherwise those who belong to no tenant.
   */
  private void loadUsers(Connection connection, Map<String, TenantFacts> tenants) {
    try {
      Map<String, Set<String>> members = new HashMap<>();
      query(
          connection,
          "select TM.TENANT_ID_, TM.USER_ID_ from "
              + prefix
              + "ACT_ID_TENANT_MEMBER TM "
              + "where TM.USER_ID_ is not null union select TM.TENANT_ID_, M.USER_ID_ from "
              + prefix
              + "ACT_ID_TENANT_MEMBER TM join "
              + prefix
              + "ACT_ID_MEMBERSHIP M on M.GROUP_ID_ = TM.GROUP_ID_",
          List.of(),
          row ->
              members
                  .computeIfAbsent(row.getString(1), t -> new HashSet<>())
                  .add(row.getString(2)));
      // no membership at all: the identity provider keeps them elsewhere (LDAP) or none is set up
      // yet; the users are unknown (the global norms, not the smallest class's), not zero
      boolean noMemberships = members.isEmpty();
      for (TenantFacts tenant : tenants.values()) {
        if (tenant.tenantId != null) {
          tenant.users = noMemberships ? null : members.getOrDefault(tenant.tenantId, Set.of());
        }
      }
      TenantFacts tenantLess = tenants.get(null);
      if (tenantLess != null) {
        Set<String> inSomeTenant = new HashSet<>();
        members.values().forEach(inSomeTenant::addAll);
        Set<String> users = new HashSet<>();
        query(
            connection,
            "select ID_ from " + prefix + "ACT_ID_USER",
            List.of(),
            row -> {
              if (!inSomeTenant.contains(row.getString(1))) {
                users.add(row.getString(1));
              }
            });
        tenantLess.users = users.isEmpty() && noMemberships ? null : users;
      }
    } catch (SQLException e) {
      LOG.warn(
          "camunda-checkup report: the identity tables cannot be read ({}); indicators per user are n/a",
          e.getMessage());
    }
  }

  // ---- runtime ----

  private void loadRuntime(
      Connection connection,
      ReportScope scope,
      long now,
      boolean past,
      ReportConfig config,
      Function<String, TenantFacts> facts,
      Map<String, TenantFacts.Definition> definitions)
      throws SQLException {
    int limit = config.detailsLimit();
    TenantFilter filter = new TenantFilter(scope, "TENANT_ID_");
    String incidents =
        "select TENANT_ID_, ID_, PROC_DEF_ID_, PROC_INST_ID_, ACTIVITY_ID_, INCIDENT_TYPE_, "
            + "INCIDENT_MSG_, INCIDENT_TIMESTAMP_ SINCE_ from "
            + prefix
            + "ACT_RU_INCIDENT where "
            + filter.sql
            + (past ? " and INCIDENT_TIMESTAMP_ <= ?" : "");
    List<Object> incidentParameters = new ArrayList<>(filter.parameters);
    if (past) {
      incidentParameters.add(new Timestamp(now));
    }
    listed(
        connection,
        incidents,
        incidentParameters,
        "count(*)",
        limit,
        facts,
        tenant -> tenant.incidents,
        (row, item) -> {
          item.put("incidentId", row.getString("ID_"));
          process(item, definitions, row.getString("PROC_DEF_ID_"));
          item.put("processInstanceId", row.getString("PROC_INST_ID_"));
          item.put("activityId", row.getString("ACTIVITY_ID_"));
          item.put("type", row.getString("INCIDENT_TYPE_"));
          item.put("message", row.getString("INCIDENT_MSG_"));
          item.put("since", iso(row.getTimestamp("SINCE_")));
        });

    Timestamp dueBefore = new Timestamp(now);
    List<Object> overdueParameters = new ArrayList<>(filter.parameters);
    overdueParameters.add(dueBefore);
    String overdue =
        "select TENANT_ID_, ID_, NAME_, PROC_DEF_ID_, PROC_INST_ID_, TASK_DEF_KEY_, ASSIGNEE_, "
            + "DUE_DATE_ SINCE_ from "
            + prefix
            + "ACT_RU_TASK where "
            + filter.sql
            + " and DUE_DATE_ < ?"
            + (past ? " and CREATE_TIME_ <= ?" : "");
    if (past) {
      overdueParameters.add(dueBefore);
    }
    listed(
        connection,
        overdue,
        overdueParameters,
        "count(*)",
        limit,
        facts,
        tenant -> tenant.overdue,
        (row, item) -> task(row, item, definitions, "due"));

    List<Object> staleParameters = new ArrayList<>(filter.parameters);
    staleParameters.add(new Timestamp(now - config.unassignedAfterDays() * UtcPeriods.DAY));
    String stale =
        "select TENANT_ID_, ID_, NAME_, PROC_DEF_ID_, PROC_INST_ID_, TASK_DEF_KEY_, ASSIGNEE_, "
            + "CREATE_TIME_ SINCE_ from "
            + prefix
            + "ACT_RU_TASK where "
            + filter.sql
            + " and ASSIGNEE_ is null and CREATE_TIME_ < ?";
    listed(
        connection,
        stale,
        staleParameters,
        "count(*)",
        limit,
        facts,
        tenant -> tenant.unassigned,
        (row, item) -> task(row, item, definitions, "created"));

    Timestamp stuckBefore = new Timestamp(now - config.stuckAfterDays() * UtcPeriods.DAY);
    TenantFilter subscriptions = new TenantFilter(scope, "S.TENANT_ID_");
    TenantFilter executions = new TenantFilter(scope, "E.TENANT_ID_");
    String waits =
        "select TENANT_ID_, PROC_INST_ID_, PROC_DEF_ID_, TASK_DEF_KEY_ ACT_ID_, CREATE_TIME_ SINCE_, "
            + "'userTask' KIND_ from "
            + prefix
            + "ACT_RU_TASK where "
            + filter.sql
            + " and PROC_INST_ID_ is not null and CREATE_TIME_ < ?"
            + " union all select TENANT_ID_, PROC_INST_ID_, PROC_DEF_ID_, ACT_ID_, CREATE_TIME_ SINCE_, "
            + "'externalTask' KIND_ from "
            + prefix
            + "ACT_RU_EXT_TASK where "
            + filter.sql
            + " and CREATE_TIME_ < ?"
            + " union all select S.TENANT_ID_, S.PROC_INST_ID_, E.PROC_DEF_ID_, S.ACTIVITY_ID_ ACT_ID_, "
            + "S.CREATED_ SINCE_, S.EVENT_TYPE_ KIND_ from "
            + prefix
            + "ACT_RU_EVENT_SUBSCR S join "
            + prefix
            + "ACT_RU_EXECUTION E on E.ID_ = S.EXECUTION_ID_ and E.ACT_ID_ = S.ACTIVITY_ID_ where "
            + subscriptions.sql
            + " and S.CREATED_ < ? and S.EVENT_TYPE_ <> 'compensate'"
            // an execution at an event-based gateway waits for events of other activities: it is
            // stuck when that is
            // all it waits for (no task, external task, job such as a timer that will move it on,
            // or child execution)
            + " union all select E.TENANT_ID_, E.PROC_INST_ID_, E.PROC_DEF_ID_, E.ACT_ID_, min(S.CREATED_) SINCE_, "
            + "'eventBasedGateway' KIND_ from "
            + prefix
            + "ACT_RU_EXECUTION E join "
            + prefix
            + "ACT_RU_EVENT_SUBSCR S on S.EXECUTION_ID_ = E.ID_ and S.ACTIVITY_ID_ <> E.ACT_ID_ where "
            + executions.sql
            + " and S.CREATED_ < ? and S.EVENT_TYPE_ in ('message', 'signal', 'conditional')"
            + " and not exists (select 1 from "
            + prefix
            + "ACT_RU_EVENT_SUBSCR O where O.EXECUTION_ID_ = E.ID_"
            + " and O.ACTIVITY_ID_ = E.ACT_ID_)"
            + " and not exists (select 1 from "
            + prefix
            + "ACT_RU_TASK T where T.EXECUTION_ID_ = E.ID_)"
            + " and not exists (select 1 from "
            + prefix
            + "ACT_RU_EXT_TASK X where X.EXECUTION_ID_ = E.ID_)"
            + " and not exists (select 1 from "
            + prefix
            + "ACT_RU_JOB J where J.EXECUTION_ID_ = E.ID_)"
            + " and not exists (select 1 from "
            + prefix
            + "ACT_RU_EXECUTION C where C.PARENT_ID_ = E.ID_"
            + " or C.SUPER_EXEC_ = E.ID_)"
            + " and not exists (select 1 from "
            + prefix
            + "ACT_RU_CASE_EXECUTION K where K.SUPER_EXEC_ = E.ID_)"
            + " group by E.ID_, E.TENANT_ID_, E.PROC_INST_ID_, E.PROC_DEF_ID_, E.ACT_ID_"
            // a token at a parallel or inclusive join waits for the others; how long, only the
            // activity
            // instance the engine started for it tells (a lookup by primary key, where history
            // records it)
            + " union all select E.TENANT_ID_, E.PROC_INST_ID_, E.PROC_DEF_ID_, E.ACT_ID_, "
            + "H.START_TIME_ SINCE_, 'join' KIND_ from "
            + prefix
            + "ACT_RU_EXECUTION E join "
            + prefix
            + "ACT_HI_ACTINST H on H.ID_ = E.ACT_INST_ID_ where "
            + executions.sql
            + " and E.IS_ACTIVE_ = ? and H.END_TIME_ is null and H.START_TIME_ < ?"
            + " and H.ACT_TYPE_ in ('parallelGateway', 'inclusiveGateway')";
    List<Object> waitParameters = new ArrayList<>();
    waitParameters.addAll(filter.parameters);
    waitParameters.add(stuckBefore);
    waitParameters.addAll(filter.parameters);
    waitParameters.add(stuckBefore);
    waitParameters.addAll(subscriptions.parameters);
    waitParameters.add(stuckBefore);
    waitParameters.addAll(executions.parameters);
    waitParameters.add(stuckBefore);
    waitParameters.addAll(executions.parameters);
    waitParameters.add(false);
    waitParameters.add(stuckBefore);
    listed(
        connection,
        waits,
        waitParameters,
        "count(distinct PROC_INST_ID_)",
        limit,
        facts,
        tenant -> tenant.stuck,
        (row, item) -> {
          item.put("processInstanceId", row.getString("PROC_INST_ID_"));
          process(item, definitions, row.getString("PROC_DEF_ID_"));
          item.put("activityId", row.getString("ACT_ID_"));
          item.put("waitingFor", row.getString("KIND_"));
          item.put("since", iso(row.getTimestamp("SINCE_")));
        });
  }

  private static void task(
      ResultSet row,
      Map<String, Object> item,
      Map<String, TenantFacts.Definition> definitions,
      String sinceName)
      throws SQLException {
    item.put("taskId", row.getString("ID_"));
    item.put("name", row.getString("NAME_"));
    process(item, definitions, row.getString("PROC_DEF_ID_"));
    item.put("processInstanceId", row.getString("PROC_INST_ID_"));
    item.put("taskDefinitionKey", row.getString("TASK_DEF_KEY_"));
    item.put("assignee", row.getString("ASSIGNEE_"));
    item.put(sinceName, iso(row.getTimestamp("SINCE_")));
  }

  /** The process of a runtime row, by key, name and definition (names beside ids, for people). */
  private static void process(
      Map<String, Object> item, Map<String, TenantFacts.Definition> definitions, String id) {
    TenantFacts.Definition definition = definitions.get(id);
    item.put("processKey", definition == null ? null : definition.key());
    item.put("processName", definition == null ? null : definition.name());
    item.put("processDefinitionId", id);
  }

  private interface ItemReader {
    void read(ResultSet row, Map<String, Object> item) throws SQLException;
  }

  /**
   * Counts per tenant, and the oldest {@code limit} rows per tenant (by {@code SINCE_}) as details:
   * two grouped queries, however many tenants and rows there are.
   */
  private void listed(
      Connection connection,
      String select,
      List<Object> parameters,
      String count,
      int limit,
      Function<String, TenantFacts> facts,
      Function<TenantFacts, TenantFacts.Listed> which,
      ItemReader reader)
      throws SQLException {
    query(
        connection,
        "select TENANT_ID_, " + count + " from (" + select + ") X group by TENANT_ID_",
        parameters,
        row -> {
          TenantFacts tenant = facts.apply(row.getString(1));
          if (tenant != null) {
            which.apply(tenant).count = row.getLong(2);
          }
        });
    if (limit == 0) {
      return;
    }
    List<Object> limited = new ArrayList<>(parameters);
    limited.add(limit);
    Map<String, Set<String>> seenInstances = new HashMap<>();
    query(
        connection,
        "select * from (select X.*, row_number() over (partition by X.TENANT_ID_ order by X.SINCE_, "
            + "X.PROC_INST_ID_) RN_ from ("
            + select
            + ") X) Y where Y.RN_ <= ? order by Y.TENANT_ID_, Y.RN_",
        limited,
        row -> {
          TenantFacts tenant = facts.apply(row.getString("TENANT_ID_"));
          if (tenant == null) {
            return;
          }
          String instance = row.getString("PROC_INST_ID_");
          if (count.contains("distinct")
              && instance != null
              && !seenInstances
                  .computeIfAbsent(tenant.tenantId, t -> new HashSet<>())
                  .add(instance)) {
            return; // an instance waits in several places: listed once, at its oldest wait
          }
          Map<String, Object> item = new LinkedHashMap<>();
          reader.read(row, item);
          which.apply(tenant).items.add(item);
        });
  }

  // ---- plumbing ----

  /** A condition on a tenant column: nothing for all tenants, otherwise the tenants in scope. */
  private static final class TenantFilter {
    final String sql;
    final List<Object> parameters = new ArrayList<>();

    TenantFilter(ReportScope scope, String column) {
      if (scope.isAll()) {
        sql = "1 = 1";
        return;
      }
      StringBuilder condition = new StringBuilder("(");
      condition.append(scope.includes(null) ? column + " is null" : "1 = 0");
      for (String tenant : scope.tenants()) {
        if (tenant != null) {
          condition.append(" or ").append(column).append(" = ?");
          parameters.add(tenant);
        }
      }
      sql = condition.append(')').toString();
    }
  }

  private interface RowHandler {
    void handle(ResultSet row) throws SQLException;
  }

  private void query(Connection connection, String sql, List<Object> parameters, RowHandler handler)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setQueryTimeout(timeoutSeconds);
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          handler.handle(rows);
        }
      }
    }
  }

  static String iso(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant().toString();
  }
}
