package org.tandem.common;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * How a delegate or a listener of the models is written: the step is handed its process's variable facade
 * ({@link ProcessVariables}) over the execution or the task it runs for, and, where it needs them, the execution or
 * the task themselves.
 */
public final class ModelSteps {

  private ModelSteps() {
  }

  /** A service task's delegate that works only through the facade. */
  public static <V> JavaDelegate delegate(Function<DelegateExecution, V> facade, Consumer<V> step) {
    return execution -> step.accept(facade.apply(execution));
  }

  /** A service task's delegate that also needs the execution, say to set the business key. */
  public static <V> JavaDelegate delegate(Function<DelegateExecution, V> facade,
      BiConsumer<V, DelegateExecution> step) {
    return execution -> step.accept(facade.apply(execution), execution);
  }

  /** A user task's listener that works only through the facade. */
  public static <V> TaskListener listener(Function<DelegateTask, V> facade, Consumer<V> step) {
    return task -> step.accept(facade.apply(task));
  }

  /** A user task's listener that also needs the task, say its assignee or its local variables. */
  public static <V> TaskListener listener(Function<DelegateTask, V> facade, BiConsumer<V, DelegateTask> step) {
    return task -> step.accept(facade.apply(task), task);
  }
}
