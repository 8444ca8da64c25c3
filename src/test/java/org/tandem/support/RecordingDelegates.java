package org.tandem.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The stand-in beans of a model test on the plain engine: each mocked delegate, registered under the bean name the
 * model uses, records where it ran and what it saw, then does what the test says the real one does.
 */
public final class RecordingDelegates {

  private final List<String> calls = new ArrayList<>();
  private final Function<DelegateExecution, String> seen;

  /** @param seen what a call records besides the bean and the element, such as the variables the model hands it */
  public RecordingDelegates(Function<DelegateExecution, String> seen) {
    this.seen = seen;
  }

  public void register(String name, JavaDelegate delegate, JavaDelegate behaviour) throws Exception {
    doAnswer(invocation -> {
      DelegateExecution execution = invocation.getArgument(0);
      calls.add(name + "@" + execution.getCurrentActivityId() + seen.apply(execution));
      behaviour.execute(execution);
      return null;
    }).when(delegate).execute(any());
    Mocks.register(name, delegate);
  }

  /** Each call as {@code bean@element} and what it saw, in the order they ran. */
  public List<String> calls() {
    return calls;
  }
}
