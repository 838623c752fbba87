package io.checkup.rest;

import java.util.Set;

/**
 * The JAX-RS resources of camunda-checkup, for registering them next to Camunda's own in a REST
 * application of one's own (a plain engine with the REST API deployed as a web application): add
 * these classes to the application's {@code getClasses()} as Camunda's {@code
 * CamundaRestResources.getResourceClasses()} are. Spring Boot and Camunda Run register them
 * automatically.
 */
public final class CheckupRestResources {

  private CheckupRestResources() {}

  public static Set<Class<?>> getResourceClasses() {
    return Set.of(CheckupRestService.class, NamedEngineCheckupRestService.class);
  }
}
