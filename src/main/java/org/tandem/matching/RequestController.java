package org.tandem.matching;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.identity.Callers;
import org.tandem.identity.Roles;
import org.tandem.common.NotPermittedException;

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
  private final CoachingRequestProcess process;

  RequestController(MatchingService matching, CoachingRequestProcess process) {
    this.matching = matching;
    this.process = process;
  }

  /** MAT-1: a client asks; the request process starts and draws up the shortlist. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  RequestView request(@RequestBody RequestBodyDto body, Authentication caller) {
    if (!Callers.hasRole(caller, Roles.CLIENTS)) {
      throw new NotPermittedException("Only clients ask for coaching or mentoring.");
    }
    String id = process.ask(new CoachingRequestProcess.Ask(body.consent(), body.kind(), body.developmentNeed(),
        body.draftGoals(), body.preferredFormat(), body.preferredLocation(), body.preferredSpecialism(),
        body.organisation(), body.sponsorId(), body.lineManagers() == null ? null : List.copyOf(body.lineManagers())));
    return RequestView.of(matching.existing(id));
  }

  @GetMapping("/{id}")
  RequestView read(@PathVariable String id, Authentication caller) {
    return RequestView.of(own(id, caller));
  }

  /** MAT-2: the coaches the client may choose from now, with why each fits. */
  @GetMapping("/{id}/shortlist")
  List<Map<String, Object>> shortlist(@PathVariable String id, Authentication caller) {
    own(id, caller);
    return process.shortlist(id);
  }

  /** MAT-3: the client chooses from the shortlist, as their task in Tasklist does. */
  @PostMapping("/{id}/choice")
  RequestView choose(@PathVariable String id, @RequestBody Choice choice, Authentication caller) {
    CoachingRequest request = own(id, caller);
    if (!request.clientId().equals(caller.getName())) {
      throw new NotPermittedException("Only the client chooses their coach or mentor.");
    }
    process.choose(id, choice.coachId());
    return RequestView.of(matching.existing(id));
  }

  private CoachingRequest own(String id, Authentication caller) {
    CoachingRequest request = matching.existing(id);
    if (!request.clientId().equals(caller.getName()) && !Callers.isCoordinator(caller)) {
      throw new NotPermittedException("Only the client and coordinators can see a request.");
    }
    return request;
  }
}
