package org.tandem.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.tandem.TandemApplication;

/**
 * The whole application on a random port over a fresh in-memory H2 database, with the default profile's demo users.
 * The job executor and the outbox worker are off: tests run due jobs and send notifications themselves, so nothing
 * happens behind their back.
 * Every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.datasource.url=jdbc:h2:mem:tandem-${random.uuid}",
        "camunda.bpm.job-execution.enabled=false",
        "tandem.notifications.worker-enabled=false",
        "tandem.privacy.key-file=target/confidential-store-test.key"
    })
public @interface TandemSpringBootTest {
}
