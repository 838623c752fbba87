package io.checkup.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin's own tables on the engine's database: their names under the engine's {@code
 * databaseTablePrefix}, and their creation and removal following the engine's {@code
 * databaseSchemaUpdate}. Each group of tables (the statistics', the report's) has a script per
 * database in a folder of its own ({@code <dialect>.create.sql}, {@code <dialect>.drop.sql}); a
 * table missing from an existing installation (one a newer version added) is created on its own, by
 * the statements of the script that concern it. No script runs on a database without scripts of its
 * own: there the tables must have been made by hand.
 */
public final class PluginTables {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup");
  private static final Pattern TABLE_OF_STATEMENT =
      Pattern.compile(
          "(?is)^\\s*(?:create\\s+table|insert\\s+into|drop\\s+table(?:\\s+if\\s+exists)?|create\\s+(?:unique\\s+)?index"
              + "\\s+\\S+\\s+on|drop\\s+index\\s+\\S+\\s+on)\\s+\\$\\{prefix}(\\w+)");

  /** A group of tables and the folder of its scripts, e.g. {@code io/checkup/stats/sql}. */
  public record Group(String scripts, List<String> tables) {}

  private final DataSource dataSource;
  private final String databaseType;
  private final String dialect;
  private final String prefix;
  private final String indexPrefix;

  /**
   * @param databaseType the engine's database type (h2, postgres, mysql, mariadb, ...)
   * @param tablePrefix the engine's {@code databaseTablePrefix}: a schema ("camunda.") and/or a
   *     name prefix
   */
  public PluginTables(DataSource dataSource, String databaseType, String tablePrefix) {
    this.dataSource = dataSource;
    this.databaseType = databaseType;
    this.dialect = dialectOf(databaseType);
    this.prefix = tablePrefix == null ? "" : tablePrefix;
    int dot = prefix.lastIndexOf('.');
    this.indexPrefix = dot < 0 ? prefix : prefix.substring(dot + 1);
  }

  /**
   * Whether the plugin has table scripts for this engine database type: H2, PostgreSQL,
   * MariaDB/MySQL.
   */
  public static boolean isSupported(String databaseType) {
    return dialectOf(databaseType) != null;
  }

  private static String dialectOf(String databaseType) {
    String type = databaseType == null ? "" : databaseType.toLowerCase(Locale.ROOT);
    return switch (type) {
      case "postgres", "postgresql" -> "postgres";
      case "mysql", "mariadb" -> "mysql";
      case "h2" -> "h2";
      default -> null;
    };
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The database type as the engine names it. */
  public String databaseType() {
    return databaseType;
  }

  /**
   * Puts what has been committed on disk now. Only H2 needs it: it writes a commit to its file a
   * moment later, or when the database closes, so a JVM that exits before either loses it (at the
   * JVM's exit H2 closes the database in a hook of its own, and a write after that opens it again
   * and is never put on disk). PostgreSQL and MariaDB have a commit on disk when it returns.
   */
  public void syncToDisk() throws SQLException {
    if (!"h2".equals(dialect)) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        Statement checkpoint = connection.createStatement()) {
      checkpoint.execute("CHECKPOINT SYNC");
    }
  }

  /** A table's name as the statements use it: with the engine's prefix. */
  public String name(String table) {
    return prefix + table;
  }

  /**
   * The script of a group for this database, e.g. {@code io/checkup/stats/sql/postgres.create.sql}.
   */
  public String script(Group group, String action) {
    return group.scripts() + "/" + (dialect == null ? "postgres" : dialect) + "." + action + ".sql";
  }

  /** Applies the engine's {@code databaseSchemaUpdate} to a group of tables. */
  public void applySchemaUpdate(Group group, String schemaUpdate) {
    String mode = schemaUpdate == null ? "false" : schemaUpdate.toLowerCase(Locale.ROOT);
    List<String> missing = missing(group);
    if (dialect == null
        || mode.equals("false")
        || !List.of("drop-create", "true", "create", "create-drop").contains(mode)) {
      // no script of another database runs here; with databaseSchemaUpdate=false the operator owns
      // the schema
      if (!missing.isEmpty()) {
        List<String> names = prefixed(missing);
        throw new IllegalStateException(
            "the table "
                + names.get(0)
                + " does not exist"
                + (names.size() == 1
                    ? ""
                    : " (nor " + String.join(", ", names.subList(1, names.size())) + ")")
                + " and "
                + (dialect == null
                    ? "camunda-checkup has no script for database type '" + databaseType + "'"
                    : "the engine's databaseSchemaUpdate is '" + schemaUpdate + "'")
                + ": create it with the script "
                + script(group, "create")
                + " (inside the plugin jar)");
      }
      return;
    }
    if (mode.equals("drop-create")) {
      drop(group);
      missing = missing(group);
    }
    if (missing.isEmpty()) {
      return;
    }
    try {
      run(group, "create", missing);
      LOG.info("camunda-checkup: created the table(s) {}", String.join(", ", prefixed(missing)));
    } catch (IllegalStateException e) {
      // another node of the cluster may have created them at the same moment
      if (!missing(group).isEmpty()) {
        throw e;
      }
    }
  }

  /**
   * Drops a group's tables (what {@code create-drop} does when the engine closes); never on a
   * foreign database.
   */
  public void drop(Group group) {
    List<String> present = new ArrayList<>(group.tables());
    present.removeAll(missing(group));
    if (dialect != null && !present.isEmpty()) {
      run(group, "drop", present);
    }
  }

  /** Whether every table of the group exists. */
  public boolean exist(Group group) {
    return missing(group).isEmpty();
  }

  private List<String> missing(Group group) {
    List<String> missing = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (String table : group.tables()) {
        try {
          statement.executeQuery("select count(*) from " + name(table) + " where 1 = 0").close();
        } catch (SQLException e) {
          missing.add(table);
        }
      }
    } catch (SQLException e) {
      return new ArrayList<>(group.tables());
    }
    return missing;
  }

  private List<String> prefixed(List<String> tables) {
    return tables.stream().map(this::name).toList();
  }

  /** Runs the statements of a script that concern these tables. */
  private void run(Group group, String action, List<String> tables) {
    String name = script(group, action);
    Map<String, List<String>> statements = statements(read(name));
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (Map.Entry<String, List<String>> table : statements.entrySet()) {
        if (tables.contains(table.getKey())) {
          for (String sql : table.getValue()) {
            statement.execute(
                sql.replace("${prefix}", prefix).replace("${indexPrefix}", indexPrefix));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("running " + name + " failed: " + e.getMessage(), e);
    }
  }

  /** The statements of a script by the table each concerns, in script order. */
  static Map<String, List<String>> statements(String script) {
    StringBuilder code = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.trim().startsWith("--")) {
        code.append(line).append('\n');
      }
    }
    Map<String, List<String>> byTable = new LinkedHashMap<>();
    for (String part : code.toString().split(";")) {
      String sql = part.trim();
      if (sql.isEmpty()) {
        continue;
      }
      Matcher table = TABLE_OF_STATEMENT.matcher(sql);
      if (!table.find()) {
        throw new IllegalStateException(
            "a statement of a camunda-checkup script names no table: " + sql);
      }
      byTable
          .computeIfAbsent(table.group(1).toUpperCase(Locale.ROOT), t -> new ArrayList<>())
          .add(sql);
    }
    return byTable;
  }

  private static String read(String resource) {
    try (InputStream in = PluginTables.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing script " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
