package org.tandem.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.tandem.common.ConflictException;
import org.tandem.common.Privileged;
import org.tandem.common.ModelProcess;

/** How code outside the model asks for coaching and chooses from the shortlist: the door to {@code coaching-request}. */
@Component
class CoachingRequestProcess extends ModelProcess {

  static final String PROCESS = "coaching-request";
  static final String CHOOSE_TASK = "Task_ChooseCoach";
  /** The chosen coach's answer (MAT-3), and the coordinators' hand match, which their Tasklist filter lists. */
  static final String ANSWER_TASK = "Task_CoachAnswers";
  static final String MATCH_BY_HAND_TASK = "Task_MatchByHand";

  /** What a client asks for (MAT-1), with their consent to the privacy notice (DP-1). */
  record Ask(boolean consent, String kind, String developmentNeed, String draftGoals, String preferredFormat,
      String preferredLocation, String preferredSpecialism, String organisation, String sponsorId,
      List<String> lineManagers) {
  }

  CoachingRequestProcess(ProcessEngine engine) {
    super(engine, PROCESS);
  }

  /**
   * Starts a request as the signed-in client; the process draws up the shortlist.
   *
   * @return the request's id, also the business key of its process
   */
  String ask(Ask ask) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(MatchingVariables.CONSENT, ask.consent());
    variables.put(MatchingVariables.KIND, ask.kind());
    variables.put(MatchingVariables.DEVELOPMENT_NEED, ask.developmentNeed());
    variables.put(MatchingVariables.DRAFT_GOALS, ask.draftGoals());
    variables.put(MatchingVariables.PREFERRED_FORMAT, ask.preferredFormat());
    variables.put(MatchingVariables.PREFERRED_LOCATION, ask.preferredLocation());
    variables.put(MatchingVariables.PREFERRED_SPECIALISM, ask.preferredSpecialism());
    variables.put(MatchingVariables.ORGANISATION, ask.organisation());
    variables.put(MatchingVariables.SPONSOR_ID, ask.sponsorId());
    variables.put(MatchingVariables.LINE_MANAGERS, ask.lineManagers() == null ? null : String.join(",",
        ask.lineManagers()));
    return start(variables).getBusinessKey();
  }

  /** MAT-2: the coaches the client may choose from now, with why each fits, as their task shows them. */
  List<Map<String, Object>> shortlist(String requestId) {
    Task choose = chooseTask(requestId);
    Object candidates = Privileged.call(engine, () -> engine.getTaskService().getVariable(choose.getId(),
        MatchingVariables.SHORTLIST_CANDIDATES));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list = ((SpinJsonNode) candidates).mapTo(List.class);
    return list;
  }

  /** MAT-3: the client's choice, submitted as their task's form, as the signed-in client. */
  void choose(String requestId, String coachId) {
    Task choose = chooseTask(requestId);
    engine.getFormService().submitTaskForm(choose.getId(),
        Map.of(MatchingVariables.CHOSEN_COACH_ID, coachId == null ? "" : coachId));
  }

  private Task chooseTask(String requestId) {
    Task task = Privileged.call(engine, () -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(requestId).taskDefinitionKey(CHOOSE_TASK).singleResult());
    if (task == null) {
      throw new ConflictException("Request " + requestId + " has no shortlist to choose from now.");
    }
    return task;
  }
}
