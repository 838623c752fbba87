package io.checkup.stats;

import io.checkup.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the raw statistics rows of a PostgreSQL test schema. */
final class TestDatabasesRows {

  private TestDatabasesRows() {}

  static List<String> nodes(String schema) throws Exception {
    List<String> nodes = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(
                TestDatabases.POSTGRES_URL + "?currentSchema=" + schema, "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select distinct NODE_ID_ from CHECKUP_STAT")) {
      while (result.next()) {
        nodes.add(result.getString(1));
      }
    }
    return nodes;
  }
}
