package io.checkup.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The camunda-checkup demo: a Camunda 7 Spring Boot application (engine, REST API, Cockpit and
 * Tasklist, H2) with the plugin installed as a plain dependency. It deploys the sample models on
 * start, so the lint findings show up in the log right away.
 */
@SpringBootApplication
@EnableConfigurationProperties(DemoProperties.class)
public class SampleProcessesApplication {

  public static void main(String[] args) {
    SpringApplication.run(SampleProcessesApplication.class, args);
  }
}
