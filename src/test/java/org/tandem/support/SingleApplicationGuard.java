package org.tandem.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Fails fast, with what to do, when a second application starts in a JVM that already runs one: Camunda's webapps
 * and engine registry are static, so the second would answer with the first one's state or with errors.
 */
public class SingleApplicationGuard extends AbstractTestExecutionListener {

  private static ProcessEngine first;

  @Override
  public void prepareTestInstance(TestContext testContext) {
    testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).ifAvailable(engine -> {
      synchronized (SingleApplicationGuard.class) {
        if (first == null || first.getProcessEngineConfiguration() == null) {
          first = engine;
        } else if (first != engine) {
          throw new IllegalStateException(testContext.getTestClass().getName()
              + " starts a second application in this JVM. Share the configuration of @TandemSpringBootTest, "
              + "or annotate the class with @OwnJvm so that it runs in a JVM of its own.");
        }
      }
    });
  }
}
