package org.tandem.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tandem.common.LifecycleSettings;
import org.tandem.support.ModelClock;
import org.tandem.support.ProcessTestEngine;
import org.tandem.support.RecordingDelegates;

/**
 * {@code processes/evaluation.bpmn} on the plain in-memory engine, its delegates mocked: one respondent's
 * questionnaire, its reminder and its deadline. {@link EvaluationProcessTest} proves the same rules with the real
 * delegates.
 * The forms are deployed beside the model, as {@code ModelDeployer} does: the engine runs the model without them
 * ({@code camunda:formRef} is resolved only when a task's form is fetched), but a task's form can then not be fetched.
 */
@Deployment(resources = {"processes/evaluation.bpmn", "forms/evaluation-client-start.form",
    "forms/evaluation-client-middle.form", "forms/evaluation-client-end.form", "forms/evaluation-coach-middle.form",
    "forms/evaluation-coach-end.form", "forms/evaluation-sponsor-end.form"})
class EvaluationModelTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.withCoverage();

  private static final Instant START = Instant.parse("2026-09-02T09:00:00Z");
  private static final String RELATIONSHIP = "R-1";
  private static final String RESPONDENT = "client";
  private static final long EVALUATION = 42L;

  private final LifecycleSettings settings = ModelClock.defaultSettings();

  private final JavaDelegate registerEvaluation = mock(JavaDelegate.class);
  private final JavaDelegate remindRespondent = mock(JavaDelegate.class);
  private final JavaDelegate recordEvaluation = mock(JavaDelegate.class);
  private final JavaDelegate recordEvaluationNotReturned = mock(JavaDelegate.class);

  /** What each delegate saw when it ran: its element and the variables the model hands it. */
  private final RecordingDelegates delegates = new RecordingDelegates(EvaluationModelTest::seen);

  @BeforeEach
  void registerTheDelegates() throws Exception {
    ModelClock.startAt(engine.getProcessEngine(), START, settings);
    delegates.register("registerEvaluation", registerEvaluation, execution -> execution.setVariable("evaluationId", EVALUATION));
    delegates.register("remindRespondent", remindRespondent, execution -> { });
    delegates.register("recordEvaluation", recordEvaluation, execution -> { });
    delegates.register("recordEvaluationNotReturned", recordEvaluationNotReturned, execution -> { });
  }

  private static String seen(DelegateExecution execution) {
    return " " + execution.getVariable("relationshipId") + " "
        + execution.getVariable("respondentId") + " " + execution.getVariable("questionnaire")
        + (execution.hasVariable("evaluationId") ? " #" + execution.getVariable("evaluationId") : "");
  }

  @AfterEach
  void reset() {
    ModelClock.reset();
  }

  private ProcessInstance start(Questionnaire questionnaire) {
    return engine.getRuntimeService().startProcessInstanceByKey("evaluation", RELATIONSHIP,
        Map.of("relationshipId", RELATIONSHIP, "respondentId", RESPONDENT, "questionnaire", suffix(questionnaire),
            "kind", "COACHING"));
  }

  private static String suffix(Questionnaire questionnaire) {
    return questionnaire.name().toLowerCase().replace('_', '-');
  }

  private String deployedForm(Task task) {
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Questionnaire.class)
  @DisplayName("EVA-1 each questionnaire is registered and asked of its respondent with its own form")
  void questionnaire_asked_with_its_form(Questionnaire questionnaire) {
    ProcessInstance evaluation = start(questionnaire);

    assertThat(evaluation).hasPassed("Task_RegisterEvaluation").isWaitingAt("Task_Evaluate")
        .task().isAssignedTo(RESPONDENT);
    assertThat(delegates.calls()).containsExactly(
        "registerEvaluation@Task_RegisterEvaluation R-1 " + RESPONDENT + " " + suffix(questionnaire));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(evaluation.getId())
        .initializeFormKeys().singleResult();
    assertThat(task.getCamundaFormRef().getKey()).isEqualTo("evaluation-" + suffix(questionnaire));
    assertThat(deployedForm(task)).contains("\"id\": \"evaluation-" + suffix(questionnaire) + "\"");
  }

  @Test
  @DisplayName("EVA-4 returned answers are recorded for the evaluation that was registered, and it closes as returned")
  void returned() throws Exception {
    ProcessInstance evaluation = start(Questionnaire.CLIENT_END);
    complete(task(evaluation), withVariables("anonymousGoalsAchieved", "MOSTLY"));

    assertThat(evaluation).isEnded().hasPassedInOrder("Task_RegisterEvaluation", "Task_Evaluate",
        "Task_RecordAnswers", "Event_Returned").hasNotPassed("Task_RemindRespondent", "Task_RecordNotReturned");
    assertThat(delegates.calls()).containsExactly(
        "registerEvaluation@Task_RegisterEvaluation R-1 client client-end",
        "recordEvaluation@Task_RecordAnswers R-1 client client-end #" + EVALUATION);
    verify(remindRespondent, never()).execute(any());
    verify(recordEvaluationNotReturned, never()).execute(any());
    assertThat(engine.getManagementService().createJobQuery().count()).as("the timers go with the task").isZero();
  }

  @Test
  @DisplayName("EVA-5 an open evaluation is reminded once, when the reminder period has passed, and can still be returned")
  void reminded_once_then_returned() throws Exception {
    ProcessInstance evaluation = start(Questionnaire.COACH_MIDDLE);

    ModelClock.firesAt(engine.getProcessEngine(), job("Event_ReminderDue", evaluation),
        START.plus(settings.evaluationReminder()));

    assertThat(evaluation).hasPassed("Task_RemindRespondent", "Event_Reminded").isWaitingAt("Task_Evaluate")
        .task().isAssignedTo(RESPONDENT);
    assertThat(delegates.calls()).contains("remindRespondent@Task_RemindRespondent R-1 client coach-middle #" + EVALUATION);
    assertThat(engine.getManagementService().createJobQuery().activityId("Event_ReminderDue").count())
        .as("no second reminder").isZero();

    complete(task(evaluation));
    assertThat(evaluation).isEnded().hasPassed("Event_Returned").hasNotPassed("Task_RecordNotReturned");
    verify(remindRespondent, times(1)).execute(any());
    verify(recordEvaluation, times(1)).execute(any());
  }

  @Test
  @DisplayName("EVA-5 an evaluation not returned by the deadline closes as not returned, after its one reminder")
  void not_returned() throws Exception {
    ProcessInstance evaluation = start(Questionnaire.SPONSOR_END);

    ClockUtil.setCurrentTime(Date.from(START.plus(settings.evaluationReminder())));
    execute(job("Event_ReminderDue", evaluation));
    ModelClock.firesAt(engine.getProcessEngine(), job("Event_CloseDue", evaluation),
        START.plus(settings.evaluationClose()));

    assertThat(evaluation).isEnded()
        .hasPassedInOrder("Task_RemindRespondent", "Task_RecordNotReturned", "Event_NotReturned")
        .hasNotPassed("Task_RecordAnswers", "Event_Returned");
    assertThat(delegates.calls()).containsExactly(
        "registerEvaluation@Task_RegisterEvaluation R-1 client sponsor-end",
        "remindRespondent@Task_RemindRespondent R-1 client sponsor-end #" + EVALUATION,
        "recordEvaluationNotReturned@Task_RecordNotReturned R-1 client sponsor-end #" + EVALUATION);
    verify(recordEvaluation, never()).execute(any());
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
  }
}
