package io.checkup.engine;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One setting of the plugin, in one place: its name as a plugin property (Camunda Run's {@code
 * plugin-parameters}, a plain engine's configuration), its Spring Boot property, its default, how
 * its text is read and written, and what it does. The catalog is {@link CheckupSettings};
 * docs/configuration.md lists every setting, and a test keeps the two in step.
 *
 * @param <T> the type of the value
 */
public final class Setting<T> {

  /**
   * Reads a setting's text; throws {@code IllegalArgumentException} with a message that names the
   * problem.
   */
  @FunctionalInterface
  interface Parser<T> {
    T parse(String text);
  }

  private final String property;
  private final String springProperty;
  private final T defaultValue;
  private final Parser<T> parser;
  private final Function<T, String> writer;
  private final String description;
  private Consumer<T> check = value -> {};

  Setting(
      String property,
      String springProperty,
      T defaultValue,
      Parser<T> parser,
      Function<T, String> writer,
      String description) {
    this.property = property;
    this.springProperty = springProperty;
    this.defaultValue = defaultValue;
    this.parser = parser;
    this.writer = writer;
    this.description = description;
  }

  /** The plugin property, e.g. {@code statsFlushInterval}. */
  public String property() {
    return property;
  }

  /** The Spring Boot property, e.g. {@code checkup.stats.flush-interval}. */
  public String springProperty() {
    return springProperty;
  }

  /**
   * Both names, for a message that may reach a plain engine's or a Spring Boot user: {@code
   * lintRules (checkup.lint.rules.<rule-id>)}.
   */
  public String names() {
    return property + " (" + springProperty + ")";
  }

  public T defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** Adds a check every value must pass, however it was given, after the checks added before. */
  Setting<T> checking(Consumer<T> valueCheck) {
    this.check = check.andThen(valueCheck);
    return this;
  }

  /**
   * Checks a value; an {@code IllegalArgumentException} names this setting both ways ({@link
   * #names()}) and the problem.
   */
  void check(T value) {
    if (value == null) {
      return;
    }
    try {
      check.accept(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(names() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The value of a text, or an {@code IllegalArgumentException} naming this setting and the
   * problem.
   */
  T parse(String text) {
    T value;
    try {
      value = parser.parse(text);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "invalid value '" + text + "'" : e.getMessage();
      throw new IllegalArgumentException(names() + ": " + message, e);
    }
    check(value);
    return value;
  }

  /** A value as its text. */
  String write(T value) {
    return value == null ? null : writer.apply(value);
  }

  @Override
  public String toString() {
    return property;
  }
}
