package io.checkup.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.PlainText;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.GraphBuilder;
import io.checkup.lint.xml.XmlReader;
import io.checkup.threads.DaemonThreads;
import java.io.ByteArrayInputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-up's knowledge of each process definition, kept in {@code CHECKUP_MODEL}: written when
 * a model is deployed, and for definitions deployed before the plugin (or when that write failed)
 * worked out once from the stored model the first time a report needs it. Reports read it; they
 * never parse models.
 */
public final class ModelProfiles {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.report");
  static final ObjectMapper JSON = new ObjectMapper();

  private final ModelTable table;
  private final ProcessEngineConfigurationImpl engine;
  private final Map<String, ModelProfile> cache = new ConcurrentHashMap<>();

  /**
   * The newest definition cached for each tenant and process key: a report reads the latest version
   * of a key only, so a newer version's profile lets the older one go at once (a pipeline that
   * deploys all day never fills this node's memory between two reports over all tenants).
   */
  private final Map<List<String>, Newest> newest = new ConcurrentHashMap<>();

  private record Newest(String definitionId, int version) {}

  private final AtomicLong workedOut = new AtomicLong();

  private final Linter linter;

  /**
   * Profiles that may wait to be stored; past it a deployment's profiles are left to the report.
   */
  private static final int SAVES_WAITING = 1_000;

  /**
   * Stores the profiles of new deployments. Not on the deploying thread: that thread still holds
   * the engine's connection when the deployment's commit listeners run, and a second one from the
   * same pool, for each of as many deployments at once as the pool has connections, would leave
   * every one of them waiting for the pool. A profile not stored yet is in this node's memory, and
   * another node works it out from the stored model; one whose save is dropped (a full queue) too.
   */
  private final ThreadPoolExecutor saver;

  /**
   * @param linter the installation's linter: its errors are the models' errors
   * @param engineName for the saving thread's name
   */
  public ModelProfiles(
      ModelTable table, ProcessEngineConfigurationImpl engine, Linter linter, String engineName) {
    this.table = table;
    this.engine = engine;
    this.linter = linter;
    this.saver =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(SAVES_WAITING),
            DaemonThreads.named("camunda-checkup-models " + engineName, true),
            new ThreadPoolExecutor.DiscardPolicy());
  }

  /** Stores what waits to be stored (up to 10 s) and stops the saving thread. */
  public void close() {
    saver.shutdown();
    try {
      if (!saver.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn(
            "camunda-checkup: model profiles still waited to be stored at close; the report works them "
                + "out again");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until the profiles handed over so far are stored (for tests). */
  void awaitSaved() throws InterruptedException {
    Future<?> marker = saver.submit(() -> {});
    try {
      marker.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Works out and stores the profiles of the definitions a deployment just made from one model
   * (called after the deployment committed), from the graph and findings deploy-time linting
   * already has: the model is not read again.
   *
   * @param linted the lint configuration the findings were found with, or null when nothing was
   *     linted (deploy-time lint is off): then the model is linted here, once
   */
  public void deployed(
      BpmnGraph graph, List<Finding> findings, LintConfig linted, List<DeployedModel> models) {
    Map<String, ModelProfile> profiles =
        linted == null
            ? ModelProfiler.profiles(graph, linter.lint(graph).findings(), linter.config())
            : ModelProfiler.profiles(graph, findings, linted);
    Map<DeployedModel, ModelProfile> kept = new LinkedHashMap<>();
    for (DeployedModel model : models) {
      ModelProfile profile = profiles.get(model.processKey());
      if (profile != null) {
        keep(model.definitionId(), model.tenantId(), model.processKey(), model.version(), profile);
        kept.put(model, profile);
      }
    }
    if (!kept.isEmpty()) {
      // turned into JSON by the saving thread too: on the deploying thread that was about 1.5 % of
      // a 100-node deployment
      saver.execute(() -> save(kept.size(), () -> rows(kept)));
    }
  }

  private static List<ModelTable.Row> rows(Map<DeployedModel, ModelProfile> profiles) {
    List<ModelTable.Row> rows = new ArrayList<>(profiles.size());
    profiles.forEach(
        (model, profile) ->
            rows.add(
                new ModelTable.Row(
                    model.definitionId(),
                    model.tenantId(),
                    model.processKey(),
                    model.version(),
                    model.deploymentId(),
                    model.deployTime(),
                    toJson(profile))));
    return rows;
  }

  private void save(List<ModelTable.Row> rows) {
    save(rows.size(), () -> rows);
  }

  /**
   * Stores the {@code count} rows {@code rows} makes; a failure to make or store them is logged.
   */
  private void save(int count, Supplier<List<ModelTable.Row>> rows) {
    try {
      table.save(rows.get(), ClockUtil.getCurrentTime().getTime());
    } catch (SQLException | RuntimeException e) {
      LOG.warn(
          "camunda-checkup: storing {} model profile(s) failed ({}); they are worked out again when a report "
              + "needs them",
          count,
          e.getMessage());
    }
  }

  /**
   * The profiles of these definitions, by definition id; missing ones are worked out and stored
   * now.
   */
  Map<String, ModelProfile> profiles(Collection<TenantFacts.Definition> definitions) {
    Map<String, ModelProfile> result = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (TenantFacts.Definition definition : definitions) {
      ModelProfile known = cache.get(definition.id());
      if (known != null) {
        result.put(definition.id(), known);
      } else {
        unknown.add(definition.id());
      }
    }
    if (unknown.isEmpty()) {
      return result;
    }
    // profiles of an older format: worked out again, but kept in case the model can no longer be
    // read
    Map<String, ModelProfile> outdated = new HashMap<>();
    try {
      for (ModelTable.Row row : table.load(unknown)) {
        try {
          ModelProfile profile = fromJson(row.profileJson());
          if (profile != null) {
            result.put(row.definitionId(), profile);
          } else {
            outdated.put(row.definitionId(), lenient(row.profileJson()));
          }
        } catch (RuntimeException e) {
          LOG.warn(
              "camunda-checkup: the stored profile of {} is unreadable ({}); working it out from the model",
              row.definitionId(),
              e.getMessage());
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn(
          "camunda-checkup: reading model profiles failed ({}); working them out from the models",
          e.getMessage());
    }
    List<ModelTable.Row> worked = new ArrayList<>();
    for (TenantFacts.Definition definition : definitions) {
      if (!result.containsKey(definition.id())) {
        ModelProfile profile = workOut(definition);
        if (profile == null && outdated.get(definition.id()) != null) {
          // the model cannot be read any more: the older profile is better than none (and is not
          // stored again)
          result.put(definition.id(), outdated.get(definition.id()));
        } else if (profile != null) {
          result.put(definition.id(), profile);
          worked.add(
              new ModelTable.Row(
                  definition.id(),
                  definition.tenantId(),
                  definition.key(),
                  definition.version(),
                  definition.deploymentId(),
                  definition.deployTime(),
                  toJson(profile)));
        }
      }
    }
    save(worked);
    for (TenantFacts.Definition definition : definitions) {
      ModelProfile profile = result.get(definition.id());
      if (profile != null) {
        keep(
            definition.id(),
            definition.tenantId(),
            definition.key(),
            definition.version(),
            profile);
      }
    }
    return result;
  }

  /**
   * Caches a definition's profile unless a newer version of its process is cached, and lets an
   * older version's go.
   */
  private void keep(
      String definitionId, String tenantId, String key, int version, ModelProfile profile) {
    // atomic for the process: two versions kept at once never leave the older one behind
    newest.compute(
        Arrays.asList(tenantId, key),
        (process, cached) -> {
          if (cached != null && cached.version() > version) {
            return cached;
          }
          if (cached != null && !cached.definitionId().equals(definitionId)) {
            cache.remove(cached.definitionId());
          }
          cache.put(definitionId, profile);
          return new Newest(definitionId, version);
        });
  }

  /**
   * Reads the stored model of a definition, once. Read as the engine itself, whoever asked for the
   * report: the caller's tenants are checked by the report, and a profile is the same for everyone.
   */
  private ModelProfile workOut(TenantFacts.Definition definition) {
    workedOut.incrementAndGet();
    try {
      byte[] model =
          engine
              .getCommandExecutorTxRequired()
              .execute(
                  context -> {
                    context.disableAuthorizationCheck();
                    context.disableTenantCheck();
                    ResourceEntity resource =
                        context
                            .getResourceManager()
                            .findResourceByDeploymentIdAndResourceName(
                                definition.deploymentId(), definition.resourceName());
                    return resource == null ? null : resource.getBytes();
                  });
      if (model == null) {
        LOG.warn(
            "camunda-checkup: the model of {} ({} in deployment {}) is missing",
            definition.id(),
            PlainText.oneLine(definition.resourceName(), PlainText.NAME_LENGTH),
            definition.deploymentId());
        return null;
      }
      BpmnGraph graph = GraphBuilder.build(XmlReader.read(new ByteArrayInputStream(model)));
      return ModelProfiler.profiles(graph, linter.lint(graph).findings(), linter.config())
          .get(definition.key());
    } catch (Exception e) {
      LOG.warn(
          "camunda-checkup: the model of {} cannot be read for the check-up: {}",
          definition.id(),
          e.getMessage());
      return null;
    }
  }

  /**
   * How many stored models this node has read and profiled because no profile was stored for them.
   */
  public long modelsWorkedOut() {
    return workedOut.get();
  }

  /**
   * Forgets the profiles of definitions that are no longer the latest (they are in the table if
   * ever needed).
   */
  void retainOnly(Set<String> definitionIds) {
    // per process and atomically with keep(): a version kept meanwhile never stays in the cache
    // without the entry that lets it go when a newer one comes
    for (List<String> process : newest.keySet()) {
      newest.computeIfPresent(
          process,
          (p, kept) -> {
            if (definitionIds.contains(kept.definitionId())) {
              return kept;
            }
            cache.remove(kept.definitionId());
            return null;
          });
    }
    cache.keySet().retainAll(definitionIds);
  }

  /** How many profiles this node keeps in memory (for tests). */
  int cached() {
    return cache.size();
  }

  /**
   * The format of stored profiles. Raised whenever what a profile counts changes (2: conditions are
   * the two-way exclusive gateways only; 3: no findings by severity; 4: the errors that no other
   * indicator counts; 5: cascades raised to error are not among those errors), so that profiles
   * stored by an older version of the plugin are worked out again.
   */
  static final int FORMAT = 5;

  static String toJson(ModelProfile profile) {
    try {
      ObjectNode node = JSON.valueToTree(profile);
      node.put("format", FORMAT);
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The stored profile, or null when it was stored in an older format. One of a newer format (a
   * newer plugin on another node of the cluster) is read as far as this version understands it, and
   * left as it is.
   */
  static ModelProfile fromJson(String json) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(json);
      JsonNode format = node.remove("format");
      if (format == null || format.asInt() < FORMAT) {
        return null;
      }
      return format.asInt() == FORMAT
          ? JSON.treeToValue(node, ModelProfile.class)
          : LENIENT.treeToValue(node, ModelProfile.class);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("unreadable model profile: " + e.getMessage(), e);
    }
  }

  /** A stored profile of any format, as far as it can be read; null when it cannot. */
  private static ModelProfile lenient(String json) {
    try {
      JsonNode node = LENIENT.readTree(json);
      return LENIENT.treeToValue(node, ModelProfile.class);
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  private static final ObjectMapper LENIENT =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
}
