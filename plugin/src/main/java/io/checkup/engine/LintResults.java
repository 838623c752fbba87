package io.checkup.engine;

import io.checkup.lint.Finding;
import io.checkup.lint.Linter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The Java API to lint findings: what deploy-time linting found, per deployment and per process definition.
 *
 * <p>Findings of deployments made since the engine started are kept from deploy time. For older deployments (or
 * after a restart, or on another node of a cluster) the stored models are linted once on first request, without
 * logging, and kept too. The cache is bounded, least recently used first out.
 */
public final class LintResults {

  private static final int MAX_CACHED_DEPLOYMENTS = 2_000;

  private final Map<String, Map<String, ResourceFindings>> byDeployment =
      Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, ResourceFindings>> eldest) {
          return size() > MAX_CACHED_DEPLOYMENTS;
        }
      });
  private final DeploymentLinter linter;
  private volatile RepositoryService repositoryService;

  LintResults(DeploymentLinter linter) {
    this.linter = linter;
  }

  void attach(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** Called after a deployment's transaction committed. */
  void record(ResourceFindings resource) {
    synchronized (byDeployment) {
      byDeployment.computeIfAbsent(resource.deploymentId(), id -> new LinkedHashMap<>())
          .put(resource.resourceName(), resource);
    }
  }

  /** The findings of every BPMN resource of a deployment, or empty when there is no such deployment. */
  public Optional<List<ResourceFindings>> forDeployment(String deploymentId) {
    Map<String, ResourceFindings> known = byDeployment.get(deploymentId);
    if (known != null) {
      return Optional.of(List.copyOf(known.values()));
    }
    RepositoryService repository = repositoryService();
    Deployment deployment = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
    if (deployment == null) {
      return Optional.empty();
    }
    List<ResourceFindings> resources = new ArrayList<>();
    for (String resourceName : repository.getDeploymentResourceNames(deploymentId)) {
      if (isBpmn(resourceName)) {
        resources.add(lintStored(repository, deploymentId, resourceName));
      }
    }
    for (ResourceFindings resource : resources) {
      record(resource);
    }
    return Optional.of(resources);
  }

  /**
   * The findings of one process definition: those inside its process plus those about the file as a whole, or empty
   * when there is no such definition.
   */
  public Optional<List<Finding>> forProcessDefinition(String processDefinitionId) {
    ProcessDefinition definition = repositoryService().createProcessDefinitionQuery()
        .processDefinitionId(processDefinitionId).singleResult();
    if (definition == null) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    for (ResourceFindings resource : forDeployment(definition.getDeploymentId()).orElse(List.of())) {
      if (resource.resourceName().equals(definition.getResourceName())) {
        for (Finding finding : resource.findings()) {
          if (finding.processId() == null || finding.processId().equals(definition.getKey())) {
            findings.add(finding);
          }
        }
      }
    }
    return Optional.of(findings);
  }

  private ResourceFindings lintStored(RepositoryService repository, String deploymentId, String resourceName) {
    try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
      return new ResourceFindings(deploymentId, resourceName, linter.lintStored(in.readAllBytes()));
    } catch (IOException e) {
      return new ResourceFindings(deploymentId, resourceName, List.of(Finding.parseError(
          "stored resource cannot be read: " + e.getMessage(), 0, 0)));
    }
  }

  private RepositoryService repositoryService() {
    RepositoryService repository = repositoryService;
    if (repository == null) {
      throw new IllegalStateException("the process engine is not built yet");
    }
    return repository;
  }

  static boolean isBpmn(String resourceName) {
    String name = resourceName.toLowerCase(Locale.ROOT);
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  /** The linter in use, for callers that lint models of their own with the engine's configuration. */
  public Linter linter() {
    return linter.linter();
  }
}
