package io.checkup.demo;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model under {@code processes/} as a deployment of its own once the engine is up, so
 * camunda-checkup lints each one and logs its findings. In strict mode the models with errors are
 * refused; that is logged, and the demo carries on with the others.
 */
@Component
public class SampleDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(SampleDeployer.class);

  private final RepositoryService repositoryService;
  private final DemoProperties properties;

  public SampleDeployer(RepositoryService repositoryService, DemoProperties properties) {
    this.repositoryService = repositoryService;
    this.properties = properties;
  }

  /** After the companies are set up, before the demo says it is ready. */
  @EventListener
  @Order(20)
  public void deploySamples(ApplicationReadyEvent event) throws IOException {
    if (!properties.isDeploySamples()) {
      return;
    }
    Resource[] models =
        new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
    for (Resource model : models) {
      deploy(model);
    }
  }

  private void deploy(Resource model) throws IOException {
    String name = model.getFilename();
    try (InputStream in = model.getInputStream()) {
      repositoryService
          .createDeployment()
          .name("sample " + name)
          .source("camunda-checkup demo")
          .enableDuplicateFiltering(true)
          .addInputStream(name, in)
          .deploy();
    } catch (ProcessEngineException e) {
      LOG.warn("Sample model {} was not deployed: {}", name, e.getMessage());
    }
  }
}
