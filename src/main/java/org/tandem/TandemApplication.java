package org.tandem;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tandem: the relationship lifecycle engine for coaching and mentoring programmes.
 * One Spring Boot application with the embedded Camunda engine, its webapps and engine REST.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TandemApplication {

  public static void main(String[] args) {
    SpringApplication.run(TandemApplication.class, args);
  }
}
