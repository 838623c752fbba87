package io.checkup.engine;

import io.checkup.lint.LintConfig;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.config.ConfigException;
import io.checkup.lint.config.LintConfigLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the files settings name (the lint and report configuration files): a path, {@code
 * file:path} or {@code classpath:resource}; a problem names the setting and the file.
 */
final class SettingFiles {

  private SettingFiles() {}

  static LintConfig lintConfig(String location, RuleCatalog catalog) throws ConfigException {
    if (location.startsWith("classpath:")) {
      byte[] content = read(location, CheckupSettings.LINT_CONFIG_FILE.names());
      return LintConfigLoader.load(new ByteArrayInputStream(content), location, catalog);
    }
    return LintConfigLoader.load(
        regularFile(location, CheckupSettings.LINT_CONFIG_FILE.names()), catalog);
  }

  static String text(String location, String setting) throws ConfigException {
    return new String(read(location, setting), StandardCharsets.UTF_8);
  }

  /** The file a path or {@code file:path} names, which must be a regular file. */
  private static Path regularFile(String location, String setting) throws ConfigException {
    Path path =
        Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(
          setting
              + ": "
              + path.toAbsolutePath()
              + (Files.isDirectory(path) ? " is a directory, not a file" : " does not exist"));
    }
    return path;
  }

  /** The content of a setting's file: a path, {@code file:path} or {@code classpath:resource}. */
  private static byte[] read(String location, String setting) throws ConfigException {
    if (location.startsWith("classpath:")) {
      String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
      ClassLoader loader =
          Thread.currentThread().getContextClassLoader() != null
              ? Thread.currentThread().getContextClassLoader()
              : SettingFiles.class.getClassLoader();
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          throw new ConfigException(setting + ": " + location + " not found on the class path");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new ConfigException(setting + ": " + location + " cannot be read: " + e.getMessage());
      }
    }
    Path path = regularFile(location, setting);
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ConfigException(
          setting + ": " + path.toAbsolutePath() + " cannot be read: " + e.getMessage());
    }
  }
}
