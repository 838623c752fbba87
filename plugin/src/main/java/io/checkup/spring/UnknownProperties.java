package io.checkup.spring;

import io.checkup.engine.CheckupSettings;
import io.checkup.engine.Setting;
import io.checkup.lint.PlainText;
import io.checkup.report.ReportSettings;
import io.checkup.text.Spelling;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The {@code checkup.*} properties that no setting of the plugin reads. Spring Boot ignores an
 * unknown property, so a misspelt one ({@code checkup.lint.mod=strict}) would change nothing and
 * say nothing; each gets a warning naming it, where it was set and the property probably meant.
 * Only the plugin's own sections are looked at ({@code checkup.lint.}, {@code .stats.}, {@code
 * .report.}, {@code .alerts.}, {@code checkup.enabled}, and what is a letter or two from them):
 * applications and test set-ups keep switches of their own under {@code checkup.} (the demo's
 * {@code checkup.demo.*}). {@code checkup.report.settings.*} is bound strictly, and a key that
 * names nothing stops the start; only one set in an environment variable is warned about here
 * instead.
 *
 * <p>An environment variable may write a property's words apart ({@code
 * CHECKUP_STATS_FLUSH_INTERVAL} for {@code checkup.stats.flush-interval}), which Spring binds but
 * lists as {@code checkup.stats.flush.interval} among the unbound: a property whose origin a
 * setting was bound from is no unknown one.
 */
final class UnknownProperties {

  /** At most this many edits apart, a known property is offered as the one meant. */
  private static final int CLOSE = 3;

  /** At most this many edits apart, a section is taken as one of the plugin's. */
  private static final int SECTION_CLOSE = 2;

  private static final String REPORT_SETTINGS = "checkup.report.settings";

  private static final String ENABLED = "checkup.enabled";

  private static final List<String> KNOWN = known();

  private static final Set<String> SECTIONS = sections();

  private UnknownProperties() {}

  /** One line per unknown property, in name order. */
  static List<String> warnings(Environment environment) {
    List<String> warnings = new ArrayList<>();
    for (ConfigurationProperty property : unbound(environment).values()) {
      String name = property.getName().toString();
      StringBuilder line =
          new StringBuilder("camunda-checkup: ")
              .append(PlainText.oneLine(name, PlainText.NAME_LENGTH))
              .append(" is no property of camunda-checkup and changes nothing");
      if (property.getOrigin() != null) {
        line.append(" (set in ")
            .append(PlainText.oneLine(property.getOrigin().toString(), PlainText.NAME_LENGTH));
        line.append(')');
      }
      String meant = meant(name);
      if (meant != null) {
        line.append("; did you mean ").append(meant).append('?');
      }
      warnings.add(line.toString());
    }
    return warnings;
  }

  private static TreeMap<String, ConfigurationProperty> unbound(Environment environment) {
    TreeMap<String, ConfigurationProperty> unbound = new TreeMap<>();
    Binder binder = Binder.get(environment);
    Bound bound = new Bound();
    binder.bind(REPORT_SETTINGS, Bindable.of(ReportSettings.class), bound);
    try {
      binder.bind(
          "checkup",
          Bindable.ofInstance(new CheckupProperties()),
          new NoUnboundElementsBindHandler(bound));
    } catch (BindException e) {
      // a value that does not convert stopped the start before this, in Spring's own binding
      if (e.getCause() instanceof UnboundConfigurationPropertiesException cause) {
        for (ConfigurationProperty property : cause.getUnboundProperties()) {
          String name = property.getName().toString();
          if (ofThePlugin(name)
              && !bound.origins.contains(originOf(property))
              && (!name.startsWith(REPORT_SETTINGS + ".") || fromEnvironment(property))) {
            unbound.put(name, property);
          }
        }
      }
    }
    return unbound;
  }

  /**
   * The plugin's properties that are set (as Spring names them: {@code checkup.lint.mode}), {@code
   * checkup.enabled} left out, in name order.
   */
  static List<String> set(Environment environment) {
    Binder binder = Binder.get(environment);
    Bound bound = new Bound();
    try {
      binder.bind(REPORT_SETTINGS, Bindable.of(ReportSettings.class), bound);
      binder.bind("checkup", Bindable.ofInstance(new CheckupProperties()), bound);
    } catch (BindException e) {
      // a value that does not convert: the settings that did are named all the same, and the
      // plugin in use (the application's own) never reads them
    }
    bound.names.remove(ENABLED);
    return List.copyOf(new TreeSet<>(bound.names));
  }

  /** Whether a property comes from an environment variable, where Spring maps names its own way. */
  private static boolean fromEnvironment(ConfigurationProperty property) {
    return property.getSource() != null && isEnvironment(property.getSource());
  }

  /** Whether a source is the environment variables, whose names Spring maps several ways. */
  static boolean isEnvironment(ConfigurationPropertySource source) {
    return source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
  }

  /**
   * Where a value was set, comparable between two bindings (Spring makes a new origin object for
   * each look-up of a property source's entry): the source and the entry's own name.
   */
  private static Object originOf(ConfigurationProperty property) {
    Origin origin = property.getOrigin();
    if (origin instanceof PropertySourceOrigin entry) {
      return List.of(entry.getPropertySource().getName(), entry.getPropertyName());
    }
    return origin != null ? origin : property.getName();
  }

  /** Notes where every value a setting was bound from came from. */
  private static final class Bound extends AbstractBindHandler {
    final Set<Object> origins = new HashSet<>();
    final Set<String> names = new HashSet<>();

    @Override
    public Object onSuccess(
        ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
      ConfigurationProperty property = context.getConfigurationProperty();
      if (property != null) {
        origins.add(originOf(property));
        // a map's own binding reports the last of its entries: only the entry names itself
        if (property.getName().equals(name)) {
          names.add(name.toString());
        }
      }
      return super.onSuccess(name, target, context, result);
    }
  }

  /** Whether a name lies in one of the plugin's sections, or a letter or two from one. */
  private static boolean ofThePlugin(String name) {
    return Spelling.closest(section(name), SECTIONS, SECTION_CLOSE) != null;
  }

  /** {@code lint} of {@code checkup.lint.mode}, {@code enabled} of {@code checkup.enabled}. */
  private static String section(String name) {
    String[] parts = name.split("\\.", 3);
    return parts.length > 1 ? parts[1] : "";
  }

  /** Every property of the configuration reference, map properties as written there. */
  private static List<String> known() {
    List<String> known = new ArrayList<>();
    known.add(ENABLED);
    for (Setting<?> setting : CheckupSettings.ALL) {
      known.add(setting.springProperty());
    }
    return known;
  }

  /** The sections of {@link #KNOWN}: {@code lint}, {@code stats}, ..., {@code enabled}. */
  private static Set<String> sections() {
    Set<String> sections = new LinkedHashSet<>();
    for (String known : KNOWN) {
      sections.add(section(known));
    }
    return sections;
  }

  /**
   * The known property closest to {@code name}; under a map property ({@code
   * checkup.lint.rules.<rule-id>}) its prefix is compared and the rest of the name kept.
   */
  private static String meant(String name) {
    List<String> candidates = new ArrayList<>();
    for (String known : KNOWN) {
      if (known.startsWith(name + "-")) {
        // a word left out at the end: checkup.alerts.webhook for checkup.alerts.webhook-url
        return known;
      }
      int open = mapPart(known);
      if (open < 0) {
        candidates.add(known);
        continue;
      }
      String prefix = known.substring(0, open);
      int depth = prefix.split("\\.").length;
      String[] parts = name.split("\\.", depth + 1);
      if (parts.length > depth) {
        candidates.add(prefix + "." + parts[depth]);
      }
    }
    String meant = Spelling.closest(name, candidates, CLOSE);
    return meant == null || meant.equals(name) ? null : meant;
  }

  /** Where a property's map part ({@code .<rule-id>}, {@code .*}) begins, or -1. */
  private static int mapPart(String property) {
    int placeholder = property.indexOf(".<");
    return placeholder >= 0 ? placeholder : property.indexOf(".*");
  }
}
