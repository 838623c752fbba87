package io.checkup.stats;

import io.checkup.db.PluginTables;
import io.checkup.text.Durations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.CompositeIncidentHandler;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.metrics.reporter.DbMetricsReporter;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the statistics into an engine's life: listeners at parse time ({@code preInit}), incident
 * observers and the shutdown hook ({@code postInit}), tables and the flusher once the engine is
 * built, and a final flush when it closes.
 */
public final class StatsModule {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.stats");

  private final StatsSettings settings;
  private final boolean collecting;
  private final StatsCollector collector = new StatsCollector();
  private ProcessEngineConfigurationImpl configuration;
  private StatsStore store;
  private StatsFlusher flusher;
  private Statistics statistics;
  private Thread shutdownHook;
  private volatile boolean closed;
  private volatile ProcessEngine engine;
  private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
  private StatsParseListener parseListener;

  /** Why the statistics and the report cannot run on this database, or null when they can. */
  private String unsupported;

  /** Adds something to run after the final flush when the engine closes. */
  public void onClose(Runnable action) {
    onClose.add(action);
  }

  /**
   * @param collecting false: the tables are kept (the check-up report stores model profiles there)
   *     but nothing is counted
   */
  public StatsModule(StatsSettings settings, boolean collecting) {
    this.settings = settings;
    this.collecting = collecting;
  }

  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    if (!collecting) {
      return;
    }
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    parseListener = new StatsParseListener(collector);
    listeners.add(parseListener);
  }

  /**
   * Switches the statistics off for good (the database has no tables for them): nothing is counted,
   * the counting listeners come off the engine's parser before any model is parsed. Call in {@code
   * postInit}, instead of it.
   *
   * @param reason why, for whoever asks
   */
  public void switchOff(ProcessEngineConfigurationImpl configuration, String reason) {
    unsupported = reason;
    if (parseListener != null) {
      for (Deployer deployer : configuration.getDeployers()) {
        if (deployer instanceof BpmnDeployer bpmn) {
          bpmn.getBpmnParser().getParseListeners().remove(parseListener);
        }
      }
    }
  }

  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // every close of the engine runs its close command through the schema operations' executor,
    // metrics on or off, statistics on or off: the plugin's own close rides on it, before the
    // command, while the database is still there (the metrics reporter below comes earlier still)
    configuration.setCommandExecutorSchemaOperations(
        new ClosingSchemaOperations(
            configuration.getCommandExecutorSchemaOperations(), this::close));
    if (!collecting) {
      return;
    }
    observeIncidents(configuration);
    CommandEnds.install(configuration);
    parseListener.countProcessEndsIn(ProcessEnds.install(configuration, collector));
    DbMetricsReporter reporter = configuration.getDbMetricsReporter();
    if (configuration.isMetricsEnabled()
        && reporter != null
        && reporter.getClass() == DbMetricsReporter.class) {
      // the engine stops its metrics reporter first thing in close(), while the database is still
      // there
      configuration.setDbMetricsReporter(new ClosingMetricsReporter(reporter, this::close));
    }
  }

  /**
   * Next to the engine's handler of each incident type, which stays in charge: an observer that
   * counts.
   */
  private void observeIncidents(ProcessEngineConfigurationImpl configuration) {
    Map<String, IncidentHandler> handlers = configuration.getIncidentHandlers();
    Set<String> types = new HashSet<>(handlers.keySet());
    types.add(Incident.FAILED_JOB_HANDLER_TYPE);
    types.add(Incident.EXTERNAL_TASK_HANDLER_TYPE);
    for (String type : types) {
      IncidentHandler existing = handlers.get(type);
      IncidentObserver observer = new IncidentObserver(type, collector);
      if (existing instanceof CompositeIncidentHandler composite) {
        composite.add(observer);
      } else {
        handlers.put(
            type,
            new CompositeIncidentHandler(
                existing != null ? existing : new DefaultIncidentHandler(type), observer));
      }
    }
  }

  /** Why statistics and report are off on this engine's database, or null when they run. */
  public String unsupported() {
    return unsupported;
  }

  public void engineBuilt(ProcessEngine engine, PluginTables tables) {
    if (unsupported != null) {
      return;
    }
    this.engine = engine;
    store = new StatsStore(tables);
    store.applySchemaUpdate(configuration.getDatabaseSchemaUpdate());
    flusher = new StatsFlusher(collector, store, settings);
    statistics = new Statistics(collector, store, flusher, settings, collecting);
    if (!collecting) {
      LOG.info("camunda-checkup statistics: switched off (statsEnabled=false); nothing is counted");
      return;
    }
    flusher.start();
    // an engine never closed (a plain engine's main that just exits): the counts are written at the
    // JVM's exit at the latest. Only written: an engine closed beside it (Spring Boot's shutdown
    // hook) still writes what its last work counts, and its close takes this hook off
    shutdownHook = new Thread(this::flushAtExit, "camunda-checkup-stats shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    LOG.info(
        "camunda-checkup statistics: node {}, flush every {}, hours rolled into days after {}, kept {}",
        settings.nodeId(),
        Durations.format(settings.flushInterval()),
        Durations.format(settings.rollUpAfter()),
        Durations.format(settings.retention()));
  }

  private void flushAtExit() {
    if (!closed) {
      flusher.flushAtExit();
    }
  }

  /** Final flush (and, with databaseSchemaUpdate=create-drop, dropping the tables). Runs once. */
  public void close() {
    if (closed || flusher == null) {
      return;
    }
    closed = true;
    if (collecting) {
      stopJobs();
      flusher.stop();
    }
    for (Runnable action : onClose) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("camunda-checkup: cleaning up after the engine failed: {}", e.getMessage());
      }
    }
    if ("create-drop".equals(configuration.getDatabaseSchemaUpdate())) {
      try {
        store.drop();
      } catch (RuntimeException e) {
        LOG.warn("camunda-checkup statistics: dropping the tables failed: {}", e.getMessage());
      }
    }
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down already
      }
    }
  }

  /**
   * The engine takes itself off its job executor right after it stops its metrics reporter, where
   * the final flush runs; done here first, so that the jobs running now (the default job executor
   * waits up to a minute for them) commit their counts before the final flush, not after it, when
   * nothing would write them any more. Taking an engine off twice does nothing the second time.
   */
  private void stopJobs() {
    ProcessEngine closing = engine;
    JobExecutor jobs = configuration.getJobExecutor();
    if (closing instanceof ProcessEngineImpl impl && jobs != null) {
      try {
        jobs.unregisterProcessEngine(impl);
      } catch (RuntimeException e) {
        LOG.warn(
            "camunda-checkup statistics: stopping the engine's jobs before the final flush failed: {}",
            e.getMessage());
      }
    }
  }

  /** The tables, once the engine is built. */
  public StatsStore store() {
    if (store == null) {
      throw new IllegalStateException(
          "camunda-checkup: the tables are set up once the engine is built");
    }
    return store;
  }

  public boolean isCollecting() {
    return collecting;
  }

  public Statistics statistics() {
    if (statistics == null) {
      throw new IllegalStateException("camunda-checkup: statistics start once the engine is built");
    }
    return statistics;
  }

  public StatsSettings settings() {
    return settings;
  }

  /**
   * The engine's executor of schema operations (its build and close commands, nothing on the
   * request path), plus the plugin's close before the engine's close command.
   */
  private static final class ClosingSchemaOperations implements CommandExecutor {

    /** The engine's close command; a class of the engine's own package, so known by name. */
    private static final String CLOSE_COMMAND =
        "org.camunda.bpm.engine.impl.SchemaOperationProcessEngineClose";

    private final CommandExecutor original;
    private final Runnable onClose;

    ClosingSchemaOperations(CommandExecutor original, Runnable onClose) {
      this.original = original;
      this.onClose = onClose;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command.getClass().getName().equals(CLOSE_COMMAND)) {
        try {
          onClose.run();
        } catch (RuntimeException e) {
          LOG.warn("camunda-checkup: closing the plugin with the engine failed", e);
        }
      }
      return original.execute(command);
    }
  }

  /**
   * The engine's own metrics reporter, plus a statistics flush when the engine stops it on close.
   */
  private static final class ClosingMetricsReporter extends DbMetricsReporter {

    private final Runnable onStop;

    ClosingMetricsReporter(DbMetricsReporter original, Runnable onStop) {
      super(original.getMetricsRegistry(), original.getCommandExecutor());
      setReportingIntervalInSeconds(original.getReportingIntervalInSeconds());
      this.onStop = onStop;
    }

    @Override
    public void stop() {
      try {
        onStop.run();
      } finally {
        super.stop();
      }
    }
  }
}
