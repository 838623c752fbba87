package io.checkup.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.checkup.lint.config.ConfigException;
import io.checkup.lint.config.LintConfigLoader;
import io.checkup.report.ReportConfig;
import io.checkup.report.ReportSettings;
import io.checkup.stats.StatsSettings;
import io.checkup.text.DataSizes;
import io.checkup.text.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The plugin's settings, typed, beside the plugin (as Camunda's LDAP plugin keeps its {@code
 * LdapConfiguration}): the catalog of every {@link Setting}, and the values of one installation.
 * Values arrive typed (Spring Boot binds {@code checkup.*} itself) or as text (Camunda Run's {@code
 * plugin-parameters}, a plain engine's configuration); texts are read once, when the engine starts
 * ({@link #check()}), and a mistake stops it naming the setting.
 */
public final class CheckupSettings {

  // ---- the catalog ----

  public static final Setting<LintMode> LINT_MODE =
      new Setting<>(
          "lintMode",
          "checkup.lint.mode",
          LintMode.WARN,
          LintMode::parse,
          mode -> mode.name().toLowerCase(Locale.ROOT),
          "warn: log and keep findings, always deploy; strict: also refuse deployments with error findings; off: no "
              + "deploy-time lint");

  public static final Setting<String> LINT_CONFIG_FILE =
      text(
          "lintConfigFile",
          "checkup.lint.config-file",
          "A rule configuration file (camunda-checkup JSON or a bpmnlint .bpmnlintrc): a path, file: path or classpath: "
              + "resource");

  public static final Setting<Map<String, String>> LINT_RULES =
      pairs(
          "lintRules",
          "checkup.lint.rules.<rule-id>",
          "Severity per rule id: off, info, warn, error (plugin property: \"model-size=error, label-required=off\")");

  public static final Setting<Map<String, String>> LINT_RULE_OPTIONS =
      pairs(
          "lintRuleOptions",
          "checkup.lint.options.<rule-id>.<option>",
          "Rule options (plugin property: \"model-size.max=80, element-diversity.min-kinds=5\")");

  public static final Setting<Integer> LINT_LOG_LIMIT =
      whole(
          "lintLogLimit",
          "checkup.lint.log-limit",
          50,
          0,
          "Finding lines logged per deployed resource, then one line with the count of the rest; also the most errors "
              + "(and warnings) a strict-mode refusal lists");

  public static final Setting<Long> LINT_RESULTS_CACHE_SIZE =
      new Setting<Long>(
              "lintResultsCacheSize",
              "checkup.lint.results-cache-size",
              16L << 20,
              DataSizes::parse,
              bytes -> bytes + "B",
              "Heap the findings kept for the Java and REST API may take on a node")
          .checking(
              bytes -> {
                if (bytes < 0) {
                  throw new IllegalArgumentException(bytes + " bytes is less than 0");
                }
              });

  public static final Setting<Boolean> STATS_ENABLED =
      flag("statsEnabled", "checkup.stats.enabled", true, "Collect runtime statistics");

  public static final Setting<Duration> STATS_FLUSH_INTERVAL =
      atLeastOneSecond(
          duration(
              "statsFlushInterval",
              "checkup.stats.flush-interval",
              Duration.ofSeconds(60),
              "s",
              "How often counts are written; the most a crash can lose"));

  public static final Setting<Duration> STATS_ROLL_UP_AFTER =
      atLeastOneDay(
          duration(
              "statsRollUpAfter",
              "checkup.stats.roll-up-after",
              Duration.ofDays(14),
              "d",
              "Age after which hourly rows become daily rows"));

  /**
   * Checked against {@link #STATS_ROLL_UP_AFTER} too: rows are deleted no earlier than rolled up.
   */
  public static final Setting<Duration> STATS_RETENTION =
      atLeastOneDay(
          duration(
              "statsRetention",
              "checkup.stats.retention",
              Duration.ofDays(180),
              "d",
              "Age after which rows are deleted"));

  public static final Setting<Integer> STATS_MAX_PENDING_ROWS =
      whole(
          "statsMaxPendingRows",
          "checkup.stats.max-pending-rows",
          100_000,
          100,
          "Rows that may wait in memory while the database is away");

  public static final Setting<String> STATS_NODE_ID =
      text(
              "statsNodeId",
              "checkup.stats.node-id",
              "This node's name in its rows (default: host/engine/random)")
          .checking(
              node -> {
                if (node.startsWith("*")) {
                  throw new IllegalArgumentException(
                      "'" + node + "' starts with '*' (the roll-up marks the rows it merges so)");
                }
                if (node.length() > StatsSettings.NODE_ID_LENGTH) {
                  throw new IllegalArgumentException(
                      "it is "
                          + node.length()
                          + " characters long; the tables take "
                          + StatsSettings.NODE_ID_LENGTH);
                }
              });

  public static final Setting<String> REPORT_CONFIG_FILE =
      text(
          "reportConfigFile",
          "checkup.report.config-file",
          "JSON file with norms, size classes, profiles, tenants and risk settings: a path, file:path or "
              + "classpath:resource");

  public static final Setting<ReportSettings> REPORT_CONFIG =
      new Setting<>(
          "reportConfig",
          "checkup.report.settings.*",
          null,
          text -> ReportConfig.read("reportConfig", text),
          CheckupSettings::json,
          "The same structure as the file, as properties or YAML (Spring Boot) or inline JSON (plugin property), applied "
              + "after the file");

  public static final Setting<Boolean> REPORT_WARM_UP =
      flag(
          "reportWarmUp",
          "checkup.report.warm-up",
          true,
          "Generate one report in the background when the engine starts and a minute after each midnight UTC");

  /**
   * At least a second: JDBC takes a query's timeout in whole seconds. At most a day: H2 counts it
   * in milliseconds in an int, and 25 days made every query fail.
   */
  public static final Setting<Duration> REPORT_QUERY_TIMEOUT =
      atLeastOneSecond(
              duration(
                  "reportQueryTimeout",
                  "checkup.report.query-timeout",
                  Duration.ofSeconds(30),
                  "s",
                  "How long one of the report's queries may take, and how long a request waits while "
                      + "another report is computed on the node; past it the REST API answers 503"))
          .checking(
              value -> {
                if (value.compareTo(Duration.ofDays(1)) > 0) {
                  throw new IllegalArgumentException(
                      Durations.format(value) + " is longer than one day (1d)");
                }
              });

  public static final Setting<Set<String>> REPORT_EXCLUDE_TENANTS =
      new Setting<>(
          "reportExcludeTenants",
          "checkup.report.exclude-tenants",
          Set.of(),
          CheckupSettings::ids,
          ids -> String.join(", ", ids),
          "Tenant ids, comma separated, left out of the report, the history, alerts and metrics (not clients: an "
              + "internal tenant, a test tenant)");

  public static final Setting<Boolean> REPORT_EXCLUDE_WITHOUT_TENANT =
      flag(
          "reportExcludeWithoutTenant",
          "checkup.report.exclude-without-tenant",
          false,
          "Leave the tenant-less part out of the report, the history, alerts and metrics");

  public static final Setting<Boolean> REPORT_SNAPSHOTS =
      flag(
          "reportSnapshots",
          "checkup.report.snapshots",
          true,
          "Write the daily snapshots of every tenant from this node (each day is written once per "
              + "cluster, by whichever node gets there first)");

  /**
   * At least a day: the snapshot job keeps the days from {@code today - retention}, so zero or less
   * would delete every snapshot on its first round.
   */
  public static final Setting<Duration> REPORT_HISTORY_RETENTION =
      atLeastOneDay(
          duration(
              "reportHistoryRetention",
              "checkup.report.history-retention",
              Duration.ofDays(400),
              "d",
              "How long daily snapshots are kept"));

  public static final Setting<String> REPORT_COCKPIT_URL =
      new Setting<>(
          "reportCockpitUrl",
          "checkup.report.cockpit-url",
          "/camunda/app/cockpit/{engine}/",
          CheckupSettings::cockpitUrl,
          Function.identity(),
          "Where the report's pages link to Cockpit ({engine} is the engine's name)");

  public static final Setting<String> ALERTS_WEBHOOK_URL =
      new Setting<String>(
              "alertsWebhookUrl",
              "checkup.alerts.webhook-url",
              null,
              CheckupSettings::webhookUrl,
              Function.identity(),
              "Where alerts are POSTed (http or https); alerts are off without it")
          .checking(CheckupSettings::webhookUrl);

  public static final Setting<String> ALERTS_WEBHOOK_SECRET =
      new Setting<>(
          "alertsWebhookSecret",
          "checkup.alerts.webhook-secret",
          null,
          text -> text == null || text.isEmpty() ? null : text,
          Function.identity(),
          "Signs each alert: header X-Checkup-Signature: sha256=<hex HMAC-SHA256 of the body>");

  public static final Setting<Duration> ALERTS_INTERVAL =
      atLeastOneSecond(
          duration(
              "alertsInterval",
              "checkup.alerts.interval",
              Duration.ofHours(1),
              "s",
              "How often the tenants are evaluated (once per cluster)"));

  public static final Setting<Boolean> ALERTS_EVALUATE =
      flag(
          "alertsEvaluate",
          "checkup.alerts.evaluate",
          true,
          "Evaluate the tenants from this node (each round once per cluster, by whichever node gets "
              + "there first); every node with a webhook delivers");

  public static final Setting<Integer> ALERTS_SCORE_DROP =
      whole(
              "alertsScoreDrop",
              "checkup.alerts.score-drop",
              15,
              1,
              "Alert when a tenant's score falls by at least this much within 7 days")
          .checking(
              value -> {
                if (value < 1 || value > 100) {
                  throw new IllegalArgumentException(value + " is not between 1 and 100");
                }
              });

  /** Alerts are kept 30 days: a cool-down cannot look further back than that. */
  private static final Duration LONGEST_COOL_DOWN = Duration.ofDays(30);

  public static final Setting<Duration> ALERTS_COOL_DOWN =
      duration(
              "alertsCoolDown",
              "checkup.alerts.cool-down",
              Duration.ofHours(24),
              "s",
              "For this long after a tenant's alert, alert it again only when it is worse than that alert "
                  + "said (0: at every fall)")
          .checking(
              value -> {
                if (value.isNegative()) {
                  throw new IllegalArgumentException(
                      Durations.format(value) + " is a negative duration");
                }
                if (value.compareTo(LONGEST_COOL_DOWN) > 0) {
                  throw new IllegalArgumentException(
                      Durations.format(value)
                          + " is longer than 30d (the alerts it compares with are kept 30 days)");
                }
              });

  public static final Setting<String> ALERTS_REPORT_URL =
      new Setting<String>(
              "alertsReportUrl",
              "checkup.alerts.report-url",
              "/engine-rest/checkup/report",
              CheckupSettings::reportUrl,
              Function.identity(),
              "The report's address as an alert links to it; the tenant and ?format=html are added")
          .checking(CheckupSettings::reportUrl);

  public static final Setting<Duration> ALERTS_RETRY_AFTER =
      positive(
          duration(
              "alertsRetryAfter",
              "checkup.alerts.retry-after",
              Duration.ofSeconds(30),
              "s",
              "Wait before the first retry of an alert; it doubles with each further one (up to 1 h)"));

  public static final Setting<Duration> ALERTS_RETRY_FOR =
      positive(
          duration(
              "alertsRetryFor",
              "checkup.alerts.retry-for",
              Duration.ofHours(24),
              "h",
              "How long an alert is retried before it is given up (logged as a warning)"));

  public static final Setting<Duration> ALERTS_TIMEOUT =
      positive(
          duration(
              "alertsTimeout",
              "checkup.alerts.timeout",
              Duration.ofSeconds(10),
              "s",
              "How long one delivery may take, connecting included, before it counts as failed"));

  /** Every setting, in the order docs/configuration.md lists them. */
  public static final List<Setting<?>> ALL =
      List.of(
          LINT_MODE,
          LINT_CONFIG_FILE,
          LINT_RULES,
          LINT_RULE_OPTIONS,
          LINT_LOG_LIMIT,
          LINT_RESULTS_CACHE_SIZE,
          STATS_ENABLED,
          STATS_FLUSH_INTERVAL,
          STATS_ROLL_UP_AFTER,
          STATS_RETENTION,
          STATS_MAX_PENDING_ROWS,
          STATS_NODE_ID,
          REPORT_CONFIG_FILE,
          REPORT_CONFIG,
          REPORT_WARM_UP,
          REPORT_QUERY_TIMEOUT,
          REPORT_EXCLUDE_TENANTS,
          REPORT_EXCLUDE_WITHOUT_TENANT,
          REPORT_SNAPSHOTS,
          REPORT_HISTORY_RETENTION,
          REPORT_COCKPIT_URL,
          ALERTS_WEBHOOK_URL,
          ALERTS_WEBHOOK_SECRET,
          ALERTS_INTERVAL,
          ALERTS_EVALUATE,
          ALERTS_SCORE_DROP,
          ALERTS_COOL_DOWN,
          ALERTS_REPORT_URL,
          ALERTS_RETRY_AFTER,
          ALERTS_RETRY_FOR,
          ALERTS_TIMEOUT);

  private static Setting<String> text(String property, String springProperty, String description) {
    return new Setting<>(
        property,
        springProperty,
        null,
        text -> text == null || text.isBlank() ? null : text.trim(),
        Function.identity(),
        description);
  }

  private static Setting<Integer> whole(
      String property, String springProperty, int defaultValue, int least, String description) {
    return new Setting<Integer>(
            property,
            springProperty,
            defaultValue,
            text -> {
              try {
                return Integer.parseInt(text.trim().replace("_", ""));
              } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not a whole number");
              }
            },
            String::valueOf,
            description)
        .checking(
            value -> {
              if (value < least) {
                throw new IllegalArgumentException(value + " is less than " + least);
              }
            });
  }

  private static Setting<Boolean> flag(
      String property, String springProperty, boolean defaultValue, String description) {
    return new Setting<>(
        property,
        springProperty,
        defaultValue,
        text -> {
          String value = text.trim().toLowerCase(Locale.ROOT);
          if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("'" + text + "' is not true or false");
          }
          return Boolean.valueOf(value);
        },
        String::valueOf,
        description);
  }

  /** The longest duration any setting takes: its milliseconds never overflow a long. */
  private static final Duration LONGEST = Duration.ofDays(36_500);

  private static Setting<Duration> duration(
      String property,
      String springProperty,
      Duration defaultValue,
      String bareNumberUnit,
      String description) {
    return new Setting<>(
            property,
            springProperty,
            defaultValue,
            text -> Durations.parse(text, bareNumberUnit),
            Durations::format,
            description)
        .checking(
            value -> {
              if (value.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException(
                    Durations.format(value) + " is longer than 36500d (100 years)");
              }
            });
  }

  /** More than zero, in whole milliseconds at least (the schedulers count in them). */
  private static Setting<Duration> positive(Setting<Duration> setting) {
    return setting.checking(
        value -> {
          if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(
                Durations.format(value) + " is not a positive duration");
          }
          if (value.toMillis() < 1) {
            throw new IllegalArgumentException(
                Durations.format(value) + " is shorter than a millisecond (1ms)");
          }
        });
  }

  private static Setting<Duration> atLeastOneSecond(Setting<Duration> setting) {
    return positive(setting)
        .checking(
            value -> {
              if (value.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException(
                    Durations.format(value) + " is shorter than one second (1s)");
              }
            });
  }

  private static Setting<Duration> atLeastOneDay(Setting<Duration> setting) {
    return setting.checking(
        value -> {
          if (value.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException(
                Durations.format(value) + " is shorter than one day (1d)");
          }
        });
  }

  private static Setting<Map<String, String>> pairs(
      String property, String springProperty, String description) {
    return new Setting<>(
        property,
        springProperty,
        Map.of(),
        text -> {
          try {
            return LintConfigLoader.pairs(text, property);
          } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
          }
        },
        pairs ->
            String.join(
                ", ", pairs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
        description);
  }

  /** Comma-separated ids, in order, without blanks. */
  private static Set<String> ids(String text) {
    Set<String> ids = new LinkedHashSet<>();
    for (String id : text == null ? new String[0] : text.split(",")) {
      if (!id.isBlank()) {
        ids.add(id.trim());
      }
    }
    return ids;
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private static String json(ReportSettings settings) {
    try {
      return JSON.writeValueAsString(settings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- the values of one installation ----

  private final Map<Setting<?>, Object> values = new HashMap<>();
  private final Map<Setting<?>, String> texts = new LinkedHashMap<>();

  /** Sets a value as Spring Boot binds it: typed, checked by {@link #check()}. */
  public <T> CheckupSettings set(Setting<T> setting, T value) {
    if (value == null) {
      // Spring Boot binds an empty property as null: not set, so the default holds
      values.remove(setting);
      return this;
    }
    values.put(setting, value);
    texts.remove(setting);
    return this;
  }

  /** Sets a value as a plugin property gives it: text, read by {@link #check()}. */
  void setText(Setting<?> setting, String text) {
    texts.put(setting, text);
    values.remove(setting);
  }

  /**
   * A setting's value as text: as it was given, or as its typed value writes it (null: not set, no
   * default).
   */
  <T> String text(Setting<T> setting) {
    if (texts.containsKey(setting)) {
      return texts.get(setting);
    }
    return setting.write(get(setting));
  }

  /**
   * Reads the texts given, once, and checks every value however it was given; a mistake is an
   * {@code IllegalArgumentException} that names the setting both ways ({@link Setting#names()}).
   */
  void check() {
    for (Map.Entry<Setting<?>, String> text : List.copyOf(texts.entrySet())) {
      values.put(text.getKey(), text.getKey().parse(text.getValue()));
    }
    texts.clear();
    for (Map.Entry<Setting<?>, Object> value : values.entrySet()) {
      checkTyped(value.getKey(), value.getValue());
    }
    Duration retention = get(STATS_RETENTION);
    Duration rollUpAfter = get(STATS_ROLL_UP_AFTER);
    if (retention.compareTo(rollUpAfter) < 0) {
      throw new IllegalArgumentException(
          STATS_RETENTION.names()
              + ": "
              + Durations.format(retention)
              + " is shorter than "
              + STATS_ROLL_UP_AFTER.names()
              + ", "
              + Durations.format(rollUpAfter)
              + " (rows are deleted no earlier than they are rolled up)");
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void checkTyped(Setting<T> setting, Object value) {
    setting.check((T) value);
  }

  /** The value of a setting: as set, or its default. Texts not yet checked are read here. */
  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    if (texts.containsKey(setting)) {
      return setting.parse(texts.get(setting));
    }
    return values.containsKey(setting) ? (T) values.get(setting) : setting.defaultValue();
  }

  /**
   * An absolute http(s) address. The message of a mistake never repeats the text: a webhook's
   * address may carry a token, and it must not reach a log line.
   */
  private static String webhookUrl(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "is not a valid address (" + e.getReason() + "; the value is not repeated here)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "only http and https addresses are accepted"
              + (scheme.isEmpty() ? "" : ", not " + scheme + ":")
              + " (the value is not repeated here)");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          "the address names no host (the value is not repeated here)");
    }
    if (uri.getPort() > 65_535) {
      throw new IllegalArgumentException(
          "the address names port "
              + uri.getPort()
              + ", above 65535 (the value is not repeated here)");
    }
    return uri.toString();
  }

  /** A path on this server or an http(s) address, to which an alert adds the tenant. */
  private static String reportUrl(String text) {
    return link(text, "/engine-rest/checkup/report");
  }

  /** A path on this server or an http(s) address: nothing a link could run. */
  private static String cockpitUrl(String text) {
    return link(text, "/camunda/app/cockpit/{engine}/");
  }

  /** A link's base: a path on this server or an http(s) address (blank: the default). */
  private static String link(String text, String defaultPath) {
    if (text == null || text.isBlank()) {
      return defaultPath;
    }
    String url = text.trim();
    String lower = url.toLowerCase(Locale.ROOT);
    if (!(url.startsWith("/") && !url.startsWith("//"))
        && !lower.startsWith("http://")
        && !lower.startsWith("https://")) {
      throw new IllegalArgumentException(
          "'" + url + "' is neither a path (" + defaultPath + ") nor an http(s) address");
    }
    return url;
  }
}
