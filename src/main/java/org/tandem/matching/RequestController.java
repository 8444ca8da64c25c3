package org.tandem.matching;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.common.Privileged;
import org.tandem.identity.Callers;
import org.tandem.identity.Roles;
import org.tandem.common.NotPermittedException;
import org.tandem.common.ConflictException;

/** Requests for coaching or mentoring over HTTP (MAT-1..3): ask, see the shortlist, choose. */
@RestController
@RequestMapping("/api/requests")
class RequestController {

  /** A request as the client submits it; consent is required (DP-1). */
  record RequestBodyDto(boolean consent, String kind, String developmentNeed, String draftGoals,
      String preferredFormat, String preferredLocation, String preferredSpecialism, String organisation,
      String sponsorId, Set<String> lineManagers) {
  }

  /** A request as its client and coordinators see it. */
  record RequestView(String id, String kind, CoachingRequest.Status status, int failedAttempts,
      String relationshipId, Instant createdAt) {

    static RequestView of(CoachingRequest request) {
      return new RequestView(request.id(), request.kind().name(), request.status(), request.failedAttempts(),
          request.relationshipId(), request.createdAt());
    }
  }

  /** The client's choice from their shortlist. */
  record Choice(String coachId) {
  }

  private final MatchingService matching;
  private final ProcessEngine engine;

  RequestController(MatchingService matching, ProcessEngine engine) {
    this.matching = matching;
    this.engine = engine;
  }

  /** MAT-1: a client asks; the request process starts and draws up the shortlist. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  RequestView request(@RequestBody RequestBodyDto body, Authentication caller) {
    if (!Callers.hasRole(caller, Roles.CLIENTS)) {
      throw new NotPermittedException("Only clients ask for coaching or mentoring.");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(MatchingVariables.CONSENT, body.consent());
    variables.put(MatchingVariables.KIND, body.kind());
    variables.put(MatchingVariables.DEVELOPMENT_NEED, body.developmentNeed());
    variables.put(MatchingVariables.DRAFT_GOALS, body.draftGoals());
    variables.put(MatchingVariables.PREFERRED_FORMAT, body.preferredFormat());
    variables.put(MatchingVariables.PREFERRED_LOCATION, body.preferredLocation());
    variables.put(MatchingVariables.PREFERRED_SPECIALISM, body.preferredSpecialism());
    variables.put(MatchingVariables.ORGANISATION, body.organisation());
    variables.put(MatchingVariables.SPONSOR_ID, body.sponsorId());
    variables.put(MatchingVariables.LINE_MANAGERS,
        body.lineManagers() == null ? null : String.join(",", body.lineManagers()));
    ProcessInstance started = engine.getRuntimeService().startProcessInstanceByKey("coaching-request", variables);
    return RequestView.of(matching.existing(started.getBusinessKey()));
  }

  @GetMapping("/{id}")
  RequestView read(@PathVariable String id, Authentication caller) {
    return RequestView.of(own(id, caller));
  }

  /** MAT-2: the coaches the client may choose from now, with why each fits. */
  @GetMapping("/{id}/shortlist")
  List<Map<String, Object>> shortlist(@PathVariable String id, Authentication caller) {
    own(id, caller);
    Task choose = chooseTask(id);
    Object candidates = Privileged.call(engine, () -> engine.getTaskService().getVariable(choose.getId(),
        MatchingVariables.SHORTLIST_CANDIDATES));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list = ((SpinJsonNode) candidates).mapTo(List.class);
    return list;
  }

  /** MAT-3: the client chooses from the shortlist, as their task in Tasklist does. */
  @PostMapping("/{id}/choice")
  RequestView choose(@PathVariable String id, @RequestBody Choice choice, Authentication caller) {
    CoachingRequest request = own(id, caller);
    if (!request.clientId().equals(caller.getName())) {
      throw new NotPermittedException("Only the client chooses their coach or mentor.");
    }
    Task choose = chooseTask(id);
    engine.getFormService().submitTaskForm(choose.getId(),
        Map.of(MatchingVariables.CHOSEN_COACH_ID, choice.coachId() == null ? "" : choice.coachId()));
    return RequestView.of(matching.existing(id));
  }

  private Task chooseTask(String id) {
    Task task = Privileged.call(engine, () -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(id).taskDefinitionKey("Task_ChooseCoach").singleResult());
    if (task == null) {
      throw new ConflictException("Request " + id + " has no shortlist to choose from now.");
    }
    return task;
  }

  private CoachingRequest own(String id, Authentication caller) {
    CoachingRequest request = matching.existing(id);
    if (!request.clientId().equals(caller.getName()) && !Callers.isCoordinator(caller)) {
      throw new NotPermittedException("Only the client and coordinators can see a request.");
    }
    return request;
  }
}
