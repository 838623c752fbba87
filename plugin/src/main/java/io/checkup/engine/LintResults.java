package io.checkup.engine;

import io.checkup.lint.Finding;
import io.checkup.lint.Linter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The Java API to lint findings: what deploy-time linting found, per deployment and per process
 * definition.
 *
 * <p>Findings of deployments made since the engine started are kept from deploy time. For older
 * deployments (or after a restart, or on another node of a cluster) the stored models are linted
 * once on first request, without logging, and kept too. What is kept has a budget in bytes, least
 * recently used out first; one deployment's answer lists at most {@value
 * ResourceFindings#MAX_FINDINGS} findings, and counts the rest.
 */
public final class LintResults implements DeploymentListener {

  /** Lints a stored model again (after a restart, on another node), without logging. */
  @FunctionalInterface
  interface StoredModelLinter {
    /**
     * @param withTimeToLive the keys of the resource's definitions that have a history time to live
     */
    List<Finding> lint(byte[] model, Set<String> withTimeToLive);
  }

  /** A deployment's kept findings and what they take on the heap. */
  private record Kept(Map<String, ResourceFindings> resources, long bytes) {}

  /** How long a caller waits for a stored model's lint (its own turn, or another caller's lint). */
  static final long WAIT_MILLIS = 10_000;

  /**
   * How many callers may wait at once; past that a caller is told to come back at once, so that a
   * crowd of requests holds few of the server's threads.
   */
  static final int MAX_WAITING = 8;

  private final Map<String, Kept> byDeployment = new LinkedHashMap<>(64, 0.75f, true);

  /** The lints of stored deployments under way, shared by every caller that asks for one. */
  private final Map<String, CompletableFuture<List<ResourceFindings>>> linting =
      new ConcurrentHashMap<>();

  /** One stored model linted at a time on this node: only one is held in memory. */
  private final Semaphore turn = new Semaphore(1, true);

  private final AtomicInteger waiting = new AtomicInteger();
  private final long waitMillis;
  private final long budget;
  private long bytes;
  private final StoredModelLinter storedLinter;
  private final Linter linter;
  private volatile RepositoryService repositoryService;

  /**
   * @param linter the engine's linter, for callers that lint models of their own with its
   *     configuration
   * @param budget bytes the kept findings may take
   */
  LintResults(StoredModelLinter storedLinter, Linter linter, long budget) {
    this(storedLinter, linter, budget, WAIT_MILLIS);
  }

  /**
   * @param waitMillis how long a caller waits for a stored model's lint
   */
  LintResults(StoredModelLinter storedLinter, Linter linter, long budget, long waitMillis) {
    this.storedLinter = storedLinter;
    this.linter = linter;
    this.budget = budget;
    this.waitMillis = waitMillis;
  }

  void attach(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** Keeps a new deployment's findings (with lint off, there are none to keep). */
  @Override
  public void deployed(DeployedResource resource) {
    if (resource.lintConfig() != null) {
      record(
          ResourceFindings.bounded(
              resource.deploymentId(), resource.resourceName(), resource.findings()));
    }
  }

  private void record(ResourceFindings resource) {
    synchronized (byDeployment) {
      Kept known = byDeployment.remove(resource.deploymentId());
      Map<String, ResourceFindings> resources =
          known == null ? new LinkedHashMap<>() : known.resources();
      if (known != null) {
        bytes -= known.bytes();
      }
      resources.put(resource.resourceName(), within(resources, resource));
      keep(resource.deploymentId(), resources);
    }
  }

  /**
   * The resource, cut so that its deployment lists at most {@value ResourceFindings#MAX_FINDINGS}
   * findings.
   */
  private static ResourceFindings within(
      Map<String, ResourceFindings> others, ResourceFindings resource) {
    int listed = 0;
    for (ResourceFindings other : others.values()) {
      if (!other.resourceName().equals(resource.resourceName())) {
        listed += other.findings().size();
      }
    }
    int room = Math.max(0, ResourceFindings.MAX_FINDINGS - listed);
    if (resource.findings().size() <= room) {
      return resource;
    }
    ResourceFindings cut =
        ResourceFindings.bounded(
            resource.deploymentId(), resource.resourceName(), resource.findings(), room);
    return new ResourceFindings(
        cut.deploymentId(), cut.resourceName(), cut.findings(), cut.omitted() + resource.omitted());
  }

  /** Keeps a deployment's findings, dropping the least recently used until the budget holds. */
  private void keep(String deploymentId, Map<String, ResourceFindings> resources) {
    long size = 64 + 2L * deploymentId.length();
    for (ResourceFindings resource : resources.values()) {
      size += resource.estimatedBytes();
    }
    if (size > budget) {
      return; // larger than the whole budget: answered, never kept
    }
    byDeployment.put(deploymentId, new Kept(resources, size));
    bytes += size;
    Iterator<Map.Entry<String, Kept>> eldest = byDeployment.entrySet().iterator();
    while (bytes > budget && eldest.hasNext()) {
      Map.Entry<String, Kept> entry = eldest.next();
      if (!entry.getKey().equals(deploymentId)) {
        bytes -= entry.getValue().bytes();
        eldest.remove();
      }
    }
  }

  /** Bytes the kept findings take now (an estimate), never more than the budget. */
  public long keptBytes() {
    synchronized (byDeployment) {
      return bytes;
    }
  }

  /**
   * The findings of every BPMN resource of a deployment, or empty when there is no such deployment.
   * Findings that are not kept are found by linting the stored models again: one deployment at a
   * time on this node, shared by every caller that asks for it meanwhile.
   *
   * @throws LintBusyException when the caller has waited {@value #WAIT_MILLIS} ms for the lint (its
   *     own turn, or the lint another caller started), or {@value #MAX_WAITING} callers wait
   *     already; a lint under way goes on, and asking again later gets its findings
   */
  public Optional<List<ResourceFindings>> forDeployment(String deploymentId) {
    List<ResourceFindings> kept = kept(deploymentId);
    if (kept != null) {
      return Optional.of(kept);
    }
    RepositoryService repository = repositoryService();
    Deployment deployment =
        repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
    if (deployment == null) {
      return Optional.empty();
    }
    if (waiting.incrementAndGet() > MAX_WAITING) {
      waiting.decrementAndGet();
      throw busy(MAX_WAITING + " requests wait for stored models to be linted already");
    }
    CompletableFuture<List<ResourceFindings>> mine = new CompletableFuture<>();
    try {
      CompletableFuture<List<ResourceFindings>> underWay = linting.putIfAbsent(deploymentId, mine);
      if (underWay != null) {
        return Optional.of(await(underWay));
      }
      if (!takeTurn()) {
        LintBusyException busy = busy("another deployment's stored models have been linting");
        mine.completeExceptionally(busy); // and so for those who joined it meanwhile
        linting.remove(deploymentId, mine);
        throw busy;
      }
    } finally {
      waiting.decrementAndGet(); // waiting no more: answered, told to come back, or linting
    }
    try {
      // kept meanwhile by a caller that was linting it when this one looked
      List<ResourceFindings> found = kept(deploymentId);
      if (found == null) {
        found = lintStored(repository, deploymentId);
      }
      mine.complete(found);
      return Optional.of(found);
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      linting.remove(deploymentId, mine);
      turn.release();
    }
  }

  /** How many callers wait for a stored model's lint now (for tests and diagnostics). */
  int waiting() {
    return waiting.get();
  }

  /** A deployment's kept findings, or null. */
  private List<ResourceFindings> kept(String deploymentId) {
    synchronized (byDeployment) {
      Kept known = byDeployment.get(deploymentId);
      return known == null ? null : List.copyOf(known.resources().values());
    }
  }

  /** Lints a deployment's stored BPMN resources and keeps their findings. */
  private List<ResourceFindings> lintStored(RepositoryService repository, String deploymentId) {
    Map<String, ResourceFindings> resources = new LinkedHashMap<>();
    for (String resourceName : repository.getDeploymentResourceNames(deploymentId)) {
      if (isBpmn(resourceName)) {
        resources.put(
            resourceName, within(resources, lintStored(repository, deploymentId, resourceName)));
      }
    }
    synchronized (byDeployment) {
      Kept known = byDeployment.remove(deploymentId);
      if (known != null) {
        bytes -= known.bytes();
      }
      keep(deploymentId, resources);
    }
    return List.copyOf(resources.values());
  }

  private boolean takeTurn() {
    try {
      return turn.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy("interrupted while waiting");
    }
  }

  /** The outcome of the lint another caller started, waited for at most {@link #waitMillis}. */
  private List<ResourceFindings> await(CompletableFuture<List<ResourceFindings>> underWay) {
    try {
      return underWay.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw busy("the deployment's stored models have been linting");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy("interrupted while waiting");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private LintBusyException busy(String what) {
    return new LintBusyException(
        "The lint findings cannot be had now: "
            + what
            + " (for up to "
            + waitMillis / 1000
            + " s on this node, one at a time). Try again later.");
  }

  /**
   * The findings of one process definition: those inside its process plus those about the file as a
   * whole, or empty when there is no such definition.
   */
  public Optional<List<Finding>> forProcessDefinition(String processDefinitionId) {
    return ofProcessDefinition(processDefinitionId).map(ResourceFindings::findings);
  }

  /**
   * As {@link #forProcessDefinition}, with the definition's resource and the count of its file's
   * findings beyond the bound that were not kept (of this process or another of the file: which one
   * is not known once they are dropped).
   */
  public Optional<ResourceFindings> ofProcessDefinition(String processDefinitionId) {
    ProcessDefinition definition =
        repositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionId(processDefinitionId)
            .singleResult();
    if (definition == null) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    int omitted = 0;
    for (ResourceFindings resource :
        forDeployment(definition.getDeploymentId()).orElse(List.of())) {
      if (resource.resourceName().equals(definition.getResourceName())) {
        omitted += resource.omitted();
        for (Finding finding : resource.findings()) {
          if (finding.processId() == null || finding.processId().equals(definition.getKey())) {
            findings.add(finding);
          }
        }
      }
    }
    return Optional.of(
        new ResourceFindings(
            definition.getDeploymentId(), definition.getResourceName(), findings, omitted));
  }

  /**
   * Lints a stored resource, with the turn taken: a model is read whole, and however many callers
   * ask at once, only one of them is held in memory.
   */
  private ResourceFindings lintStored(
      RepositoryService repository, String deploymentId, String resourceName) {
    try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
      return ResourceFindings.bounded(
          deploymentId,
          resourceName,
          storedLinter.lint(
              in.readAllBytes(),
              DeploymentLinter.withTimeToLive(
                  repository
                      .createProcessDefinitionQuery()
                      .deploymentId(deploymentId)
                      .processDefinitionResourceName(resourceName)
                      .list())));
    } catch (IOException e) {
      return new ResourceFindings(
          deploymentId,
          resourceName,
          List.of(Finding.parseError("stored resource cannot be read: " + e.getMessage(), 0, 0)));
    }
  }

  private RepositoryService repositoryService() {
    RepositoryService repository = repositoryService;
    if (repository == null) {
      throw new IllegalStateException("the process engine is not built yet");
    }
    return repository;
  }

  /**
   * Whether the engine parses this resource as BPMN: its own rule, by its own list of
   * case-sensitive suffixes. A resource the engine stored without parsing ({@code x.BPMN}, say) is
   * not linted either.
   */
  static boolean isBpmn(String resourceName) {
    for (String suffix : BpmnDeployer.BPMN_RESOURCE_SUFFIXES) {
      if (resourceName.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The linter in use, for callers that lint models of their own with the engine's configuration.
   */
  public Linter linter() {
    return linter;
  }
}
