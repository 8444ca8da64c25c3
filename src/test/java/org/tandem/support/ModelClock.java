package org.tandem.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.boot.context.properties.bind.Binder;
import org.tandem.common.LifecycleSettings;
import org.tandem.common.LifecycleTimers;

/**
 * The plain engine's clock in a model test whose timers read the lifecycle settings: set at the test's start, with
 * the {@code lifecycleTimers} bean the model's timers call, and a timer shown to fall due when the settings say.
 */
public final class ModelClock {

  private ModelClock() {
  }

  /** The lifecycle settings as the application's defaults bind them. */
  public static LifecycleSettings defaultSettings() {
    return new Binder().bindOrCreate("tandem.lifecycle", LifecycleSettings.class);
  }

  /** Binds the assertions to the engine, sets its clock at the start and registers the timers' bean. */
  public static void startAt(ProcessEngine engine, Instant start, LifecycleSettings settings) {
    init(engine);
    ClockUtil.setCurrentTime(Date.from(start));
    Mocks.register("lifecycleTimers", new LifecycleTimers(settings));
  }

  /** Takes the stand-in beans away and gives the engine back its own clock. */
  public static void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  /** The timer is due at {@code due}: nothing runs a minute before, the timer alone then; it runs. */
  public static void firesAt(ProcessEngine engine, Job timer, Instant due) {
    assertThat(timer.getDuedate()).isEqualTo(Date.from(due));
    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofMinutes(1))));
    assertThat(engine.getManagementService().createJobQuery().executable().count()).isZero();
    ClockUtil.setCurrentTime(Date.from(due));
    assertThat(engine.getManagementService().createJobQuery().executable().singleResult().getId())
        .isEqualTo(timer.getId());
    execute(timer);
  }
}
