package io.checkup.lint.config;

/**
 * A configuration file or setting that cannot be used; the message names the file and the problem.
 */
public final class ConfigException extends Exception {

  public ConfigException(String message) {
    super(message);
  }
}
