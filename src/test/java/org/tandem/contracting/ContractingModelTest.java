package org.tandem.contracting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;
import org.tandem.common.LifecycleSettings;
import org.tandem.support.ModelClock;
import org.tandem.support.ProcessTestEngine;
import org.tandem.support.RecordingDelegates;

/**
 * {@code processes/contracting.bpmn} on the plain in-memory engine, its delegates mocked: the model's own paths,
 * without the application. {@link ContractingProcessTest} proves the same rules with the real delegates.
 * The forms are deployed beside the model, as {@code ModelDeployer} does: the engine runs the model without them
 * ({@code camunda:formRef} is resolved only when a task's form is fetched), but a task's form can then not be fetched.
 */
@Deployment(resources = {"processes/contracting.bpmn", "forms/contract-draft.form", "forms/contract-review.form",
    "forms/contract-sign.form", "forms/contract-sponsor.form"})
class ContractingModelTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.withCoverage();

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final String RELATIONSHIP = "R-1";
  private static final String COACH = "coach";
  private static final String CLIENT = "client";
  private static final String SPONSOR = "sponsor";

  private final LifecycleSettings settings = ModelClock.defaultSettings();

  private final JavaDelegate prepareContractDraft = mock(JavaDelegate.class);
  private final JavaDelegate saveContractDraft = mock(JavaDelegate.class);
  private final JavaDelegate recordContractAnswer = mock(JavaDelegate.class);
  private final JavaDelegate putContractInForce = mock(JavaDelegate.class);
  private final JavaDelegate remindAssignee = mock(JavaDelegate.class);

  /** What each delegate saw when it ran: its element and the variables the model hands it. */
  private final RecordingDelegates delegates = new RecordingDelegates(ContractingModelTest::seen);

  @BeforeEach
  void registerTheDelegates() throws Exception {
    ModelClock.startAt(engine.getProcessEngine(), START, settings);
    delegates.register("prepareContractDraft", prepareContractDraft, execution -> execution.setVariable("contractVersion", 1));
    delegates.register("saveContractDraft", saveContractDraft, execution -> { });
    // as the real delegate: a signature or the sponsor's agreement is "signed", a send-back is not
    delegates.register("recordContractAnswer", recordContractAnswer, execution -> {
      Object answer = execution.getVariable("contractAnswer");
      execution.setVariable("contractSigned", "SIGN".equals(answer) || "AGREE".equals(answer));
      execution.removeVariable("contractAnswer");
    });
    delegates.register("putContractInForce", putContractInForce, execution -> { });
    delegates.register("remindAssignee", remindAssignee, execution -> { });
  }

  private static String seen(DelegateExecution execution) {
    StringBuilder seen = new StringBuilder();
    for (String name : List.of("answeredBy", "reminderFor", "contractAnswer")) {
      if (execution.hasVariable(name)) {
        seen.append(' ').append(name).append('=').append(execution.getVariable(name));
      }
    }
    return seen.toString();
  }

  @AfterEach
  void reset() {
    ModelClock.reset();
  }

  private ProcessInstance start(String sponsorId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("relationshipId", RELATIONSHIP);
    variables.put("coachId", COACH);
    variables.put("clientId", CLIENT);
    variables.put("sponsorId", sponsorId);
    return engine.getRuntimeService().startProcessInstanceByKey("contracting", RELATIONSHIP, variables);
  }

  private void draft(ProcessInstance contracting) {
    assertThat(contracting).isWaitingAt("Task_DraftContract").task().isAssignedTo(COACH);
    complete(task(contracting));
  }

  private void answer(ProcessInstance contracting, String task, String assignee, String answer) {
    assertThat(contracting).isWaitingAt(task).task().isAssignedTo(assignee);
    complete(task(contracting), withVariables("contractAnswer", answer));
  }

  /** The contract is sent back from the task: it returns to the coach's draft. */
  private void sentBack(ProcessInstance contracting, String task, String assignee) {
    answer(contracting, task, assignee, "SEND_BACK");
    assertThat(contracting).isWaitingAt("Task_DraftContract").task().isAssignedTo(COACH);
  }

  /** The coach drafts the contract; the client and then the coach sign it. */
  private void draftedAndSigned(ProcessInstance contracting) {
    draft(contracting);
    signed(contracting);
  }

  private void signed(ProcessInstance contracting) {
    answer(contracting, "Task_ClientSigns", CLIENT, "SIGN");
    answer(contracting, "Task_CoachSigns", COACH, "SIGN");
  }

  @Test
  @DisplayName("CON-6 without a sponsor the contract is in force once the client and then the coach have signed")
  void client_then_coach_sign() throws Exception {
    ProcessInstance contracting = start(null);
    draftedAndSigned(contracting);

    assertThat(contracting).isEnded().hasPassedInOrder("Task_PrepareDraft", "Task_DraftContract", "Task_SaveDraft",
            "Task_ClientSigns", "Task_RecordClientAnswer", "Task_CoachSigns", "Task_RecordCoachAnswer",
            "Task_PutInForce", "Event_ContractInForce")
        .hasNotPassed("Task_SponsorAgreesGoals");
    assertThat(delegates.calls()).containsExactly(
        "prepareContractDraft@Task_PrepareDraft",
        "saveContractDraft@Task_SaveDraft",
        "recordContractAnswer@Task_RecordClientAnswer answeredBy=CLIENT contractAnswer=SIGN",
        "recordContractAnswer@Task_RecordCoachAnswer answeredBy=COACH contractAnswer=SIGN",
        "putContractInForce@Task_PutInForce");
    InOrder order = inOrder(prepareContractDraft, saveContractDraft, recordContractAnswer, putContractInForce);
    order.verify(prepareContractDraft).execute(any());
    order.verify(saveContractDraft).execute(any());
    order.verify(recordContractAnswer, times(2)).execute(any());
    order.verify(putContractInForce).execute(any());
    verify(remindAssignee, never()).execute(any());
  }

  @Test
  @DisplayName("CON-6 a client who sends the contract back returns it to the coach's draft, and nothing is in force")
  void client_sends_back() throws Exception {
    ProcessInstance contracting = start(null);
    draft(contracting);
    sentBack(contracting, "Task_ClientSigns", CLIENT);

    assertThat(contracting).hasNotPassed("Task_CoachSigns", "Task_PutInForce");
    assertThat(delegates.calls()).contains("recordContractAnswer@Task_RecordClientAnswer answeredBy=CLIENT contractAnswer=SEND_BACK");
    verify(putContractInForce, never()).execute(any());

    draftedAndSigned(contracting);
    assertThat(contracting).isEnded().hasPassed("Event_ContractInForce");
    verify(prepareContractDraft, times(1)).execute(any());
    verify(saveContractDraft, times(2)).execute(any());
    verify(putContractInForce, times(1)).execute(any());
  }

  @Test
  @DisplayName("CON-6 a coach who does not sign takes the contract back to revise it; the client signs the new draft")
  void coach_revises() throws Exception {
    ProcessInstance contracting = start(null);
    draft(contracting);
    answer(contracting, "Task_ClientSigns", CLIENT, "SIGN");
    sentBack(contracting, "Task_CoachSigns", COACH);

    verify(putContractInForce, never()).execute(any());

    draft(contracting);
    assertThat(contracting).isWaitingAt("Task_ClientSigns");
    signed(contracting);
    assertThat(contracting).isEnded().hasPassed("Event_ContractInForce");
    verify(recordContractAnswer, times(4)).execute(any());
  }

  @Test
  @DisplayName("CON-5 a nominated sponsor agrees the goals after both signatures; only then is the contract in force")
  void sponsor_agrees() throws Exception {
    ProcessInstance contracting = start(SPONSOR);
    draftedAndSigned(contracting);

    assertThat(contracting).isWaitingAt("Task_SponsorAgreesGoals").task().isAssignedTo(SPONSOR);
    verify(putContractInForce, never()).execute(any());

    answer(contracting, "Task_SponsorAgreesGoals", SPONSOR, "AGREE");
    assertThat(contracting).isEnded()
        .hasPassedInOrder("Task_RecordCoachAnswer", "Task_SponsorAgreesGoals", "Task_RecordSponsorAnswer",
            "Task_PutInForce", "Event_ContractInForce")
        .hasNotPassed("Task_RemindSponsor");
    assertThat(delegates.calls()).containsSubsequence(
        "recordContractAnswer@Task_RecordSponsorAnswer answeredBy=SPONSOR contractAnswer=AGREE",
        "putContractInForce@Task_PutInForce");
  }

  @Test
  @DisplayName("CON-5 a sponsor who sends the goals back returns the contract to the coach's draft")
  void sponsor_sends_back() throws Exception {
    ProcessInstance contracting = start(SPONSOR);
    draftedAndSigned(contracting);
    sentBack(contracting, "Task_SponsorAgreesGoals", SPONSOR);

    assertThat(engine.getManagementService().createJobQuery().processInstanceId(contracting.getId()).count())
        .as("the sponsor's reminder goes with the sponsor's task").isZero();
    verify(putContractInForce, never()).execute(any());

    draftedAndSigned(contracting);
    answer(contracting, "Task_SponsorAgreesGoals", SPONSOR, "AGREE");
    assertThat(contracting).isEnded().hasPassed("Event_ContractInForce");
  }

  @Test
  @DisplayName("CON-5 a sponsor who has not answered is reminded once, after the task reminder period, and still agrees")
  void sponsor_reminded_once() throws Exception {
    ProcessInstance contracting = start(SPONSOR);
    draftedAndSigned(contracting);

    ModelClock.firesAt(engine.getProcessEngine(), job("Event_SponsorReminderDue", contracting),
        START.plus(settings.taskReminder()));

    assertThat(contracting).hasPassed("Task_RemindSponsor", "Event_SponsorReminded")
        .isWaitingAt("Task_SponsorAgreesGoals").task().isAssignedTo(SPONSOR);
    assertThat(delegates.calls()).contains("remindAssignee@Task_RemindSponsor reminderFor=Task_SponsorAgreesGoals");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(contracting.getId()).count())
        .as("no second reminder").isZero();

    answer(contracting, "Task_SponsorAgreesGoals", SPONSOR, "AGREE");
    assertThat(contracting).isEnded().hasPassed("Event_ContractInForce");
    verify(remindAssignee, times(1)).execute(any());
  }
}
