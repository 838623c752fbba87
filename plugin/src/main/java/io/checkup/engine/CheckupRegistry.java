package io.checkup.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plugin instance of each running engine, by engine name: how the REST resources find the
 * check-up.
 */
public final class CheckupRegistry {

  private static final Map<String, CheckupProcessEnginePlugin> PLUGINS = new ConcurrentHashMap<>();

  private CheckupRegistry() {}

  static void register(String engineName, CheckupProcessEnginePlugin plugin) {
    PLUGINS.put(engineName, plugin);
  }

  static void unregister(String engineName, CheckupProcessEnginePlugin plugin) {
    PLUGINS.remove(engineName, plugin);
  }

  /** The plugin of the named engine, or null when that engine has none (or does not run). */
  public static CheckupProcessEnginePlugin of(String engineName) {
    return PLUGINS.get(engineName);
  }
}
